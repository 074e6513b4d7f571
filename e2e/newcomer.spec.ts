import { test, expect } from './fixtures';
import { typeInto } from './pages/typing';

test('the first visit shows the example shop, accepted by Postgres', async ({ studio }) => {
  for (const name of ['customers', 'addresses', 'products', 'orders', 'order_items']) {
    await expect(studio.table(name)).toBeVisible();
  }
  await studio.expectAccepted();
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
});

test('a newcomer builds three related tables with keyboard and mouse only, and types a column into the DDL', async ({
  studio,
  page,
}) => {
  await studio.newDesign();
  // Add table puts the keyboard in the new table's name: the letters typed never reach a shortcut
  // (T adds a table, L arranges), so "authors" names one table and adds none.
  await studio.addNamedTable('authors');
  // Double-clicking the canvas adds a table there, also named by typing.
  await page.locator('.react-flow__pane').dblclick({ position: { x: 760, y: 140 } });
  await page.keyboard.type('books');
  await page.keyboard.press('Enter');
  await page.locator('.react-flow__pane').dblclick({ position: { x: 760, y: 420 } });
  await page.keyboard.type('reviews');
  await page.keyboard.press('Enter');
  for (const name of ['authors', 'books', 'reviews'])
    await expect(studio.table(name)).toBeVisible();
  await expect(page.locator('.tw-table')).toHaveCount(3);

  // A column from the table itself: "+ column" puts the keyboard in its name.
  const books = studio.table('books');
  await books.getByRole('button', { name: 'Add column to books' }).click();
  await expect(books.getByRole('textbox', { name: 'Column name new_column' })).toBeFocused();
  await page.keyboard.type('author_id');
  await page.keyboard.press('Enter');
  await books.getByRole('button', { name: 'Type of author_id' }).dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('bigint');
  await page.keyboard.press('Enter');
  await expect(books.getByRole('button', { name: 'Type of author_id' })).toHaveText('bigint');

  // And one from the inspector: its name field takes the keyboard too.
  await books.getByRole('button', { name: 'Column name author_id' }).click();
  const inspector = studio.inspector();
  await inspector.getByRole('checkbox', { name: 'NOT NULL author_id' }).check();
  await inspector.getByRole('button', { name: 'Add column' }).click();
  await expect(inspector.getByRole('textbox', { name: 'Name of column new_column' })).toBeFocused();
  await page.keyboard.type('title');
  await page.keyboard.press('Enter');
  await expect(books.getByRole('button', { name: 'Column name title' })).toBeVisible();

  const reviews = studio.table('reviews');
  await reviews.getByRole('button', { name: 'Add column to reviews' }).click();
  await page.keyboard.type('book_id');
  await page.keyboard.press('Enter');
  await reviews.getByRole('button', { name: 'Type of book_id' }).dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('bigint');
  await page.keyboard.press('Enter');

  // Foreign keys by dragging from column to column.
  await studio.connect('books.author_id', 'authors.id');
  await studio.connect('reviews.book_id', 'books.id');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await studio.expectAccepted();

  // Type a column into the DDL pane, spaces and all: the diagram follows.
  // Selecting a table brings its statement into view in the DDL pane.
  await studio.table('authors').locator('.tw-table-header').click();
  const ddl = page.locator('[data-testid="ddl-editor"]');
  await ddl.locator('.view-line').filter({ hasText: 'CREATE TABLE authors (' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('pen_name text NOT NULL,');
  await expect(
    studio.table('authors').getByRole('button', { name: 'Column name pen_name' }),
  ).toBeVisible({ timeout: 60_000 });

  // Nothing typed went to a shortcut: still three tables, and Postgres accepts the design.
  await expect(page.locator('.tw-table')).toHaveCount(3);
  await studio.expectAccepted();
  const text = await studio.downloadDdl();
  expect(text).toContain('CREATE TABLE authors (');
  expect(text).toMatch(/pen_name text NOT NULL/);
  expect(text).toContain('author_id bigint NOT NULL');
  expect(text).toMatch(
    /ALTER TABLE books\s+ADD CONSTRAINT books_author_id_fkey FOREIGN KEY \(author_id\) REFERENCES authors \(id\)/,
  );
  expect(text).toMatch(
    /ALTER TABLE reviews\s+ADD CONSTRAINT reviews_book_id_fkey FOREIGN KEY \(book_id\) REFERENCES books \(id\)/,
  );
});

test('shortcuts never act behind a dialog, on a focused control, or while typing', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  const tables = page.locator('.tw-table');
  await expect(tables).toHaveCount(5);
  // Behind the Export dialog: T, Delete, Ctrl+Z and L do nothing to the design.
  await studio.table('customers').locator('.tw-table-header').click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  for (const key of ['t', 'Delete', 'Control+z', 'l']) await page.keyboard.press(key);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeHidden();
  await expect(tables).toHaveCount(5);
  await expect(studio.button('Undo')).toBeDisabled();
  // Backspace on a focused panel tab does not delete the selected table.
  await page.getByRole('tab', { name: 'Review' }).focus();
  await page.keyboard.press('Backspace');
  await expect(tables).toHaveCount(5);
  // Typing a name in the inspector types; it adds no table.
  await typeInto(
    studio.inspector().getByRole('textbox', { name: 'Name of column email' }),
    'contact_email_t',
    { enter: true },
  );
  await expect(
    studio.table('customers').getByRole('button', { name: 'Column name contact_email_t' }),
  ).toBeVisible();
  await expect(tables).toHaveCount(5);
  // On the canvas, the shortcuts work.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('t');
  await expect(tables).toHaveCount(6);
});

test('a type mismatch on a new foreign key is explained and fixed in one click', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  // addresses.postal_code is text; customers.id is bigint.
  await studio.connect('addresses.postal_code', 'customers.id');
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'postal_code is text but customers.id is bigint' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Change postal_code to bigint' }).click();
  await expect(
    studio.table('addresses').getByRole('button', { name: 'Type of postal_code' }),
  ).toHaveText('bigint');
});
