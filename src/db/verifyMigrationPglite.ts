import { ignoreNotice, resetDatabase, type PgConnection } from './reset';
import type { CreateMigrationDb } from './verifyMigration';

/**
 * A `createDb` for verifyMigration over one PGlite (the worker's, or the CLI's): every "fresh
 * database" is that one emptied again by the engine's reset, since booting a PGlite takes seconds
 * and emptying one milliseconds. `close` keeps it; its owner closes it.
 */
export function reusedPgliteDb(pg: PgConnection): CreateMigrationDb {
  const quiet = { onNotice: ignoreNotice };
  return async () => {
    await resetDatabase(pg);
    return {
      exec: (sql) => pg.exec(sql, quiet),
      query: <T>(sql: string) => pg.query<T>(sql),
      close: async () => undefined,
    };
  };
}
