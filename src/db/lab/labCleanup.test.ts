import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { removeOrphanLabDatabases } from './labCleanup';
import { labIdbName } from './labNames';

function createIdb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('FILE_DATA');
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

const names = async () => (await indexedDB.databases()).map((d) => d.name).sort();

describe('removing the kept rows of designs deleted for good', () => {
  it('removes only playground databases of designs no longer stored', async () => {
    await createIdb(labIdbName('d_kept000001'));
    await createIdb(labIdbName('d_purged0001'));
    await createIdb('tablewright');
    expect(await removeOrphanLabDatabases(['d_kept000001'])).toEqual(['d_purged0001']);
    expect(await names()).toEqual([labIdbName('d_kept000001'), 'tablewright'].sort());
  });
});
