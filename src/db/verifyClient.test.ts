import { describe, expect, it } from 'vitest';
import { InProcessWorker } from './rpc/inProcessWorker';
import { createMigrationVerifier, type VerifyApi } from './verifyClient';
import type { VerifyResult } from './verifyMigration';

const design = (id: string) => ({ id }) as never;

describe('createMigrationVerifier', () => {
  it('a newer comparison stops the older one and its worker; failures come back as messages', async () => {
    const workers: InProcessWorker<VerifyApi>[] = [];
    const verifier = createMigrationVerifier(() => {
      const worker = new InProcessWorker<VerifyApi>(() => ({
        verify: (a) =>
          (a as { id: string }).id === 'slow'
            ? new Promise<never>(() => {})
            : (a as { id: string }).id === 'bad'
              ? Promise.reject(new Error('the snapshot could not be loaded'))
              : Promise.resolve({ ok: true } as unknown as VerifyResult),
      }));
      workers.push(worker);
      return worker;
    });
    const older = verifier.verify(design('slow'), design('b'), 'safe' as never);
    const newer = verifier.verify(design('a'), design('b'), 'safe' as never);
    expect(await older).toEqual({ ok: false, message: 'Replaced by a newer comparison.' });
    expect(workers[0]!.terminated).toBe(true);
    expect(await newer).toEqual({ ok: true, result: { ok: true } });
    expect(await verifier.verify(design('bad'), design('b'), 'safe' as never)).toEqual({
      ok: false,
      message: 'the snapshot could not be loaded',
    });
    const pending = verifier.verify(design('slow'), design('b'), 'safe' as never);
    verifier.dispose();
    expect(await pending).toEqual({ ok: false, message: 'Closed.' });
  });
});
