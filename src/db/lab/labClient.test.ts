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

describe('the lab client', () => {
  it('cancel() stops the running and the waiting calls, replaces the worker and tells the page', async () => {
    const workers: FakeWorker[] = [];
    const client = createLabClient(() => workers[workers.push(new FakeWorker()) - 1]!);
    let resets = 0;
    client.onReset(() => resets++);
    const running = client.call('generate', [{} as never, 1]);
    const waiting = client.call('rows', ['t', 1]);
    client.cancel();
    const cancelled = { ok: false, stopped: true, message: 'Cancelled; the playground restarted.' };
    await expect(running).resolves.toEqual(cancelled);
    await expect(waiting).resolves.toEqual(cancelled);
    expect(workers[0]!.terminated).toBe(true);
    expect(resets).toBe(1);
    // The next call starts a fresh worker.
    const next = client.call('rows', ['t', 1]);
    workers[1]!.finish({ columns: [], rows: [], total: 0 });
    await expect(next).resolves.toEqual({ ok: true, value: { columns: [], rows: [], total: 0 } });
  });

  it('passes the error a call threw, with its Postgres fields, and says when the worker died', async () => {
    const workers: FakeWorker[] = [];
    const client = createLabClient(() => workers[workers.push(new FakeWorker()) - 1]!);
    const explain = client.call('explain', [{} as never, 'SELECT nope']);
    const call = workers[0]!.queue.shift()!;
    const error = { message: 'column "nope" does not exist', code: '42703', position: 8 };
    workers[0]!.onmessage?.({
      data: { type: 'error', id: call.id, message: error.message, error },
    } as MessageEvent);
    await expect(explain).resolves.toEqual({ ok: false, message: error.message, error });

    const rows = client.call('rows', ['t', 1]);
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    await expect(rows).resolves.toEqual({
      ok: false,
      stopped: true,
      message: "The playground's database stopped: out of memory.",
    });
  });
});
