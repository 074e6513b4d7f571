import { test, expect } from './fixtures';

test('search finds a table, selects it, and its DDL is highlighted; the DDL cursor selects tables', async ({
  studio,
  page,
}) => {
  const search = page.getByRole('combobox', { name: 'Search tables' });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await search.fill('prod');
  await expect(page.getByRole('option', { name: 'products' })).toBeVisible();
  await search.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector: products' })).toBeVisible();
  const highlighted = page.locator('[data-testid="ddl-editor"] .tw-ddl-selected');
  await expect(highlighted.first()).toBeVisible();
  await expect(
    page
      .locator('[data-testid="ddl-editor"] .view-line')
      .filter({ hasText: 'CREATE TABLE products (' }),
  ).toBeVisible();

  // Clicking into another table's statement in the DDL selects that table.
  await studio.table('orders').getByRole('button', { name: 'Column name status' }).click();
  await expect(page.getByRole('region', { name: 'Inspector: orders' })).toBeVisible();
  await page
    .locator('[data-testid="ddl-editor"] .view-line')
    .filter({ hasText: 'CREATE TABLE order_items (' })
    .click();
  await expect(page.getByRole('region', { name: 'Inspector: order_items' })).toBeVisible();
});

test('shift-click selects several tables; color them, delete them, undo', async ({
  studio,
  page,
}) => {
  await studio.table('customers').locator('.tw-table-header').click();
  await page.keyboard.down('Shift');
  await studio.table('products').locator('.tw-table-header').click();
  await page.keyboard.up('Shift');
  await expect(page.getByText(/^2 tables selected/)).toBeVisible();
  await page.getByRole('radio', { name: 'violet' }).click();
  await expect(studio.table('customers')).toHaveAttribute('data-color', 'violet');
  await expect(studio.table('products')).toHaveAttribute('data-color', 'violet');
  await page.getByRole('button', { name: 'Delete 2 tables' }).click();
  await expect(studio.table('customers')).toHaveCount(0);
  await expect(studio.table('products')).toHaveCount(0);
  // The foreign keys to them went too, and Postgres still accepts what is left.
  await studio.expectAccepted();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(studio.table('customers')).toBeVisible();
  await expect(studio.table('products')).toHaveAttribute('data-color', 'violet');
});

test('tables are added with the T shortcut and by double-clicking the canvas', async ({
  studio,
  page,
}) => {
  await studio.newDesign();
  await page.locator('.react-flow__pane').click({ position: { x: 100, y: 100 } });
  await page.keyboard.press('t');
  await expect(studio.table('new_table')).toBeVisible();
  // The new table's name takes the keyboard; Enter keeps the suggested name.
  await page.keyboard.press('Enter');
  await page.locator('.react-flow__pane').dblclick({ position: { x: 500, y: 420 } });
  await expect(studio.table('new_table_2')).toBeVisible();
  await page.keyboard.press('Enter');
  await studio.expectAccepted();
  await page.keyboard.press('Control+z');
  await expect(studio.table('new_table_2')).toHaveCount(0);
});

test('dragging a table moves it; the whole drag is one undo step', async ({ studio, page }) => {
  const header = studio.table('customers').locator('.tw-table-header');
  await expect(header).toBeVisible();
  const before = await studio.table('customers').boundingBox();
  if (!before) throw new Error('no box');
  await page.mouse.move(before.x + 150, before.y + 12);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(before.x + 150 + i * 12, before.y + 12 + i * 20);
  await page.mouse.up();
  await expect
    .poll(async () => (await studio.table('customers').boundingBox())?.y ?? 0)
    .toBeGreaterThan(before.y + 150);
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.round((await studio.table('customers').boundingBox())?.y ?? 0))
    .toBe(Math.round(before.y));
});

test('far out, a dragged table and its lines follow the hand; the drop stays, one undo step', async ({
  studio,
  page,
}) => {
  const farMap = page.locator('.tw-far-map');
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  for (let i = 0; i < 12 && (await farMap.count()) === 0; i++) await zoomOut.click();
  await expect(farMap).toBeVisible();
  // Far out, customers is a box over its drawing on the map.
  const customers = page.locator('.tw-far-hit').and(studio.table('customers'));
  await expect(customers).toBeVisible();
  const box = async () => (await customers.boundingBox())!;
  const before = await box();
  const x = before.x + before.width / 2;
  const y = before.y + Math.min(4, before.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x + i * 6, y + i * 8);
  // Still held: the box is under the hand, and customers' lines are drawn with it, apart from
  // the map (orders references customers).
  await expect.poll(async () => Math.round((await box()).x - before.x)).toBe(48);
  expect(Math.round((await box()).y - before.y)).toBe(64);
  const overlay = page.locator('.tw-far-map-over');
  await expect(overlay).toHaveAttribute('data-lines', /^[1-9]/);
  await page.mouse.up();
  // Let go: the table stays where it was dropped, drawn on the map again.
  await expect(overlay).not.toHaveAttribute('data-lines');
  expect(Math.round((await box()).x - before.x)).toBe(48);
  // The whole drag is one step back, and one forward.
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => Math.round((await box()).x - before.x)).toBe(0);
  expect(Math.round((await box()).y - before.y)).toBe(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(async () => Math.round((await box()).x - before.x)).toBe(48);
});
