import { test, expect } from './fixtures';
import { typeInto } from './pages/typing';

test("Postgres's error shows on the table, in the problems list, and goes away when fixed", async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  await studio.table('order_items').getByRole('button', { name: 'Column name quantity' }).click();
  const inspector = studio.inspector();
  const field = inspector.getByRole('textbox', { name: 'Default of quantity' });
  await typeInto(field, "'many'", { enter: true });

  await expect(studio.status).toHaveAccessibleName('Postgres status: 1 error');
  await expect(
    studio.table('order_items').getByRole('status', { name: '1 Postgres error on order_items' }),
  ).toBeVisible();
  // Marked in the DDL where Postgres points: at the literal 'many'.
  await expect(page.locator('[data-testid="ddl-editor"] .squiggly-error')).toHaveCount(1);
  const problem = page.getByRole('button', {
    name: /order_items: invalid input syntax for type integer: "many"/,
  });
  await expect(problem).toBeVisible();
  await page.getByRole('button', { name: 'Table name customers' }).click();
  await problem.click();
  await expect(page.getByRole('region', { name: 'Inspector: order_items' })).toBeVisible();

  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await studio.expectAccepted();
});

test('the SQL console runs EXPLAIN and shows the plan', async ({ studio, page }) => {
  await studio.expectAccepted();
  await page.getByRole('tab', { name: 'SQL console' }).click();
  const sql = page.getByRole('textbox', { name: 'SQL to run' });
  await typeInto(sql, 'EXPLAIN SELECT * FROM orders WHERE customer_id = 42');
  await page.keyboard.press('Control+Enter');
  const plan = page.getByRole('figure', { name: 'Query plan' });
  await expect(plan).toContainText('orders');
  await expect(plan).toContainText(/Scan/);

  await typeInto(
    sql,
    "INSERT INTO customers (email, full_name) VALUES ('a@example.com', 'Ada') RETURNING id, email",
  );
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('table', { name: 'INSERT result' })).toContainText('a@example.com');
});

test('a runaway query is cancelled, Postgres restarts, and the design is checked again', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  await page.getByRole('tab', { name: 'SQL console' }).click();
  const sql = page.getByRole('textbox', { name: 'SQL to run' });
  await typeInto(sql, 'SELECT pg_sleep(1e6)');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.getByText('Running…')).toBeVisible();
  // The canvas stays responsive while Postgres is busy.
  await studio.table('orders').getByRole('button', { name: 'Column name status' }).click();
  await expect(page.getByRole('region', { name: 'Inspector: orders' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Stopped' })).toBeVisible();
  await studio.expectAccepted();
  await typeInto(sql, 'SELECT count(*) AS n FROM orders');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('table', { name: 'SELECT result' })).toContainText('0');
});
