import { fileURLToPath } from 'node:url';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Real app schemas the team had not seen, imported as a person would (the Import dialog), must be
 * accepted by Postgres and drawn with every relationship. Rails structure.sql files are the shape
 * that failed: foreign keys onto columns unique only through CREATE UNIQUE INDEX.
 */
const project = (name: string) =>
  fileURLToPath(new URL(`../fixtures/schemas/${name}`, import.meta.url));
const shared = (name: string) =>
  fileURLToPath(new URL(`../../shared/fixtures/schemas/${name}`, import.meta.url));

/**
 * Relationship lines as drawn: near, React Flow draws each; far out (a big design at fit view)
 * the map draws them all in one bitmap (src/ui/canvas/FarMap.tsx) and says how many it drew.
 */
const drawnLines = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelectorAll('.react-flow__edge').length +
      Number(document.querySelector<HTMLElement>('.tw-far-map')?.dataset.lines ?? 0),
  );

/** `tables`: the count the import report states, where it was checked by hand. */
const FIXTURES: { file: string; tables?: number }[] = [
  { file: project('zync.sql'), tables: 20 },
  { file: project('danbooru.sql'), tables: 66 },
  { file: project('lago.sql'), tables: 139 },
  { file: project('codefund.sql') },
  { file: project('fk-onto-unique-index.sql'), tables: 19 },
  // pg_dump 17 with \restrict guards and pgvector: the 3 tables with vector(1536) columns are kept
  // (pgvector loaded into PGlite), with the foreign keys onto them.
  { file: project('sanbase.sql'), tables: 178 },
  { file: project('philomena.sql'), tables: 78 },
  { file: project('gisia.sql'), tables: 87 },
  { file: shared('openstreetmap.sql'), tables: 56 },
  { file: shared('adventureworks.sql') },
  { file: shared('chinook.sql') },
  { file: shared('listmonk.sql') },
  { file: shared('northwind.sql') },
  { file: shared('supabase.sql') },
  { file: shared('pagila.sql'), tables: 71 },
  { file: shared('musicbrainz.sql') },
];

async function read(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The foreign keys the canvas must draw, from the design as the Export dialog gives it. */
async function drawnForeignKeys(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Tablewright design (JSON)' }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download Tablewright design (JSON)' }).click(),
  ]);
  const doc = JSON.parse(await read(download)) as {
    design: {
      tables: Record<
        string,
        { partitionOf?: unknown; constraints: { kind: string; refTableId?: string }[] }
      >;
    };
  };
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const tables = doc.design.tables;
  // Partitions fold under their partitioned table: their (inherited) keys are the parent's line.
  return Object.values(tables)
    .filter((t) => !t.partitionOf)
    .flatMap((t) =>
      t.constraints.filter(
        (k) =>
          k.kind === 'foreignKey' &&
          k.refTableId &&
          tables[k.refTableId] &&
          !tables[k.refTableId]?.partitionOf,
      ),
    ).length;
}

/**
 * At fit view a large import reads as a map: table names are drawn at a size a person can read
 * (at least 10 px on screen, whatever the zoom), and enough of them to find one's way.
 */
async function expectReadableNames(page: Page, tables: number) {
  // The map is pixels; it says how many names it drew and the smallest size it drew one at.
  const map = page.locator('.tw-far-map').first();
  const names = async () => Number(await map.getAttribute('data-names'));
  await expect.poll(names).toBeGreaterThanOrEqual(10);
  // Many tables named (a name goes on, above, below or beside its table, smaller if it must):
  // lago's 139 at fit view in the default window, 63 (centred names alone left most out).
  expect(await names()).toBeGreaterThanOrEqual(Math.round(tables * 0.4));
  expect(Number(await map.getAttribute('data-name-px'))).toBeGreaterThanOrEqual(10);
  // Drawn on screen, not only in the DOM.
  await expect(map).toBeInViewport();
}

/**
 * A big import opens showing all of it: every table's box within the canvas, before the person
 * touches Fit view (the design's saved viewport could only guess the canvas's size).
 */
async function expectAllTablesInView(page: Page) {
  const outside = () =>
    page.evaluate(() => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      const boxes = [...document.querySelectorAll('.tw-far-hit')].map((b) =>
        b.getBoundingClientRect(),
      );
      if (!pane || boxes.length === 0) return -1;
      return boxes.filter(
        (b) =>
          b.left < pane.left - 1 ||
          b.top < pane.top - 1 ||
          b.right > pane.right + 1 ||
          b.bottom > pane.bottom + 1,
      ).length;
    });
  await expect.poll(outside).toBe(0);
}

for (const { file, tables } of FIXTURES) {
  const name = file.split('/').pop() ?? file;
  test(`${name}: imported through the dialog, accepted by Postgres, every foreign key a line`, async ({
    studio,
    page,
  }) => {
    test.setTimeout(300_000);
    await expect(studio.canvas).toBeVisible();
    const report = await studio.importFile(file, 180_000);
    await expect(report.getByRole('status')).toContainText(
      tables === undefined ? /Imported \d+ tables/ : `Imported ${tables} tables`,
    );
    await expect(report.getByRole('row').filter({ hasText: /\bfailed\b/i })).toHaveCount(0);
    await report.getByRole('button', { name: 'Done' }).click();
    await expect(studio.status).toHaveAccessibleName(
      'Postgres status: Postgres accepts this schema',
      { timeout: 180_000 },
    );

    if (tables !== undefined && tables >= 100) await expectAllTablesInView(page);

    const expected = await drawnForeignKeys(page);
    expect(expected).toBeGreaterThan(0);
    await studio.button('Fit view').click();
    await expect.poll(() => drawnLines(page)).toBe(expected);
    if (tables !== undefined && tables >= 100) await expectReadableNames(page, tables);
    // And after a reload, drawn from the stored design.
    await page.reload();
    await expect(page.getByRole('button', { name: /^Design name / })).toBeVisible();
    await studio.button('Fit view').click();
    await expect.poll(() => drawnLines(page)).toBe(expected);
  });
}
