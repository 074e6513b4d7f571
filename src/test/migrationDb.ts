import type { PGlite } from '@electric-sql/pglite';
import type { CreateMigrationDb } from '../db/verifyMigration';
import { resetDatabase } from './pglite';

/**
 * A `createDb` for verifyMigration over the test file's one PGlite: each "fresh database" is the
 * shared one emptied again (DROP SCHEMA ... CASCADE), which takes milliseconds where a new
 * instance takes seconds. `close` leaves it open for the next case.
 */
export function sharedMigrationDb(db: () => Promise<PGlite>): CreateMigrationDb {
  return async () => {
    const pg = await db();
    // A failed step may leave a transaction open; the next case starts clean.
    await pg.exec('ROLLBACK;').catch(() => undefined);
    await resetDatabase(pg);
    return {
      exec: (sql) => pg.exec(sql),
      query: <T>(sql: string) => pg.query<T>(sql),
      close: async () => undefined,
    };
  };
}
