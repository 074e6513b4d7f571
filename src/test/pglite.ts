import { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import { vector } from '@electric-sql/pglite-pgvector';

/**
 * One real PGlite per test file, booted on first use (a cold boot takes seconds on a small
 * machine, so tests share it and reset between cases instead of booting again). Vitest runs each
 * test file in its own module scope, so "per module" here means "per test file".
 */
let instance: Promise<PGlite> | undefined;

/** The test file's database, booting it on the first call. */
export function testDb(): Promise<PGlite> {
  instance ??= boot();
  return instance;
}

/** Session settings every test starts from. */
const SESSION_SETUP =
  // Scripts such as pg_dump output change settings (search_path = '' above all) that outlive them.
  'RESET ALL;\n' +
  // DROP SCHEMA ... CASCADE lists every dropped object as a NOTICE: noise in test output.
  'SET client_min_messages = warning;';

async function boot(): Promise<PGlite> {
  // With pgvector, as the studio's own databases get it when DDL needs it (loading it creates
  // nothing before CREATE EXTENSION vector).
  const db = await PGlite.create({ extensions: { vector } });
  await db.exec(SESSION_SETUP);
  return db;
}

/**
 * Call once at the top of a test file: registers `afterAll` to close the database (Node does not
 * exit while PGlite is open) and returns the getter.
 */
export function useTestDb(): () => Promise<PGlite> {
  afterAll(closeTestDb);
  return testDb;
}

/** Closes the test file's database if it was booted. */
export async function closeTestDb(): Promise<void> {
  if (!instance) return;
  const db = await instance;
  instance = undefined;
  await db.close();
}

/**
 * Back to an empty database: resets session settings, drops every non-system schema with
 * everything in it (tables, types, functions, extensions installed there) and recreates an empty
 * `public`.
 */
export async function resetDatabase(db: PGlite): Promise<void> {
  await db.exec(SESSION_SETUP);
  const { rows } = await db.query<{ drop: string }>(`
    SELECT format('DROP SCHEMA %I CASCADE;', nspname) AS drop
    FROM pg_catalog.pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema')
      AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'`);
  await db.exec(rows.map((r) => r.drop).join('\n') + '\nCREATE SCHEMA public;');
}
