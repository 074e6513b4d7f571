/**
 * Browsers may evict an origin's IndexedDB under storage pressure unless the origin holds
 * persistent storage. Ask once the person has shown they keep work here (created or imported a
 * design): Chromium decides silently, Firefox shows a prompt, so call it from a user action.
 */
export async function requestPersistentStorage(): Promise<
  'persisted' | 'notPersisted' | 'unsupported'
> {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted?.()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'notPersisted';
  } catch {
    return 'unsupported';
  }
}

/** Used and available bytes for this origin, when the browser tells (for a "storage almost full" hint). */
export async function estimateStorage(): Promise<{ usage: number; quota: number } | undefined> {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (!storage?.estimate) return undefined;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? undefined : { usage, quota };
  } catch {
    return undefined;
  }
}
