import type { PGlite } from '@electric-sql/pglite';
import { readCatalog } from '../core/catalog';
import { pairById } from '../core/diff/compare';
import type { MigrationStep } from '../core/diff';
import type { Design, Table } from '../core/model';
import { generateDdl } from '../core/sql';
import { qualifiedName, quoteIdent } from '../core/sql/quote';
import { generateSampleData } from '../db/sampleData';
import { resetDatabase } from './pglite';

/**
 * For the rename tests: designs "read from files" (SQL run in PGlite, the catalog read back, so
 * ids come from names as they do for `tablewright diff old.sql new.sql`), and a migration run on a
 * database with rows, to see which values survive.
 */

/** The design a SQL script gives, as the importer reads it. */
export async function designFromSql(db: PGlite, sql: string): Promise<Design> {
  await resetDatabase(db);
  await db.exec(sql);
  await db.exec('RESET search_path;');
  return readCatalog(db);
}

/** What a migration on a database with rows did. */
export interface RowsRun {
  /** Per table of A kept in B (by id): the columns (old name -> new name) whose values all survived, and those that did not. */
  survived: string[];
  lost: string[];
  /** Tables A had rows in. */
  filledTables: number;
  /** B's tables' column names in the migrated database's order (`table: a, b, c`). */
  columnOrder: string[];
}

/**
 * A's DDL, sample rows in every table, the up steps one by one; then per column kept by id,
 * whether the values (as text, in one sorted list per table) are those it had.
 */
export async function runWithRows(
  db: PGlite,
  a: Design,
  b: Design,
  up: readonly MigrationStep[],
): Promise<RowsRun> {
  await resetDatabase(db);
  await db.exec(generateDdl(a).text);
  await db.exec('RESET search_path;');
  const filled = await generateSampleData(db, a, { rowsPerTable: 5 });
  const pairs = pairById(Object.values(a.tables), Object.values(b.tables)).kept;
  const before = new Map<string, string>();
  for (const [t, u] of pairs)
    for (const [c] of pairById(t.columns, u.columns).kept)
      before.set(c.id, await columnValues(db, a, t, c.name));
  for (const step of up) await db.exec(step.sql);
  const run: RowsRun = {
    survived: [],
    lost: [],
    filledTables: filled.filled.filter((f) => f.rows > 0).length,
    columnOrder: [],
  };
  for (const [t, u] of pairs) {
    for (const [c, d] of pairById(t.columns, u.columns).kept) {
      const label = `${t.name}.${c.name} -> ${u.name}.${d.name}`;
      const same = before.get(c.id) === (await columnValues(db, b, u, d.name));
      (same ? run.survived : run.lost).push(label);
    }
  }
  for (const u of Object.values(b.tables)) {
    const { rows } = await db.query<{ names: string[] }>(
      `SELECT array_agg(attname::text ORDER BY attnum) AS names FROM pg_attribute
       WHERE attrelid = '${qualifiedName(b.schemas[u.schemaId]?.name ?? 'public', u.name).replaceAll("'", "''")}'::regclass
         AND attnum > 0 AND NOT attisdropped`,
    );
    run.columnOrder.push(`${u.name}: ${(rows[0]?.names ?? []).join(', ')}`);
  }
  return run;
}

/** B's column order as `table: a, b, c` lines, to compare with `RowsRun.columnOrder`. */
export function designColumnOrder(b: Design): string[] {
  return Object.values(b.tables).map(
    (u) => `${u.name}: ${u.columns.map((c) => c.name).join(', ')}`,
  );
}

async function columnValues(db: PGlite, d: Design, t: Table, column: string): Promise<string> {
  const table = qualifiedName(d.schemas[t.schemaId]?.name ?? 'public', t.name);
  const { rows } = await db.query<{ v: string | null }>(
    `SELECT string_agg(coalesce(${quoteIdent(column)}::text, '<null>'), '|' ORDER BY coalesce(${quoteIdent(column)}::text, '<null>')) AS v FROM ${table}`,
  );
  return rows[0]?.v ?? '';
}
