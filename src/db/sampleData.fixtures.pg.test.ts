import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, fixtureDesign } from '../test/fixtureDesigns';
import { snapshotFactory, type CreateDb } from '../test/fidelity';
import { loadDesign } from '../test/sampleDb';
import { generateSampleData, type SampleDataResult } from './sampleData';

/**
 * Sample data for every real-world fixture: 20 rows per table into the design's own DDL in a
 * fresh PGlite. Prints filled / failed / skipped per fixture with the reasons, so a regression in
 * the generator shows as a number going up.
 */

const ONLY = process.env.SAMPLE_FIXTURES?.split(',');
const fixtures = FIXTURE_NAMES.filter((f) => !ONLY || ONLY.includes(f));
const results = new Map<string, SampleDataResult & { ms: number }>();
let createDb: CreateDb;

beforeAll(async () => {
  createDb = await snapshotFactory();
});

afterAll(() => {
  const lines = [...results].map(
    ([name, r]) =>
      `${name.padEnd(16)} filled ${String(r.filled.length).padStart(3)}  short ${String(r.filled.filter((f) => f.rows < 20).length).padStart(3)}  failed ${String(r.failed.length).padStart(3)}  skipped ${String(r.skipped.length).padStart(3)}  ${Math.round(r.ms)} ms`,
  );
  console.log(
    'sample data, 20 rows per table (short: tables that got fewer rows; skipped includes partitions, filled through their parent)\n' +
      lines.join('\n'),
  );
});

describe('sample data for the real-world fixtures', () => {
  for (const name of fixtures) {
    it(name, { timeout: 240_000 }, async () => {
      const design = await fixtureDesign(name);
      const { db } = await loadDesign(createDb, design);
      try {
        const started = performance.now();
        const result = await generateSampleData(db, design, { rowsPerTable: 20 });
        results.set(name, { ...result, ms: performance.now() - started });
        for (const f of result.filled.filter((x) => x.rows < 20))
          console.log(`${name}: only ${f.rows} rows in ${f.table}`);
        for (const f of result.failed) console.log(`${name}: failed ${f.table}: ${f.reason}`);
        for (const s of result.skipped.filter((x) => !x.reason.startsWith('A partition')))
          console.log(`${name}: skipped ${s.table}: ${s.reason}`);
        const tables = Object.keys(design.tables).length;
        expect(result.filled.length + result.failed.length + result.skipped.length).toBe(tables);
        // Every fixture fills completely today: a failure here is a regression of the generator.
        expect(result.failed).toEqual([]);
      } finally {
        await db.close();
      }
    });
  }
});
