import type { IDBPTransaction } from 'idb';
import type { TablewrightDb } from './openDb';
import { metaOf, type DesignRecord, type TablewrightDbSchema } from './records';

const STORES = ['designs', 'metas', 'session', 'versions'] as const;

/** A readwrite transaction over every store, so a design, its meta and its session keys change together. */
export type WriteTx = IDBPTransaction<TablewrightDbSchema, (typeof STORES)[number][], 'readwrite'>;

/**
 * Runs `fn` in one readwrite transaction and resolves only once it has committed: a write is not
 * "done" when put() succeeds but when the transaction completes (quota errors surface there).
 * Throws what failed; callers map it to a StorageError.
 */
export async function writeTx<T>(db: TablewrightDb, fn: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = db.transaction([...STORES], 'readwrite');
  // Observed at once so an abort never surfaces as an unhandled rejection; awaited below.
  const done = tx.done.then(
    () => undefined,
    (e: unknown) => e ?? new Error('The transaction was aborted'),
  );
  let value: T;
  try {
    value = await fn(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await done;
    throw e;
  }
  const failure = await done;
  if (failure !== undefined) throw failure;
  return value;
}

/** Writes a design and its meta (the cheap copy the list reads) in the given transaction. */
export async function putRecord(tx: WriteTx, record: DesignRecord): Promise<void> {
  await Promise.all([
    tx.objectStore('designs').put(record),
    tx.objectStore('metas').put(metaOf(record)),
  ]);
}
