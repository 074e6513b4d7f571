import { wrap, type IDBPDatabase } from 'idb';
import { err, ok, type Result } from '../core/result';
import { toOpenError, type OpenError } from './errors';
import { DB_VERSION, type TablewrightDbSchema } from './records';

export type TablewrightDb = IDBPDatabase<TablewrightDbSchema>;

export interface OpenDbOptions {
  /** The IndexedDB to use; defaults to the global one. Tests pass a fresh `IDBFactory`. */
  indexedDB?: IDBFactory;
  /** Give up after this long (an upgrade blocked by another tab, Safari's hanging open). */
  timeoutMs?: number;
  /** Called when this connection was closed so that another tab can upgrade, or by the browser. */
  onClosed?: (reason: 'upgradeElsewhere' | 'closedByBrowser') => void;
}

function upgrade(db: TablewrightDb): void {
  // Version 1: create what is missing. Later versions add steps keyed on oldVersion.
  if (!db.objectStoreNames.contains('designs')) db.createObjectStore('designs', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('metas')) db.createObjectStore('metas', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('session')) db.createObjectStore('session');
  // Version 2: versions of designs, found by design.
  if (!db.objectStoreNames.contains('versions'))
    db.createObjectStore('versions', { keyPath: 'id' }).createIndex('byDesign', 'designId');
  // Version 3: live rooms kept for offline use, by room id.
  if (!db.objectStoreNames.contains('rooms')) db.createObjectStore('rooms', { keyPath: 'roomId' });
}

/**
 * Opens (and creates or upgrades) the database. idb's `openDB` always uses the global
 * `indexedDB`; this takes any factory so tests stay isolated and a missing one is an error value.
 */
export async function openTablewrightDb(
  dbName: string,
  options: OpenDbOptions = {},
): Promise<Result<TablewrightDb, OpenError>> {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return err(toOpenError(new Error('IndexedDB is not available')));

  let request: IDBOpenDBRequest;
  try {
    request = factory.open(dbName, DB_VERSION);
  } catch (e) {
    // Firefox private windows (older versions) throw here instead of failing the request.
    return err(toOpenError(e));
  }
  request.addEventListener('upgradeneeded', () =>
    upgrade(wrap(request.result) as unknown as TablewrightDb),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs ?? 10_000);
  });
  let blocked = false;
  request.addEventListener('blocked', () => {
    blocked = true;
  });

  try {
    const opened = await Promise.race([wrap(request), timeout]);
    if (opened === 'timeout') {
      // If it opens later, close it: this tab has already told the person it works in memory.
      wrap(request)
        .then((db) => db?.close())
        .catch(() => undefined);
      return err({
        kind: 'blocked',
        message: blocked
          ? "Designs can't be saved in this browser window: another Tablewright tab is holding the storage open. Close other Tablewright tabs and reload this one."
          : "Designs can't be saved in this browser window: the browser's storage did not answer. Reload the tab to try again.",
      });
    }
    if (!opened) return err(toOpenError(new Error('IndexedDB returned no database')));
    const db = opened as unknown as TablewrightDb;
    db.addEventListener('versionchange', () => {
      // A newer build in another tab wants to upgrade: let it, and tell our person to reload.
      db.close();
      options.onClosed?.('upgradeElsewhere');
    });
    db.addEventListener('close', () => options.onClosed?.('closedByBrowser'));
    return ok(db);
  } catch (e) {
    return err(toOpenError(e));
  } finally {
    clearTimeout(timer);
  }
}
