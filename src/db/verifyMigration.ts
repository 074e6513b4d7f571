import type { Design } from '../core/model';
import { generateDdl } from '../core/sql';
import {
  planMigration,
  transactionGroups,
  type Migration,
  type MigrationMode,
  type MigrationStep,
} from '../core/diff';
import {
  catalogFingerprint,
  diffFingerprints,
  type CatalogFingerprint,
} from './catalogFingerprint';
import { toPgError } from './pgError';

/**
 * Proves a migration by running it: A's DDL in a fresh database, then the up steps, must give the
 * catalog B's DDL gives in another fresh database; then the down steps must give A's back. Takes
 * a database factory, so it runs on PGlite in Node tests and in the browser's worker alike.
 */

/** A fresh, empty database (or an empty-again shared one) that runs SQL. */
export interface MigrationDb {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string): Promise<{ rows: T[] }>;
  close(): Promise<void>;
}

export type CreateMigrationDb = () => Promise<MigrationDb>;

export type VerifyResult =
  | { verified: true }
  | {
      verified: false;
      /** Exact catalog differences (`changed column:public.t.c: {...} -> {...}`), prefixed `up:` or `down:`. */
      differences: string[];
      /** The statement PostgreSQL refused, if one was. */
      failedStep?: {
        direction: 'setup' | 'up' | 'down';
        index: number;
        sql: string;
        error: string;
      };
    };

export interface VerifyOptions {
  mode: MigrationMode;
  createDb: CreateMigrationDb;
  /** The migration to check; planned from A and B in `mode` when absent. */
  migration?: Migration;
  /** Fingerprints of fresh A and B already read (e.g. to check both modes without rebuilding them). */
  expected?: { a?: CatalogFingerprint; b?: CatalogFingerprint };
}

type Failure = Extract<VerifyResult, { verified: false }>;

export async function verifyMigration(
  a: Design,
  b: Design,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const migration = options.migration ?? planMigration(a, b, { mode: options.mode });
  const expectedB = options.expected?.b ?? (await designFingerprint(b, options.createDb));
  if (!(expectedB instanceof Map)) return expectedB;
  const db = await options.createDb();
  try {
    const setup = await applyDesign(db, a);
    if (setup) return setup;
    const expectedA = options.expected?.a ?? (await fingerprint(db));
    for (const [direction, expected] of [
      ['up', expectedB],
      ['down', expectedA],
    ] as const) {
      const failed = await runSteps(db, migration[direction], options.mode, direction);
      if (failed) return failed;
      const differences = diffFingerprints(expected, await fingerprint(db));
      if (differences.length > 0)
        return { verified: false, differences: differences.map((d) => `${direction}: ${d}`) };
    }
    return { verified: true };
  } finally {
    await db.close();
  }
}

/** The fingerprint of a fresh database holding the design's DDL, or why the DDL failed. */
export async function designFingerprint(
  design: Design,
  createDb: CreateMigrationDb,
): Promise<CatalogFingerprint | Failure> {
  const db = await createDb();
  try {
    return (await applyDesign(db, design)) ?? (await fingerprint(db));
  } finally {
    await db.close();
  }
}

async function applyDesign(db: MigrationDb, design: Design): Promise<Failure | undefined> {
  const ddl = generateDdl(design).text;
  try {
    await db.exec('SET client_min_messages = warning;');
    if (ddl) await db.exec(ddl);
    return undefined;
  } catch (thrown) {
    return {
      verified: false,
      differences: [],
      failedStep: { direction: 'setup', index: -1, sql: ddl, error: toPgError(thrown).message },
    };
  }
}

/** Names print relative to the search_path, which DDL scripts may change. */
async function fingerprint(db: MigrationDb): Promise<CatalogFingerprint> {
  await db.exec('RESET search_path;');
  return catalogFingerprint(db);
}

/** Runs the steps as the rendered script would: transactional groups in BEGIN/COMMIT, the rest alone. */
async function runSteps(
  db: MigrationDb,
  steps: readonly MigrationStep[],
  mode: MigrationMode,
  direction: 'up' | 'down',
): Promise<Failure | undefined> {
  let index = 0;
  for (const group of transactionGroups(steps, mode)) {
    const wrap = group.transactional && group.steps.length > 1;
    if (wrap) await db.exec('BEGIN;');
    for (const step of group.steps) {
      try {
        await db.exec(step.sql);
      } catch (thrown) {
        if (wrap) await db.exec('ROLLBACK;');
        return {
          verified: false,
          differences: [],
          failedStep: { direction, index, sql: step.sql, error: toPgError(thrown).message },
        };
      }
      index++;
    }
    if (wrap) await db.exec('COMMIT;');
  }
  return undefined;
}
