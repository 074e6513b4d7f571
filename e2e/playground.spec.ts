import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { typeInto } from './pages/typing';

async function generateRows(page: Page, perTable: number, report: string) {
  await page.getByRole('tab', { name: 'Data' }).click();
  await typeInto(page.getByRole('spinbutton', { name: 'Rows per table' }), String(perTable));
  await page.getByRole('button', { name: 'Generate sample data' }).click();
  await expect(page.getByRole('status', { name: 'Sample data report' })).toContainText(report, {
    timeout: 90_000,
  });
}

/** The text of one column of the row grid, top to bottom. */
const columnValues = (page: Page, column: string) =>
  page.getByRole('button', { name: new RegExp(`^${column} of row \\d+:`) }).allTextContents();

test('sample rows survive a reload, in step with a design changed meanwhile', async ({
  studio,
  page,
}) => {
  test.slow();
  await studio.expectAccepted();
  await generateRows(page, 20, 'Filled 5 tables with 100 rows');
  await expect(page.getByRole('note', { name: 'Sample rows storage' })).toContainText(
    'kept in this browser',
  );
  await page.getByRole('combobox', { name: 'Table to show' }).selectOption({ label: 'products' });
  await expect(page.getByRole('table', { name: 'Rows of products' })).toBeVisible();
  await expect(page.getByText('products: 20 rows')).toBeVisible();

  // The design changes while the playground is not showing: a new (nullable) column.
  await page.getByRole('tab', { name: 'Problems' }).click();
  await studio.table('products').getByRole('button', { name: 'Table name products' }).click();
  await studio.inspector().getByRole('button', { name: 'Add column' }).click();
  await page.keyboard.press('Enter');
  await expect(
    studio.inspector().getByRole('checkbox', { name: 'NOT NULL new_column' }),
  ).toBeVisible();
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');

  await page.reload();
  await expect(studio.canvas).toBeVisible();
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('combobox', { name: 'Table to show' }).selectOption({ label: 'products' });
  const grid = page.getByRole('table', { name: 'Rows of products' });
  await expect(page.getByText('products: 20 rows')).toBeVisible({ timeout: 60_000 });
  // The kept rows were migrated to the design as it is now.
  await expect(grid.getByRole('button', { name: 'Sort by new_column' })).toBeVisible();
  await expect(grid.getByRole('button', { name: 'new_column of row 1: NULL' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Sample rows storage' })).toContainText(
    'kept in this browser',
  );
});

test('a numeric column sorts as numbers: 2 before 10', async ({ studio, page }) => {
  test.slow();
  await studio.expectAccepted();
  await generateRows(page, 20, 'Filled 5 tables with 100 rows');
  await page.getByRole('combobox', { name: 'Table to show' }).selectOption({ label: 'products' });
  const grid = page.getByRole('table', { name: 'Rows of products' });
  await expect(page.getByText('products: 20 rows')).toBeVisible();
  const numeric = Array.from({ length: 20 }, (_, i) => String(i + 1));

  await grid.getByRole('button', { name: 'Sort by id' }).click();
  await expect(grid.locator('th[aria-sort="ascending"]')).toHaveText(/id/);
  await expect.poll(() => columnValues(page, 'id')).toEqual(numeric);
  const ascending = await columnValues(page, 'id');
  expect(ascending.indexOf('2')).toBeLessThan(ascending.indexOf('10'));

  await grid.getByRole('button', { name: 'Sort by id' }).click();
  await expect(grid.locator('th[aria-sort="descending"]')).toHaveText(/id/);
  await expect.poll(() => columnValues(page, 'id')).toEqual([...numeric].reverse());
});

test('the EXPLAIN lab keeps an unsaved query across a tab switch', async ({ studio, page }) => {
  await studio.expectAccepted();
  await page.getByRole('tab', { name: 'EXPLAIN lab' }).click();
  const editor = page.locator('.tw-query-editor');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('SELECT sku FROM products WHERE price > 5');
  const text = async () =>
    ((await editor.locator('.view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
  await expect.poll(text).toBe('SELECT sku FROM products WHERE price > 5');

  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(editor).toBeHidden();
  await page.getByRole('tab', { name: 'EXPLAIN lab' }).click();
  await expect.poll(text).toBe('SELECT sku FROM products WHERE price > 5');
  await expect(page.getByRole('button', { name: 'Run EXPLAIN ANALYZE' })).toBeEnabled();
});

test('the SQL console is pre-filled with a query on the design’s own table', async ({
  studio,
  page,
}) => {
  await studio.newDesign();
  await page.getByRole('tab', { name: 'SQL console' }).click();
  const sql = page.getByRole('textbox', { name: 'SQL to run' });
  // No tables: nothing to query yet, and a placeholder says what goes there.
  await expect(sql).toHaveValue('');
  await expect(sql).toHaveAttribute('placeholder', /SQL to run/);

  await studio.addNamedTable('books');
  await expect(sql).toHaveValue('SELECT * FROM books LIMIT 10;');
  await studio.expectAccepted();
  // And Postgres runs it.
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.getByRole('table', { name: 'SELECT result' })).toBeVisible({ timeout: 30_000 });
});
