import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

/**
 * A Rails app's db/schema.rb, picked or pasted in the Import dialog, opens as the tables and
 * lines of the database Rails makes of it; what it leaves out is listed with its schema.rb line.
 */

const SCHEMA = `# This file is auto-generated from the current state of the database.
ActiveRecord::Schema[7.1].define(version: 2024_05_01_120000) do
  enable_extension "plpgsql"

  create_table "users", force: :cascade do |t|
    t.string "email", null: false
    t.datetime "created_at", null: false
    t.index ["email"], name: "index_users_on_email", unique: true
  end

  create_table "posts", force: :cascade do |t|
    t.bigint "user_id", null: false
    t.string "title", limit: 120
    t.references "topic"
  end

  create_table "comments", force: :cascade do |t|
    t.bigint "post_id", null: false
    t.bigint "user_id"
    t.text "body"
  end

  add_foreign_key "comments", "posts", on_delete: :cascade
  add_foreign_key "comments", "users"
  add_foreign_key "posts", "users"
end
`;

const MAYBE = fileURLToPath(new URL('../fixtures/rails/maybe.schema.rb', import.meta.url));

test('a schema.rb picked in Import opens as its tables and lines, with the report', async ({
  studio,
  page,
}) => {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles({
    name: 'schema.rb',
    mimeType: 'text/x-ruby',
    buffer: Buffer.from(SCHEMA),
  });
  await dialog.getByRole('button', { name: 'Import Rails schema.rb' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toContainText(
    'Imported 3 tables into the new design “schema”',
    { timeout: 120_000 },
  );
  // t.references is not what the dumper writes: said, at its line.
  await expect(report).toContainText('schema.rb line 14: create_table "posts": t.references');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  for (const name of ['users', 'posts', 'comments']) await expect(studio.table(name)).toBeVisible();
  // One line per add_foreign_key, named as Rails names them.
  const lines = page.getByRole('group', { name: /^Foreign key / });
  await expect(lines).toHaveCount(3);
  await expect(
    page.getByRole('group', { name: /^Foreign key fk_rails_[0-9a-f]{10} from posts to users$/ }),
  ).toHaveCount(1);
  await studio.expectAccepted();
});

test('a real app’s schema.rb (maybe, Rails 7.2) imports every table', async ({ studio, page }) => {
  await expect(studio.canvas).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles(MAYBE);
  await dialog.getByRole('button', { name: 'Import Rails schema.rb' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  const tables = (readFileSync(MAYBE, 'utf8').match(/^\s*create_table /gm) ?? []).length;
  await expect(report.getByRole('status')).toContainText(
    `Imported ${tables} tables into the new design “maybe.schema”`,
    { timeout: 180_000 },
  );
  await expect(report.getByRole('table', { name: 'Skipped and failed statements' })).toHaveCount(0);
  await report.getByRole('button', { name: 'Done' }).click();
  await studio.expectAccepted();
});

test('a pasted schema.rb is recognised, and a column Postgres refuses points at its line', async ({
  studio,
  page,
}) => {
  await expect(studio.canvas).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('textbox', { name: /or paste/ }).click();
  // A paste arrives as one insertion, as Playwright's insertText sends it.
  await page.keyboard.insertText(
    SCHEMA.replace('t.text "body"', 't.text "body"\n    t.geography "place"'),
  );
  await dialog.getByRole('button', { name: 'Import Rails schema.rb' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toContainText('Imported 2 tables', {
    timeout: 120_000,
  });
  const failed = report.getByRole('table', { name: 'Skipped and failed statements' });
  const row = failed.getByRole('row').filter({ hasText: 'CREATE TABLE "comments"' });
  // The create_table's line, and the column's in the reason.
  await expect(row.getByRole('cell').first()).toHaveText('17');
  await expect(row).toContainText('(schema.rb line 21)');
  // The foreign keys of the table that failed are skipped with it, each at its add_foreign_key.
  const skipped = failed.getByRole('row').filter({ hasText: 'schema.rb line 17 failed' });
  await expect(skipped).toHaveCount(2);
  await expect(skipped.first().getByRole('cell').first()).toHaveText('24');
});
