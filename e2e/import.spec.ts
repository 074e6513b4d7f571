import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

/** The real-world schemas live beside the repository, in shared/fixtures/schemas. */
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../shared/fixtures/schemas/${name}`, import.meta.url));

test('importing pagila.sql opens a new design and reports exactly what was skipped', async ({
  studio,
  page,
}) => {
  const report = await studio.importFile(fixture('pagila.sql'), 120_000);
  await expect(report.getByRole('status')).toContainText(
    'Imported 71 tables and 8 views into the new design “pagila”',
  );
  // pgvector is loaded for the file: film_embedding (a vector(20) column and an HNSW index) is kept.
  const rows = report
    .getByRole('table', { name: 'Skipped and failed statements' })
    .getByRole('row');
  await expect(rows.filter({ hasText: 'film_embedding' })).toHaveCount(0);
  await report.getByRole('button', { name: 'Done' }).click();

  await expect(page.getByRole('button', { name: 'Design name pagila' })).toBeVisible();
  await studio.expectAccepted();
  // The user's first design is untouched and still listed.
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await expect(
    page
      .getByRole('dialog', { name: 'Designs' })
      .getByRole('cell', { name: 'Online shop', exact: true }),
  ).toBeVisible();
});

test('importing musicbrainz.sql (375 tables) loads the extensions it needs', async ({
  studio,
  page,
}) => {
  await expect(studio.canvas).toBeVisible();
  const report = await studio.importFile(fixture('musicbrainz.sql'), 180_000);
  await expect(report.getByRole('status')).toContainText('Imported 375 tables');
  await expect(report).toContainText('extensions loaded: cube, earthdistance, unaccent');
  await expect(
    report.getByRole('row').filter({ hasText: '\\set ON_ERROR_STOP 1' }).first(),
  ).toContainText('psql meta-command');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Design name musicbrainz' })).toBeVisible();
  // The design database is restarted with the extensions the design creates, so Postgres accepts it.
  await expect(studio.status).toHaveAccessibleName(
    'Postgres status: Postgres accepts this schema',
    { timeout: 120_000 },
  );
  // Focus went back to the Import button; `/` still reaches the search, as its placeholder says.
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Search tables' })).toBeFocused();
  await page.keyboard.type('recording_gid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: /Inspector: recording_gid/ })).toBeVisible();
});

test('pasted SQL merges into the current design as one undoable step', async ({ studio, page }) => {
  await studio.expectAccepted();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog
    .getByRole('textbox', { name: 'or paste SQL' })
    .fill(
      'CREATE TABLE customers (id int PRIMARY KEY);\nCREATE TABLE reviews (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), body text);',
    );
  await dialog.getByRole('radio', { name: /Merge into/ }).check();
  await dialog.getByRole('button', { name: 'Import SQL' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toContainText('Merged 1 new table into “Online shop”');
  await expect(report).toContainText('Kept your table "customers"');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(studio.table('reviews')).toBeVisible();
  await expect(studio.table('customers').getByRole('button', { name: 'Type of id' })).toHaveText(
    'bigint',
  );
  await studio.expectAccepted();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(studio.table('reviews')).toHaveCount(0);
});
