import { labIdbName, labLockName } from './labNames';

const IDB_PREFIX = labIdbName('');

interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

/**
 * Removes the kept playground databases of designs that are no longer stored (deleted for good,
 * here or in another tab). A database whose design's playground is open somewhere (its lock is
 * held) is left alone. Returns the design ids whose rows were removed.
 */
export async function removeOrphanLabDatabases(keepIds: readonly string[]): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return [];
  const keep = new Set(keepIds);
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  const removed: string[] = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name?.startsWith(IDB_PREFIX)) continue;
    const designId = name.slice(IDB_PREFIX.length);
    if (!designId || keep.has(designId)) continue;
    const remove = () =>
      new Promise<boolean>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve(true);
        request.onerror = () => resolve(false);
      });
    const done = locks
      ? await locks.request(labLockName(designId), { ifAvailable: true }, async (lock) =>
          lock ? remove() : false,
        )
      : await remove();
    if (done) removed.push(designId);
  }
  return removed;
}
