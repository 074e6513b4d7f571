import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../core/result';
import { bootPglite, loadSnapshot, type CreatePglite } from './boot';

const fetchReturning =
  (body: BodyInit | null, init: ResponseInit = {}): typeof fetch =>
  async () =>
    new Response(body, init);

const gzipBytes = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);

function tarBytes(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(512);
  bytes.set(new TextEncoder().encode('ustar'), 257);
  return bytes;
}

describe('loadSnapshot', () => {
  it('accepts gzip and labels it so PGlite gunzips it', async () => {
    const load = await loadSnapshot('/pgdata/snapshot.tgz', fetchReturning(gzipBytes));
    expect(load.ok && load.value.type).toBe('application/x-gzip');
  });

  it('accepts a tar that a server decompressed on the way', async () => {
    const load = await loadSnapshot('/pgdata/snapshot.tgz', fetchReturning(tarBytes()));
    expect(load.ok && load.value.type).toBe('application/x-tar');
  });

  it('refuses the index.html a dev server sends for a missing file', async () => {
    const html = '<!doctype html><html></html>';
    const load = await loadSnapshot('/pgdata/snapshot.tgz', fetchReturning(html));
    expect(load).toEqual(
      err({ message: expect.stringContaining('is not a data-directory snapshot') as string }),
    );
  });

  it('reports HTTP errors and network failures', async () => {
    const missing = await loadSnapshot('/x.tgz', fetchReturning(null, { status: 404 }));
    expect(missing).toEqual(err({ message: '/x.tgz answered HTTP 404' }));
    const offline = await loadSnapshot('/x.tgz', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline.ok ? '' : offline.error.message).toContain('Failed to fetch');
  });
});

describe('bootPglite', () => {
  /** Records what PGlite was asked for; refuses snapshots when told to. */
  function fakeCreate(refuseSnapshot: boolean): { create: CreatePglite; asked: PGliteOptions[] } {
    const asked: PGliteOptions[] = [];
    const create: CreatePglite = async (options) => {
      asked.push(options);
      if (options.loadDataDir && refuseSnapshot) throw new Error('PGlite failed to initialize');
      return {} as PGlite;
    };
    return { create, asked };
  }

  const snapshot = ok(new Blob([gzipBytes]));

  it('boots from the snapshot when PGlite takes it', async () => {
    const { create, asked } = fakeCreate(false);
    const { info } = await bootPglite(snapshot, { create });
    expect(info).toEqual({ bootMs: expect.any(Number) as number, fromSnapshot: true });
    expect(asked).toEqual([{ loadDataDir: snapshot.value }]);
  });

  it('falls back to a cold boot and says why', async () => {
    const { create, asked } = fakeCreate(true);
    const { info } = await bootPglite(snapshot, { create });
    expect(info.fromSnapshot).toBe(false);
    expect(info.snapshotProblem).toMatch(/could not load the snapshot.*failed to initialize/);
    expect(asked).toHaveLength(2);
  });

  it('boots cold when there is no snapshot', async () => {
    const { create } = fakeCreate(false);
    const { info } = await bootPglite(err({ message: 'answered HTTP 404' }), { create });
    expect(info).toMatchObject({ fromSnapshot: false, snapshotProblem: 'answered HTTP 404' });
  });
});
