import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLabClient } from './labClient';
import type { LabApi } from './labProtocol';
import type { RpcCall, RpcReply } from '../rpc/protocol';

/** A worker that answers the calls it received, in order, when the test says so. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly queue: RpcCall<LabApi>[] = [];
  postMessage(call: RpcCall<LabApi>) {
    this.queue.push(call);
  }
  /** Answers the oldest call it holds. */
  finish(result: unknown) {
    const done = this.queue.shift()!;
    this.reply({ type: 'result', id: done.id, method: done.method, result } as RpcReply<LabApi>);
  }
  terminate() {
    this.terminated = true;
  }
  private reply(message: RpcReply<LabApi>) {
    this.onmessage?.({ data: message } as MessageEvent);
  }
}

describe('the lab client’s watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts a call’s time from when the worker starts it, not while it waits behind another', async () => {
    const workers: FakeWorker[] = [];
    const client = createLabClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const long = client.call('generate', [{} as never, 1], { timeoutMs: 600_000 });
    const rows = client.call('rows', ['t', 1], { timeoutMs: 30_000 });
    // The generation runs for two minutes; the grid's reload waits behind it, unharmed.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(workers[0]!.terminated).toBe(false);
    workers[0]!.finish('generated');
    await expect(long).resolves.toEqual({ ok: true, value: 'generated' });
    // Now the reload runs, and its own 30 s apply: past them, the worker is stopped.
    await vi.advanceTimersByTimeAsync(29_000);
    expect(workers[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(workers[0]!.terminated).toBe(true);
    await expect(rows).resolves.toMatchObject({
      ok: false,
      stopped: true,
      message: 'Stopped after 30 s; the playground restarted.',
    });
  });
});
