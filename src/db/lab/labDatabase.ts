import { PGlite, type Extension } from '@electric-sql/pglite';
import { contribModulesFor } from '../../core/import';
import type { Design } from '../../core/model';
import { generateDdl } from '../../core/sql';
import { loadSnapshot, type SnapshotLoad } from '../boot';
import { extensionNamesIn } from '../designExtensions';
import { loadContribModules } from '../import/contribModules';
import type { CreateLabDb, LabDb } from './labEngine';
import { labDataDir, labIdbName, labLockName } from './labNames';

interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<void>,
  ): Promise<void>;
}

/** Takes the design's lock if no one holds it; resolves to its release, or undefined. */
async function tryLock(name: string): Promise<(() => void) | undefined> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (!locks) return () => {};
  return new Promise((resolve) => {
    void locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(undefined);
          return Promise.resolve();
        }
        return new Promise<void>((release) => resolve(release));
      })
      .catch(() => resolve(undefined));
  });
}

async function idbExists(name: string): Promise<boolean | undefined> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function')
    return undefined;
  try {
    return (await indexedDB.databases()).some((d) => d.name === name);
  } catch {
    return undefined;
  }
}

function deleteIdb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    // Another connection (none should be: the lock is ours) would hold it; the deletion waits for it.
    request.onblocked = () => undefined;
  });
}

const EXISTS = /already exists/i;

/**
 * The playground databases of the lab worker: one per design, in IndexedDB (`idb://`), so its
 * rows survive a reload. A new one starts from the prebuilt data-directory snapshot (a cold
 * initdb takes many seconds here), and with the contrib modules the design's DDL, or the kept
 * database, needs. When IndexedDB is unavailable, or the design's playground is open in another
 * tab (its lock is taken), the database lives in memory and says so (`kept: false`).
 */
export function labDatabases(workerHref: string): CreateLabDb {
  let snapshot: Promise<SnapshotLoad> | undefined;
  let release: (() => void) | undefined;
  const snapshotBlob = async (): Promise<Blob | undefined> => {
    snapshot ??= loadSnapshot(
      new URL(`${import.meta.env.BASE_URL}pgdata/snapshot.tgz`, workerHref),
    );
    const snap = await snapshot;
    // PGlite consumes the Blob it is given: each database gets its own copy.
    return snap.ok ? snap.value.slice(0, snap.value.size, snap.value.type) : undefined;
  };
  const create = async (
    extensionNames: readonly string[],
    dataDir: string | undefined,
    load: Blob | undefined,
  ) => {
    const extensions: Record<string, Extension> = await loadContribModules(
      contribModulesFor(extensionNames),
    );
    // Kept databases write to IndexedDB in the background (PGlite would otherwise walk and write the
    // data directory after every statement: sample data for 130 tables took 27 s instead of 5 s);
    // the worker flushes once after each request that changes rows.
    const pg = await PGlite.create({
      extensions,
      ...(dataDir ? { dataDir, relaxedDurability: true } : {}),
      ...(load ? { loadDataDir: load } : {}),
    });
    return { pg, loaded: new Set(Object.keys(extensions)) };
  };
  const inMemory = async (names: string[]) =>
    (await create(names, undefined, await snapshotBlob())).pg;

  return async (design: Design, { fresh }) => {
    release?.();
    release = undefined;
    const names = extensionNamesIn([generateDdl(design).text]);
    const unlock = await tryLock(labLockName(design.id));
    if (!unlock || typeof indexedDB === 'undefined') {
      unlock?.();
      return { db: closing(await inMemory(names), () => {}), kept: false };
    }
    try {
      const idbName = labIdbName(design.id);
      if (fresh) await deleteIdb(idbName);
      const exists = fresh ? false : await idbExists(idbName);
      const dataDir = `idb://${labDataDir(design.id)}`;
      let opened: Awaited<ReturnType<typeof create>>;
      if (exists === true) opened = await create(names, dataDir, undefined);
      else {
        try {
          opened = await create(names, dataDir, await snapshotBlob());
        } catch (thrown) {
          // Without `indexedDB.databases()` we could not tell: the database was there after all.
          if (exists !== undefined || !EXISTS.test(String(thrown))) throw thrown;
          opened = await create(names, dataDir, undefined);
        }
      }
      // The kept database may use extensions the design no longer creates (a migration drops them):
      // their modules must be loaded too.
      const { rows } = await opened.pg.query<{ extname: string }>(
        'SELECT extname FROM pg_extension',
      );
      const needed = contribModulesFor(rows.map((r) => r.extname));
      if (needed.some((m) => !opened.loaded.has(m))) {
        await opened.pg.close();
        opened = await create([...names, ...rows.map((r) => r.extname)], dataDir, undefined);
      }
      release = unlock;
      return { db: closing(opened.pg, unlock, true), kept: true };
    } catch {
      // Storage refused (quota, private mode) or a damaged kept database: the playground still works.
      unlock();
      return { db: closing(await inMemory(names), () => {}), kept: false };
    }
  };
}

/** The database, releasing the design's lock once closed; `kept` ones flush to IndexedDB on request. */
function closing(pg: PGlite, after: () => void, kept = false): LabDb {
  const db = pg as unknown as LabDb;
  const flush = async () => {
    if (!pg.closed) await pg.fs?.syncToFs(false);
  };
  return {
    exec: (sql) => db.exec(sql),
    query: <T>(sql: string, params?: unknown[]) => db.query<T>(sql, params),
    ...(kept ? { flush } : {}),
    close: async () => {
      try {
        if (kept) await flush().catch(() => undefined);
        if (!pg.closed) await pg.close();
      } finally {
        after();
      }
    },
  };
}
