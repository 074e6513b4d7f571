import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLabClient } from './labClient';
import type { LabReply, LabRequest } from './labProtocol';

/** A worker that answers in order, one request at a time, when the test says so. */
class FakeWorker {
  onmessage: ((event: MessageEvent<LabReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly queue: LabRequest[] = [];
  postMessage(request: LabRequest) {
    this.queue.push(request);
    if (this.queue.length === 1) this.reply({ id: request.id, started: true });
  }
  /** Answers the running request and starts the next. */
  finish(result: unknown) {
    const done = this.queue.shift()!;
    this.reply({ id: done.id, ok: true, result });
    const next = this.queue[0];
    if (next) this.reply({ id: next.id, started: true });
  }
  terminate() {
    this.terminated = true;
  }
  private reply(message: LabReply) {
    this.onmessage?.({ data: message } as MessageEvent<LabReply>);
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
      return w as unknown as Worker;
    });
    const long = client.call(
      { method: 'generate', design: {} as never, rowsPerTable: 1 },
      { timeoutMs: 600_000 },
    );
    const rows = client.call({ method: 'rows', tableId: 't', limit: 1 }, { timeoutMs: 30_000 });
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
