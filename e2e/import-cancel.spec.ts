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
