import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchBooter } from './scratch';

// A clean clone: no public/pgdata snapshot. The first run starts cold and keeps a snapshot in
// the cache; the next run starts from it. Real PGlite every time.
describe('scratch databases without the project snapshot', () => {
  const root = mkdtempSync(join(tmpdir(), 'tw-scratch-'));
  const sources = { snapshotDir: join(root, 'no-pgdata'), cacheDir: join(root, 'cache') };
  const cachedFile = () => {
    const files = readdirSync(sources.cacheDir).filter((f) => f.endsWith('.tgz'));
    expect(files).toHaveLength(1);
    return join(sources.cacheDir, files[0]!);
  };
  const isGzip = (path: string) => [...readFileSync(path).subarray(0, 2)].join() === '31,139';
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('starts cold, leaves a snapshot in the cache, and starts from it next time', async () => {
    const first = await scratchBooter(sources)({});
    expect(first.from).toBe('cold');
    await first.pg.exec('create table made_by_the_first_run (id int)');
    await first.pg.close();
    expect(isGzip(cachedFile())).toBe(true);

    const second = await scratchBooter(sources)({});
    expect(second.from).toBe('cache');
    // The cache holds what initdb made, not what the first run did in its database.
    const { rows } = await second.pg.query<{ n: number }>(
      "select count(*)::int as n from pg_class where relname = 'made_by_the_first_run'",
    );
    expect(rows).toEqual([{ n: 0 }]);
    await second.pg.close();
  }, 240_000);

  it('starts cold over a cache file that is not a snapshot, and replaces it', async () => {
    const path = cachedFile();
    writeFileSync(path, 'not a snapshot');
    const booted = await scratchBooter(sources)({});
    expect(booted.from).toBe('cold');
    await booted.pg.query('select 1');
    await booted.pg.close();
    expect(isGzip(path)).toBe(true);
  }, 240_000);
});
