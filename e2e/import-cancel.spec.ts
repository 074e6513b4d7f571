import { test, expect } from './fixtures';

const SLEEPY = `CREATE TABLE before_sleep (id int PRIMARY KEY);

SELECT pg_sleep(1e6);

CREATE TABLE after_sleep (id int PRIMARY KEY, before_id int REFERENCES before_sleep);
`;
const file = { name: 'sleepy.sql', mimeType: 'text/plain', buffer: Buffer.from(SLEEPY) };

test('an import stuck in pg_sleep can be cancelled, with the button or with Esc', async ({
  studio,
  page,
}) => {
  await expect(studio.canvas).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Import SQL' }).click();
  await dialog.getByRole('button', { name: 'Cancel import' }).click({ timeout: 60_000 });
  await expect(dialog.getByRole('alert')).toContainText('Import cancelled', { timeout: 30_000 });
  await expect(dialog.getByRole('button', { name: 'Import SQL' })).toBeEnabled();

  // Esc does the same while it runs (and does not close the dialog under the person's hands).
  await dialog.getByRole('button', { name: 'Import SQL' }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel import' })).toBeVisible({
    timeout: 60_000,
  });
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('alert')).toContainText('Import cancelled', { timeout: 30_000 });
  await expect(dialog).toBeVisible();
  // Once nothing runs, Esc closes it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an import left alone reports the statement that hung, with its line, and imports both tables', async ({
  studio,
}) => {
  test.setTimeout(180_000);
  await expect(studio.canvas).toBeVisible();
  // One statement may take 30 s; then the worker is replaced and the import goes on.
  const report = await studio.importFile(file, 150_000);
  await expect(report.getByRole('status')).toContainText('Imported 2 tables');
  const row = report
    .getByRole('table', { name: 'Skipped and failed statements' })
    .getByRole('row')
    .filter({ hasText: 'pg_sleep' });
  await expect(row).toContainText('3');
  await expect(row).toContainText('failed');
  await expect(row).toContainText('no answer after 30 s');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(studio.table('before_sleep')).toBeVisible();
  await expect(studio.table('after_sleep')).toBeVisible();
});

/** A DBML schema big enough that laying it out takes a while: a chain of tables, each with a key to the one before. */
function bigDbml(tables: number): string {
  const lines: string[] = [];
  for (let i = 0; i < tables; i++) {
    lines.push(`Table big_${i} {`, '  id int [pk]');
    if (i > 0) lines.push(`  big_${i - 1}_id int [ref: > big_${i - 1}.id]`);
    if (i > 1) lines.push(`  big_${i - 2}_id int [ref: > big_${i - 2}.id]`);
    lines.push('}', '');
  }
  return lines.join('\n');
}

test('Cancel while the import is being laid out stops it, and the open design stays as it was', async ({
  studio,
  page,
}) => {
  await expect(studio.table('customers')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles({
    name: 'big.dbml',
    mimeType: 'text/plain',
    buffer: Buffer.from(bigDbml(800)),
  });
  await dialog.getByRole('button', { name: 'Import DBML' }).click();
  await expect(dialog.getByRole('status')).toContainText('Laying out 800 tables', {
    timeout: 60_000,
  });
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Import cancelled');
  await expect(dialog.getByRole('button', { name: 'Import DBML' })).toBeEnabled();
  await expect(dialog.getByRole('region', { name: 'Import report' })).toHaveCount(0);

  // Esc stops the layout the same way, and leaves the dialog open.
  await dialog.getByRole('button', { name: 'Import DBML' }).click();
  await expect(dialog.getByRole('status')).toContainText('Laying out 800 tables', {
    timeout: 60_000,
  });
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('alert')).toContainText('Import cancelled');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Import report' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // The design that was open is still the one shown, and nothing of the import opened.
  await expect(studio.table('customers')).toBeVisible();
  await expect(studio.table('big_0')).toHaveCount(0);
});
