import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../test/pglite';
import { createRpcClient } from './client';
import { InProcessWorker } from './inProcessWorker';

const db = useTestDb();

/** A worker API whose method lets PGlite's own error escape, as a worker's method might. */
interface SqlApi {
  query(sql: string): Promise<number>;
}

describe('the RPC between the page and a worker (real PGlite)', () => {
  it('passes a Postgres error through with its fields, across structured clone', async () => {
    const pg = await db();
    await pg.exec(
      'CREATE TABLE parent (id int PRIMARY KEY); CREATE TABLE child (parent_id int REFERENCES parent);',
    );
    const client = createRpcClient<SqlApi>({
      createWorker: () =>
        new InProcessWorker<SqlApi>(() => ({
          query: async (sql) => (await pg.query(sql)).rows.length,
        })),
    });
    try {
      const syntax = await client.call('query', ['SELECT * FROM parent WHERE idd = 1']);
      expect(syntax).toMatchObject({
        ok: false,
        reason: 'failed',
        cause: 'column "idd" does not exist',
        error: { code: '42703', position: 28, message: 'column "idd" does not exist' },
      });
      expect(!syntax.ok && syntax.error?.hint).toMatch(
        /Perhaps you meant to reference the column "parent.id"/,
      );
      const fk = await client.call('query', ['INSERT INTO child VALUES (7)']);
      expect(fk).toMatchObject({
        ok: false,
        error: {
          code: '23503',
          table: 'child',
          constraint: 'child_parent_id_fkey',
          detail: 'Key (parent_id)=(7) is not present in table "parent".',
        },
      });
      expect(await client.call('query', ['SELECT 1 UNION SELECT 2'])).toEqual({
        ok: true,
        value: 2,
      });
    } finally {
      client.dispose();
    }
  });
});
