import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { StudioPage } from './pages/StudioPage';

/**
 * Reading a big real schema (pagila: 71 tables with its partitions): find a column, focus on a
 * table's neighbours, find the chain of keys between two tables, see only the keys.
 */
const pagila = fileURLToPath(new URL('../../shared/fixtures/schemas/pagila.sql', import.meta.url));

async function importPagila(studio: StudioPage) {
  const report = await studio.importFile(pagila, 180_000);
  await expect(report.getByRole('status')).toContainText('Imported 71 tables');
  await report.getByRole('button', { name: 'Done' }).click();
}

/** The node around a table, where the canvas dims or lights it. */
/** A table's node near; far out, its box over the drawn map (which carries the same classes). */
const nodeOf = (page: Page, studio: StudioPage, name: string) =>
  page
    .locator('.react-flow__node')
    .filter({ has: studio.table(name) })
    .or(page.locator('.tw-far-hit').and(studio.table(name)));

test('search finds a column: its table is selected, centred, and the column lit', async ({
  studio,
  page,
}) => {
  await importPagila(studio);
  // The keyboard's way to the search box: / on the canvas.
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: 'Search tables' });
  await expect(search).toBeFocused();
  await page.keyboard.type('rental.return');
  const option = page.getByRole('option', { name: /^Column rental\.return_date / });
  await expect(option).toBeVisible();
  await expect(option).toContainText('timestamp');
  // Tables come first: typing a table's name still finds the table.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector: rental' })).toBeVisible();
  const rental = studio.table('rental');
  await expect(rental).toBeInViewport();
  const lit = rental.getByRole('listitem').and(page.locator('[aria-current="true"]'));
  await expect(lit).toHaveCount(1);
  await expect(lit).toContainText('return_date');

  // A table by name, with the mouse this time.
  await search.click();
  await page.keyboard.type('film_act');
  await page.getByRole('option', { name: 'film_actor', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Inspector: film_actor' })).toBeVisible();
  await expect(studio.table('film_actor')).toBeInViewport();
});

test('focus mode: a table and its neighbours, the rest dimmed or hidden; Esc leaves', async ({
  studio,
  page,
}) => {
  await importPagila(studio);
  await page.getByRole('combobox', { name: 'Search tables' }).click();
  await page.keyboard.type('film');
  await page.keyboard.press('Enter');
  await studio.inspector().getByRole('button', { name: 'Focus' }).click();

  const bar = page.getByRole('region', { name: 'Focus mode' });
  await expect(bar).toContainText('Focus: film');
  // film, language, film_actor, film_category, inventory, film_embedding: one key away, either
  // way (of the 16 tables drawn; partitions fold away).
  await expect(bar).toContainText('6 of 16 tables');
  await expect(nodeOf(page, studio, 'film_actor')).not.toHaveClass(/tw-dimmed/);
  await expect(nodeOf(page, studio, 'film')).not.toHaveClass(/tw-dimmed/);
  // The rest is still there, dimmed.
  await expect(
    page.locator('.react-flow__node.tw-dimmed, .tw-far-hit.tw-dimmed').first(),
  ).toBeVisible();

  await bar.getByRole('checkbox', { name: 'Hide other tables' }).check();
  await expect(studio.table('rental')).toHaveCount(0);
  await expect(studio.table('actor')).toHaveCount(0);
  await bar.getByRole('radio', { name: '2 hops' }).check();
  // Two keys away: actor through film_actor, rental through inventory.
  await expect(studio.table('actor')).toBeVisible();
  await expect(studio.table('rental')).toBeVisible();
  await expect(studio.table('payment')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(studio.table('payment')).toHaveCount(1);

  // From the keyboard: N on the selected table, then Esc; the reach and hiding are remembered.
  await studio.table('store').click();
  await page.keyboard.press('n');
  await expect(bar).toContainText('Focus: store');
  await expect(bar.getByRole('radio', { name: '2 hops' })).toBeChecked();
  // country is three keys from store (address, city, country).
  await expect(studio.table('country')).toHaveCount(0);
  await bar.getByRole('checkbox', { name: 'Hide other tables' }).uncheck();
  await expect(nodeOf(page, studio, 'country')).toHaveClass(/tw-dimmed/);
  await page.getByRole('button', { name: 'Exit focus' }).click();
  await expect(bar).toHaveCount(0);
  await expect(nodeOf(page, studio, 'country')).not.toHaveClass(/tw-dimmed/);

  // The table's context menu: right-click, arrow down to the action, Enter.
  await studio.table('city').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Table city' });
  await expect(menu.getByRole('menuitem', { name: /Focus on neighbours/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(bar).toContainText('Focus: city');
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
});

test('find path: the shortest chain of keys between two tables, or plainly none', async ({
  studio,
  page,
}) => {
  await importPagila(studio);
  // Every pagila table is joined to the others; a new table of one's own is not, yet.
  await studio.addNamedTable('audit_note');
  // The selected table (the new one) is where the path starts.
  await page.getByRole('button', { name: 'Find path' }).click();
  const panel = page.getByRole('region', { name: 'Find path' });
  const from = panel.getByRole('combobox', { name: 'From table' });
  const to = panel.getByRole('combobox', { name: 'To table' });
  await expect(from).toHaveValue('audit_note');
  // The keyboard is already in the end still to choose.
  await expect(to).toBeFocused();
  await page.keyboard.type('actor');
  await expect(panel.getByRole('status')).toHaveText(
    'No path: no chain of foreign keys joins audit_note and actor.',
  );
  // Nothing to show, so nothing is dimmed.
  await expect(page.locator('.react-flow__node.tw-dimmed, .tw-far-hit.tw-dimmed')).toHaveCount(0);

  await from.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('payment');
  await panel.getByRole('button', { name: 'Swap' }).click();
  await expect(from).toHaveValue('actor');
  await expect(to).toHaveValue('payment');
  await expect(panel.getByRole('status')).toContainText('5 foreign keys from actor to payment');
  await expect(
    panel.getByRole('list', { name: 'Tables on the path' }).getByRole('listitem'),
  ).toHaveText([
    /^actor$/,
    /^film_actor via film_actor\.actor_id → actor\.actor_id$/,
    /^film via film_actor\.film_id → film\.film_id$/,
    /^inventory via inventory\.film_id → film\.film_id$/,
    /^rental via rental\.inventory_id → inventory\.inventory_id$/,
    /^payment via payment\.rental_id → rental\.rental_id$/,
  ]);
  for (const name of ['actor', 'film_actor', 'film', 'inventory', 'rental', 'payment'])
    await expect(nodeOf(page, studio, name)).toHaveClass(/tw-on-path/);
  await expect(nodeOf(page, studio, 'language')).toHaveClass(/tw-dimmed/);
  await panel.getByRole('button', { name: 'Close path' }).click();
  await expect(panel).toHaveCount(0);
  // Opened again from the toolbar, Escape closes it straight away.
  await page.getByRole('button', { name: 'Find path' }).click();
  await expect(panel.getByRole('combobox').and(page.locator(':focus'))).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // Two tables selected, then P: the path between them at once; Esc closes it.
  await studio.button('Fit view').click();
  await studio.table('staff').click();
  await page.keyboard.down('Shift');
  await studio.table('country').click();
  await page.keyboard.up('Shift');
  await page.keyboard.press('p');
  await expect(panel.getByRole('status')).toContainText('3 foreign keys from staff to country');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});

test('keys only: every table shows just its key columns, and back', async ({ studio, page }) => {
  await importPagila(studio);
  await page.getByRole('combobox', { name: 'Search tables' }).click();
  await page.keyboard.type('customer');
  await page.keyboard.press('Enter');
  const customer = studio.table('customer');
  await expect(customer.getByRole('button', { name: 'Column name email' })).toBeVisible();
  const keysOnly = page.getByRole('button', { name: 'Keys only in every table' });
  await keysOnly.click();
  await expect(keysOnly).toHaveAttribute('aria-pressed', 'true');
  // customer keeps its key and its keys to store and address; email and the rest fold away.
  await expect(customer.getByRole('button', { name: 'Column name email' })).toHaveCount(0);
  await expect(customer.getByRole('button', { name: /^Column name / })).toHaveText([
    'customer_id',
    'store_id',
    'address_id',
  ]);
  await expect(customer).toContainText('8 more');
  // K from the canvas (a focused button keeps single keys to itself).
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('k');
  await expect(keysOnly).toHaveAttribute('aria-pressed', 'false');
  await expect(customer.getByRole('button', { name: 'Column name email' })).toBeVisible();
});
