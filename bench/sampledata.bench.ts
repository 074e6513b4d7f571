import { it } from 'vitest';
import { generateSampleData } from '../src/db/sampleData';
import { snapshotFactory } from '../src/test/fidelity';
import { fixtureDesign } from '../src/test/fixtureDesigns';
import { loadDesign } from '../src/test/sampleDb';

/**
 * Sample data for pagila's tables in PGlite (Node): 10,000 and 100,000 rows per table, each into a
 * fresh database. Prints total time, rows inserted and the slowest tables.
 */
it('sample data for pagila', async () => {
  const design = await fixtureDesign('pagila');
  const createDb = await snapshotFactory();
  const lines: string[] = [];
  for (const rowsPerTable of [10_000, 100_000]) {
    const { db } = await loadDesign(createDb, design);
    const perTable: [string, number][] = [];
    let last = performance.now();
    let current = '';
    const started = performance.now();
    const result = await generateSampleData(
      db,
      design,
      { rowsPerTable },
      (_done, _total, table) => {
        const now = performance.now();
        if (current) perTable.push([current, now - last]);
        current = table;
        last = now;
      },
    );
    const totalMs = performance.now() - started;
    await db.close();
    const rows = result.filled.reduce((sum, f) => sum + f.rows, 0);
    const slowest = perTable
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([t, ms]) => `${t} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
    lines.push(
      `${String(rowsPerTable).padStart(7)} rows/table: ${(totalMs / 1000).toFixed(1)} s for ${rows} rows in ${result.filled.length} tables ` +
        `(failed ${result.failed.length}, skipped ${result.skipped.length}; ANALYZE included); slowest: ${slowest}`,
    );
  }
  console.log('generateSampleData, pagila\n' + lines.join('\n'));
});
