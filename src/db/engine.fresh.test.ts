import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DdlStatement } from '../core/sql/types';
import { createEngine } from './engine';

// As the worker boots: from an initdb snapshot, made here as scripts/build-pg-snapshot.mjs makes
// public/pgdata/snapshot.tgz (a clean clone has none until `npm start` or a build).
let archive: Blob;
beforeAll(async () => {
  const db = await PGlite.create();
  archive = await db.dumpDataDir('gzip');
  await db.close();
});
const snapshot = () => archive.slice(0, archive.size, archive.type);

const open: PGlite[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});
async function freshDatabase(): Promise<PGlite> {
  const db = await PGlite.create({ loadDataDir: snapshot() });
  open.push(db);
  return db;
}

const statement = (sql: string): DdlStatement => ({
  kind: 'table',
  sql,
  from: 0,
  to: sql.length,
  entityId: 't',
});
const design = [statement('CREATE TABLE t (id bigint PRIMARY KEY)')];

describe('the first check on a freshly booted database', () => {
  it('judges the design, and every later check still starts from a reset database', async () => {
    const engine = createEngine(await freshDatabase(), { bootedFresh: true });
    expect(await engine.checkSchema(design)).toMatchObject({ ok: true, errors: [] });
    // Without the reset this second run would meet the table of the first.
    expect(await engine.checkSchema(design)).toMatchObject({ ok: true, errors: [] });
  });

  it('resets a database that SQL has run on before its first check', async () => {
    const engine = createEngine(await freshDatabase(), { bootedFresh: true });
    expect(await engine.runSql('CREATE TABLE t (id int)')).toMatchObject({ ok: true });
    expect(await engine.checkSchema(design)).toMatchObject({ ok: true, errors: [] });
  });

  it('finds the same errors as a check after a reset', async () => {
    const broken = [statement('CREATE TABLE t (id bigint REFERENCES missing (id))')];
    const fresh = await createEngine(await freshDatabase(), { bootedFresh: true }).checkSchema(
      broken,
    );
    const reset = await createEngine(await freshDatabase()).checkSchema(broken);
    const messages = (o: typeof fresh) =>
      'errors' in o
        ? o.errors.map((e) => e.error.message)
        : [`reset failed: ${o.resetError.message}`];
    expect(fresh.ok).toBe(false);
    expect(messages(fresh)).toEqual(messages(reset));
    expect(messages(fresh)).toEqual([expect.stringContaining('"missing" does not exist')]);
  });
});
