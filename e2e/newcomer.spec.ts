import { test, expect } from './fixtures';

test('the first visit shows the example shop, accepted by Postgres', async ({ studio }) => {
  for (const name of ['customers', 'addresses', 'products', 'orders', 'order_items']) {
    await expect(studio.table(name)).toBeVisible();
  }
  await studio.expectAccepted();
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
});

test('a newcomer draws two tables, connects them, and Postgres accepts the DDL', async ({ studio, page }) => {
  await studio.newDesign();
  await studio.addTable();
  await studio.renameTable('new_table', 'authors');
  // The second table goes where the user double-clicks, to the right of the first.
  await page.locator('.react-flow__pane').dblclick({ position: { x: 760, y: 120 } });
  await studio.renameTable('new_table', 'books');

  // Columns through the inspector: books.author_id (bigint, NOT NULL) and books.title.
  await studio.table('books').getByRole('button', { name: 'Add column to books' }).click();
  const inspector = studio.inspector();
  await inspector.getByRole('textbox', { name: 'Name of column column' }).fill('author_id');
  await inspector.getByRole('textbox', { name: 'Name of column column' }).press('Enter');
  await inspector.getByRole('combobox', { name: 'Type of column author_id' }).fill('bigint');
  await inspector.getByRole('combobox', { name: 'Type of column author_id' }).press('Enter');
  await inspector.getByRole('checkbox', { name: 'NOT NULL author_id' }).check();
  await inspector.getByRole('button', { name: 'Add column' }).click();
  await inspector.getByRole('textbox', { name: 'Name of column column' }).fill('title');
  await inspector.getByRole('textbox', { name: 'Name of column column' }).press('Enter');

  await studio.connect('books.author_id', 'authors.id');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await studio.expectAccepted();
  const ddl = await studio.downloadDdl();
  expect(ddl).toContain('CREATE TABLE authors (');
  expect(ddl).toContain('author_id bigint NOT NULL');
  expect(ddl).toMatch(/ALTER TABLE books\s+ADD CONSTRAINT books_author_id_fkey FOREIGN KEY \(author_id\) REFERENCES authors \(id\)/);
});

test('a type mismatch on a new foreign key is explained and fixed in one click', async ({ studio, page }) => {
  await studio.expectAccepted();
  // addresses.postal_code is text; customers.id is bigint.
  await studio.connect('addresses.postal_code', 'customers.id');
  const notice = page.getByRole('status').filter({ hasText: 'postal_code is text but customers.id is bigint' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Change postal_code to bigint' }).click();
  await expect(studio.table('addresses').getByRole('button', { name: 'Type of postal_code' })).toHaveText('bigint');
});
