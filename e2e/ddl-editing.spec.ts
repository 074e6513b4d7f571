import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const editor = (page: Page) => page.locator('[data-testid="ddl-editor"]');

/**
 * Types at the end of the DDL, as a person would after Ctrl+End: key by key, one statement a
 * line (Enter between lines; Monaco's auto-indent and bracket closing act as they do for a person).
 */
async function appendDdl(page: Page, lines: string[]) {
  await editor(page).click({ position: { x: 200, y: 20 } });
  await page.keyboard.press('Control+End');
  for (const line of lines) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

test('editing the DDL changes the diagram; a typo keeps the last valid diagram until fixed', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  await appendDdl(page, [
    '',
    'CREATE TABLE reviews (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));',
  ]);
  await expect(studio.table('reviews')).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('status').filter({ hasText: 'Diagram updated from your SQL' }),
  ).toBeVisible();
  // The existing tables kept their identity and place: customers is still blue and selected-able.
  await expect(studio.table('customers')).toHaveAttribute('data-color', 'blue');

  await appendDdl(page, [
    'ALTER TABLE reviews ADD COLUMN rating integer CHECK (rating BETWEEN 1 AND 5);',
  ]);
  await expect(
    studio.table('reviews').getByRole('button', { name: 'Column name rating' }),
  ).toBeVisible({ timeout: 60_000 });

  await appendDdl(page, ['CREAT TABLE oops (id int);']);
  await expect(page.getByRole('status').filter({ hasText: /problem in your SQL/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(editor(page).locator('.squiggly-error')).not.toHaveCount(0);
  await expect(studio.table('reviews')).toBeVisible();

  // Nothing typed is lost across a reload, even while it is invalid.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /problem in your SQL/ })).toBeVisible({
    timeout: 60_000,
  });
  await editor(page).click({ position: { x: 200, y: 20 } });
  await page.keyboard.press('Control+End');
  await expect(
    editor(page).locator('.view-line').filter({ hasText: 'CREAT TABLE oops' }),
  ).toBeVisible();

  // Fix the typo: the diagram follows.
  await editor(page).locator('.view-line').filter({ hasText: 'CREAT TABLE oops' }).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('CREATE TABLE oops (id int);');
  await expect(studio.table('oops')).toBeVisible({ timeout: 60_000 });

  // One history for both ways: undo outside the editor removes the DDL-made change.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(studio.table('oops')).toHaveCount(0);
});

test('a table typed into the DDL is selected and shown, even where the canvas was not looking', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  // The person is looking at products (opened from the search), far from customers.
  await page.keyboard.press('/');
  await page.keyboard.type('products');
  await page.keyboard.press('Enter');
  await expect(studio.inspector()).toHaveAccessibleName('Inspector: products');
  await expect(studio.table('customers')).not.toBeInViewport();

  await appendDdl(page, [
    '',
    'CREATE TABLE reviews (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));',
  ]);
  // Placed by its neighbour customers, out of that view: the canvas goes to it, and the
  // inspector shows what was typed.
  await expect(studio.inspector()).toHaveAccessibleName('Inspector: reviews', { timeout: 60_000 });
  await expect(studio.table('reviews')).toBeInViewport();
});
