import type { PGliteInterface } from '@electric-sql/pglite';

/** The part of PGlite the engine uses; a real PGlite (in a worker or in Node) satisfies it. */
export type PgConnection = Pick<PGliteInterface, 'exec' | 'query'>;

/** Notices from the reset ("drop cascades to 12 other objects") are expected noise. */
export const ignoreNotice = (): void => {};

/** Schemas starting with `pg_` (catalog, toast, temp) and information_schema are the system's. */
const USER_SCHEMA = `n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'`;

/**
 * Tables to drop before their schemas, a chunk per transaction: one DROP SCHEMA of a
 * 1,000-table design needs more locks than Postgres's lock table holds ("out of shared memory",
 * max_locks_per_transaction = 64). Partitions go with their parent.
 */
const LIST_USER_TABLES = `
SELECT format('%I.%I', n.nspname, c.relname) AS name
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${USER_SCHEMA}`;

/** Tables per DROP: each drags its indexes, sequences, toast tables and referencing tables. */
const TABLES_PER_DROP = 100;

/** Then everything else (types, functions, views, sequences...) with the schemas. */
const DROP_USER_SCHEMAS = `
DO $tablewright_reset$
DECLARE item record;
BEGIN
  FOR item IN SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE ${USER_SCHEMA} LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', item.nspname);
  END LOOP;
END
$tablewright_reset$;
-- As initdb creates it since PostgreSQL 15.
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
`;

/** User SQL may have added an event trigger that makes any DDL fail. */
const DROP_EVENT_TRIGGERS = `
DO $tablewright_reset$
DECLARE item record;
BEGIN
  FOR item IN SELECT evtname FROM pg_catalog.pg_event_trigger LOOP
    EXECUTE format('DROP EVENT TRIGGER %I', item.evtname);
  END LOOP;
END
$tablewright_reset$`;

/**
 * Bring the database back to a fresh state, whatever the user's SQL left behind: an open or
 * aborted transaction (ROLLBACK; harmless with a warning when there is none), session settings,
 * temp tables and prepared statements (DISCARD ALL, which must run outside a transaction, hence
 * separate calls), event triggers, tables in chunks, then every user schema. Throws what PGlite
 * throws.
 */
export async function resetDatabase(pg: PgConnection): Promise<void> {
  const quiet = { onNotice: ignoreNotice };
  await pg.exec('ROLLBACK', quiet);
  await pg.exec('DISCARD ALL', quiet);
  await pg.exec(DROP_EVENT_TRIGGERS, quiet);
  const { rows } = await pg.query<{ name: string }>(LIST_USER_TABLES);
  for (let start = 0; start < rows.length; start += TABLES_PER_DROP) {
    const names = rows.slice(start, start + TABLES_PER_DROP).map((row) => row.name);
    // IF EXISTS: an earlier chunk may have taken this one's table along (an INHERITS child).
    await pg.exec(`DROP TABLE IF EXISTS ${names.join(', ')} CASCADE`, quiet);
  }
  await pg.exec(DROP_USER_SCHEMAS, quiet);
}
