import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it, vi } from 'vitest';
import type { LayoutProgress } from './autoLayout';
import { createLayoutClient, type LayoutWorkerLike } from './client';
import { InProcessWorker } from '../db/rpc/inProcessWorker';
import type { LayoutApi } from './protocol';
import { layoutImplementation } from './serve';
import { syntheticDesign } from './testing/synthetic';

const elk = new ELK();

/** Runs the real worker code in-process, answering asynchronously as a worker would. */
const worker = (answer = true) =>
  new InProcessWorker<LayoutApi, LayoutProgress>(layoutImplementation(elk), { answer });
type TestWorker = ReturnType<typeof worker>;

const { design, layout } = syntheticDesign({ tables: 30, seed: 2 });

describe('createLayoutClient', () => {
  it('lays out in the worker and reports preparing, layout and done', async () => {
    const workers: TestWorker[] = [];
    const client = createLayoutClient({
      createWorker: () => workers[workers.push(worker()) - 1]!,
    });
    const progress: LayoutProgress[] = [];
    const result = await client.layout(design, layout, {}, (p) => progress.push(p));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.value.tables)).toHaveLength(30);
    const first = progress[0];
    expect(first).toMatchObject({ phase: 'preparing', tables: 30 });
    const clusters = first?.phase === 'preparing' ? first.clusters : -1;
    expect(progress.filter((p) => p.phase === 'layout').at(-1)).toEqual({
      phase: 'layout',
      done: clusters,
      total: clusters,
    });
    // Then the lines are routed, counted up to all of them, and kept with the positions.
    const routing = progress.filter((p) => p.phase === 'routing');
    expect(routing[0]).toMatchObject({ done: 0 });
    expect(result.ok && Object.keys(result.value.routes).length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', tables: 30 });

    // The idle worker is reused: ELK loads once.
    const again = await client.layout(design, layout, {
      tableIds: ['t_1', 't_2'],
      direction: 'DOWN',
    });
    expect(again.ok && Object.keys(again.value.tables).sort()).toEqual(['t_1', 't_2']);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received[1]!.args[2]).toEqual({
      tableIds: ['t_1', 't_2'],
      direction: 'DOWN',
    });
    client.dispose();
    expect(workers[0]!.terminated).toBe(true);
  });

  it('a newer request terminates the worker of the older one, which resolves as superseded', async () => {
    const workers: TestWorker[] = [];
    const client = createLayoutClient({
      createWorker: () => workers[workers.push(worker(workers.length > 0)) - 1]!,
    });
    const first = client.layout(design, layout);
    const second = client.layout(design, layout);
    expect(await first).toMatchObject({ ok: false, error: { reason: 'superseded' } });
    expect(workers[0]!.terminated).toBe(true);
    expect((await second).ok).toBe(true);
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('reports a failure in the worker as a value', async () => {
    const broken: LayoutWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        setTimeout(() =>
          this.onmessage?.({
            data: { type: 'error', id: message.id, message: 'Auto-layout failed: boom' },
          } as MessageEvent),
        );
      },
      terminate: vi.fn(),
    };
    const client = createLayoutClient({ createWorker: () => broken });
    expect(await client.layout(design, layout)).toEqual({
      ok: false,
      error: { reason: 'failed', message: 'Auto-layout failed: boom' },
    });
  });

  it('reports a crashed worker, then starts a fresh one', async () => {
    const workers: TestWorker[] = [];
    const client = createLayoutClient({
      createWorker: () => workers[workers.push(worker(workers.length > 0)) - 1]!,
    });
    const pending = client.layout(design, layout);
    workers[0]!.onerror?.({ message: 'script error', preventDefault() {} } as ErrorEvent);
    expect(await pending).toMatchObject({ ok: false, error: { reason: 'failed' } });
    expect((await client.layout(design, layout)).ok).toBe(true);
    client.dispose();
  });

  it('cancel() stops the layout in flight (its worker is terminated); the next one runs', async () => {
    const workers: TestWorker[] = [];
    const client = createLayoutClient({
      createWorker: () => workers[workers.push(worker(workers.length > 0)) - 1]!,
    });
    const pending = client.layout(design, layout);
    client.cancel();
    expect(await pending).toMatchObject({ ok: false, error: { reason: 'cancelled' } });
    expect(workers[0]!.terminated).toBe(true);
    expect((await client.layout(design, layout)).ok).toBe(true);
    client.dispose();
  });

  it('times out, and resolves as disposed after dispose()', async () => {
    const client = createLayoutClient({
      createWorker: () => worker(false),
      timeoutMs: 20,
    });
    expect(await client.layout(design, layout)).toMatchObject({
      ok: false,
      error: { reason: 'timeout' },
    });
    const pending = client.layout(design, layout);
    client.dispose();
    expect(await pending).toMatchObject({ ok: false, error: { reason: 'disposed' } });
    expect(await client.layout(design, layout)).toMatchObject({
      ok: false,
      error: { reason: 'disposed' },
    });
  });

  it('reports a worker that cannot be created', async () => {
    const client = createLayoutClient({
      createWorker: () => {
        throw new Error('no module workers');
      },
    });
    const result = await client.layout(design, layout);
    expect(result).toMatchObject({ ok: false, error: { reason: 'failed' } });
    expect(!result.ok && result.error.message).toContain('no module workers');
  });
});
