import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function read(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function downloadAs(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: `Download ${format}` }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await read(download) };
}

test('every export downloads from the Export dialog', async ({ studio, page }) => {
  test.slow();
  await studio.expectAccepted();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const expectations: [string, string, RegExp][] = [
    ['PostgreSQL DDL', 'Online_shop.sql', /CREATE TABLE customers \(/],
    ['Mermaid ER diagram', 'Online_shop.mmd', /^erDiagram[\s\S]*customers \|\|\.\.o\{ orders/m],
    ['DBML', 'Online_shop.dbml', /Table "?customers"? \{/],
    ['Data dictionary (Markdown)', 'Online_shop.md', /^#+ .*customers/m],
    ['Prisma schema', 'Online_shop.schema.prisma', /model (Customer|customers) \{/],
    ['Drizzle schema', 'Online_shop.drizzle.ts', /pgTable\(\s*'customers'/],
    ['Sequelize models', 'Online_shop.models.js', /sequelize\.define\(|extends Model/],
    ['Sequelize migration', 'Online_shop.migration.js', /createTable\(/],
    ['Tablewright design (JSON)', 'Online_shop.tablewright.json', /"format": "tablewright.design"/],
    [
      'SVG image',
      'Online_shop.svg',
      /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*customers[\s\S]*<\/svg>\s*$/,
    ],
  ];
  for (const [format, file, content] of expectations) {
    const { name, bytes } = await downloadAs(page, format);
    expect(name, format).toBe(file);
    expect(bytes.toString('utf8'), format).toMatch(content);
  }
  const png = await downloadAs(page, 'PNG image');
  expect(png.name).toBe('Online_shop.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.length).toBeGreaterThan(10_000);
});

test('DBML pasted into Import opens as a new design', async ({ studio, page }) => {
  await studio.expectAccepted();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog
    .getByRole('textbox')
    .fill(
      [
        'Table authors {',
        '  id bigint [pk]',
        '  name text [not null]',
        '}',
        '',
        'Table books {',
        '  id bigint [pk]',
        '  author_id bigint [not null, ref: > authors.id]',
        '}',
      ].join('\n'),
    );
  await dialog.getByRole('button', { name: 'Import DBML' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /2 tables/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(studio.table('books')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await studio.expectAccepted();
});
