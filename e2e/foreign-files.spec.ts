import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The files people actually bring to Import: another database's dump, a compressed script, a
 * pg_dump archive. Each gets a plain sentence first, and the design on screen is never touched
 * by a file that gave nothing.
 */
const SHARETRIBE = fileURLToPath(
  new URL('../fixtures/foreign/sharetribe-mysql.sql', import.meta.url),
);

const designName = (page: Page, name: string) =>
  page.getByRole('button', { name: `Design name ${name}`, exact: true });

test('a MySQL dump picked in the Import dialog is named as one, with what to do, and opens nothing', async ({
  studio,
  page,
}) => {
  await expect(designName(page, 'Online shop')).toBeVisible();
  const report = await studio.importFile(SHARETRIBE, 120_000);
  const notice = report.getByRole('note', { name: 'What this file is' });
  await expect(notice).toContainText(
    'This looks like a MySQL dump (backtick-quoted names from line 12, ENGINE=InnoDB from line 26). Tablewright reads PostgreSQL DDL.',
  );
  await expect(notice).toContainText('Convert it with pgloader');
  await expect(notice).toContainText('pgloader mysql://user@host/dbname postgresql:///dbname');
  await expect(report.getByRole('status')).toHaveText(
    'Nothing was imported: the current design is unchanged.',
  );
  // The statement-by-statement errors stay below the sentence.
  const rows = report
    .getByRole('table', { name: 'Skipped and failed statements' })
    .getByRole('row');
  await expect(rows.filter({ hasText: 'DROP TABLE IF EXISTS `active_sessions`' })).toContainText(
    'syntax error at or near "`"',
  );
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(designName(page, 'Online shop')).toBeVisible();
  await expect(studio.table('customers')).toBeVisible();
});

test('a .sql.gz is decompressed and imported', async ({ studio, page }) => {
  const sql =
    'CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);\n' +
    'CREATE TABLE books (id bigint PRIMARY KEY, author_id bigint REFERENCES authors (id));\n';
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles({
    name: 'library.sql.gz',
    mimeType: 'application/gzip',
    buffer: Buffer.from(gzipSync(new TextEncoder().encode(sql))),
  });
  await expect(dialog.getByText('library.sql.gz (decompressed from gzip,')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: /or paste SQL/ })).toHaveValue(sql);
  await dialog.getByRole('button', { name: 'Import SQL' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toContainText(
    'Imported 2 tables into the new design “library”',
    { timeout: 120_000 },
  );
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(designName(page, 'library')).toBeVisible();
  await expect(studio.table('books')).toBeVisible();
});

test('a pg_dump archive, picked or dropped, is refused with the pg_restore command; nothing is lost', async ({
  studio,
  page,
}) => {
  const archive = {
    name: 'prod.dump',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x50, 0x47, 0x44, 0x4d, 0x50, 1, 14, 0, 4, 8, 1, 1]),
  };
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const box = dialog.getByRole('textbox', { name: /or paste SQL/ });
  await box.click();
  await page.keyboard.type('CREATE TABLE kept (id int);');
  await dialog.getByLabel('File').setInputFiles(archive);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('prod.dump: this is a pg_dump archive');
  await expect(alert).toContainText('pg_restore --schema-only -f schema.sql prod.dump');
  await expect(box).toHaveValue('CREATE TABLE kept (id int);');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Dropped on the canvas: the same reading, the same sentence.
  const dropped = await page.evaluateHandle(
    (bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'prod.dump'));
      return transfer;
    },
    [...archive.buffer],
  );
  await studio.canvas.dispatchEvent('dragover', { dataTransfer: dropped });
  await studio.canvas.dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByRole('dialog', { name: 'Import' }).getByRole('alert')).toContainText(
    'pg_restore --schema-only -f schema.sql prod.dump',
  );
  await expect(designName(page, 'Online shop')).toBeVisible();
  await expect(studio.table('customers')).toBeVisible();
});

test('MySQL typed into the DDL pane is named as MySQL', async ({ studio, page }) => {
  await studio.expectAccepted();
  const editor = page.locator('[data-testid="ddl-editor"]');
  await editor.click({ position: { x: 200, y: 20 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('CREATE TABLE `reviews` (`id` int(11) NOT NULL AUTO_INCREMENT');
  await page.keyboard.press('End');
  await page.keyboard.type(' ENGINE=InnoDB;');
  const notice = page.getByRole('note', { name: 'What this SQL is' });
  await expect(notice).toContainText('This looks like a MySQL dump (backtick-quoted names', {
    timeout: 60_000,
  });
  await expect(notice).toContainText('Tablewright reads PostgreSQL DDL.');
  await expect(studio.table('customers')).toBeVisible();
});
