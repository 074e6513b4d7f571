import { fileURLToPath } from 'node:url';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { StudioPage } from './pages/StudioPage';

/**
 * Subject areas on a real schema (pagila): tables selected on the canvas become a named area,
 * drawn as a labelled region around them; renamed, filtered to, exported as a DBML TableGroup,
 * and still there after a reload.
 */
const pagila = fileURLToPath(new URL('../../shared/fixtures/schemas/pagila.sql', import.meta.url));

async function importPagila(studio: StudioPage) {
  const report = await studio.importFile(pagila, 180_000);
  await expect(report.getByRole('status')).toContainText('Imported 71 tables');
  await report.getByRole('button', { name: 'Done' }).click();
}

/** Click the first table, shift-click the others, as a person selects several. */
async function selectTables(page: Page, studio: StudioPage, names: string[]) {
  await studio.button('Fit view').click();
  const [first, ...rest] = names;
  await studio.table(first!).click();
  await page.keyboard.down('Shift');
  for (const name of rest) await studio.table(name).click();
  await page.keyboard.up('Shift');
}

const region = (page: Page, name: string) =>
  page.getByRole('group', { name: `Region of subject area ${name}`, exact: true });

async function read(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function expectEncloses(outer: Locator, inner: Locator) {
  const [o, i] = await Promise.all([outer.boundingBox(), inner.boundingBox()]);
  if (!o || !i) throw new Error('not drawn');
  expect(o.x).toBeLessThan(i.x);
  expect(o.y).toBeLessThan(i.y);
  expect(o.x + o.width).toBeGreaterThan(i.x + i.width);
  expect(o.y + o.height).toBeGreaterThan(i.y + i.height);
}

test('subject areas: drawn from selected tables, named, renamed, filtered to, exported, kept', async ({
  studio,
  page,
}) => {
  test.slow();
  await importPagila(studio);

  // Select three tables, press G, type the name.
  await selectTables(page, studio, ['film', 'actor', 'film_actor']);
  await page.keyboard.press('g');
  const draft = page.getByRole('textbox', { name: 'Subject area Subject area 1', exact: true });
  await expect(draft).toBeFocused();
  await page.keyboard.type('Catalogue “films” 🎬');
  await page.keyboard.press('Enter');
  const films = region(page, 'Catalogue “films” 🎬');
  await expect(films).toBeVisible();
  for (const name of ['film', 'actor', 'film_actor'])
    await expectEncloses(films, studio.table(name));

  // Rename: double-click the name on the canvas.
  await page
    .getByRole('button', { name: 'Subject area Catalogue “films” 🎬', exact: true })
    .dblclick();
  await expect(
    page.getByRole('textbox', { name: 'Subject area Catalogue “films” 🎬', exact: true }),
  ).toBeFocused();
  await page.keyboard.type('Films');
  await page.keyboard.press('Enter');
  await expect(region(page, 'Films')).toBeVisible();
  await expect(films).toHaveCount(0);

  // A second area from the toolbar button.
  await selectTables(page, studio, ['customer', 'rental', 'payment']);
  await studio.button('New subject area').click();
  await expect(
    page.getByRole('textbox', { name: 'Subject area Subject area 2', exact: true }),
  ).toBeFocused();
  await page.keyboard.type('Sales');
  await page.keyboard.press('Enter');
  await expect(region(page, 'Sales')).toBeVisible();

  // The filter shows only an area's tables.
  const filter = page.getByRole('combobox', { name: 'Schema or subject area shown on the canvas' });
  await filter.selectOption({ label: 'Films (3)' });
  await expect(studio.table('film')).toBeVisible();
  await expect(studio.table('film_actor')).toBeVisible();
  await expect(studio.table('customer')).toHaveCount(0);
  // Counted as a person finds them (far out a table is a box over the drawn map, not a .tw-table).
  await expect(page.getByRole('group', { name: /^Table / })).toHaveCount(3);
  // Back to everything from the area's own menu.
  await page.getByRole('button', { name: 'Options for subject area Films' }).click();
  const menu = page.getByRole('menu', { name: 'Subject area Films' });
  await menu.getByRole('menuitem', { name: 'Show all tables' }).click();
  await expect(studio.table('customer')).toHaveCount(1);
  await expect(filter).toHaveValue('');

  // Recolour from the menu.
  await page.getByRole('button', { name: 'Options for subject area Sales' }).click();
  await page
    .getByRole('menu', { name: 'Subject area Sales' })
    .getByRole('menuitemradio', { name: 'teal' })
    .click();
  await expect(region(page, 'Sales')).toHaveAttribute('data-color', 'teal');
  // Each change is one undo step.
  await studio.button('Undo').click();
  await expect(region(page, 'Sales')).toHaveAttribute('data-color', 'green');
  await studio.button('Redo').click();
  await expect(region(page, 'Sales')).toHaveAttribute('data-color', 'teal');

  // A table joins an area from the inspector, and leaves it from its context menu.
  await studio.button('Fit view').click();
  await studio.table('inventory').click();
  const picker = studio.inspector().getByRole('combobox', { name: 'Subject area' });
  await expect(picker).toHaveValue('');
  await picker.selectOption({ label: 'Sales' });
  await expect(filter.getByRole('option', { name: 'Sales (4)' })).toBeAttached();
  await studio.table('inventory').click({ button: 'right' });
  await page
    .getByRole('menu', { name: 'Table inventory' })
    .getByRole('menuitem', { name: 'Remove from “Sales”' })
    .click();
  await expect(filter.getByRole('option', { name: 'Sales (3)' })).toBeAttached();
  await expect(picker).toHaveValue('');

  // DBML export: one TableGroup per area, with the tables in the order they joined.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'DBML' }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download DBML' }).click(),
  ]);
  const dbml = await read(download);
  expect(dbml).toContain('TableGroup Films [color: #2563eb] {\n  film\n  actor\n  film_actor\n}');
  expect(dbml).toContain('TableGroup Sales [color: #0d9488] {\n  customer\n  rental\n  payment\n}');
  await page.keyboard.press('Escape');

  // Kept with the design: a reload opens it with both areas.
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
  await page.reload();
  await expect(region(page, 'Films')).toBeVisible();
  await expect(region(page, 'Sales')).toBeVisible();
});
