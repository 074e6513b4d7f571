import { afterEach, describe, expect, it } from 'vitest';
import { createRpcClient, type RpcClient, type RpcClientOptions } from './client';
import { InProcessWorker } from './inProcessWorker';
import type { RpcImplementation } from './serve';

/** A worker API for the tests; the implementation below runs through the real serveRpc. */
interface TestApi {
  echo(text: string, times?: number): Promise<string>;
  /** Counts to `to`, a step every `stepMs`, reporting each. */
  count(to: number, stepMs: number): Promise<number>;
  /** Never answers (a runaway query). */
  hang(): Promise<never>;
  /** Throws what it is given, as a database driver throws its error object. */
  fail(error: { message: string } & Record<string, unknown>): Promise<never>;
  /** Answers with something `postMessage` cannot clone. */
  unclonable(): Promise<() => void>;
  /** Answers whether its database is still usable. */
  health(broken: boolean): Promise<{ broken: boolean }>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const implementation: RpcImplementation<TestApi, number> = ({ progress }) => ({
  echo: async (text, times = 1) => text.repeat(times),
  async count(to, stepMs) {
    for (let i = 1; i <= to; i++) {
      await sleep(stepMs);
      progress(i);
    }
    return to;
  },
  hang: () => new Promise<never>(() => {}),
  fail: async (error) => {
    throw Object.assign(new Error(error.message), error);
  },
  health: async (broken) => ({ broken }),
  unclonable: async () => () => {},
});

type TestWorker = InProcessWorker<TestApi, number>;
let client: RpcClient<TestApi, number, { bootMs: number }> | undefined;
afterEach(() => client?.dispose());

function start(options: Partial<RpcClientOptions<TestApi>> & { ready?: boolean } = {}) {
  const workers: TestWorker[] = [];
  const { ready, ...rest } = options;
  client = createRpcClient<TestApi, number, { bootMs: number }>({
    createWorker: () => {
      const worker = new InProcessWorker<TestApi, number>(
        implementation,
        ready ? { ready: { bootMs: 7 } } : {},
      );
      workers.push(worker);
      return worker;
    },
    ...rest,
  });
  return { client, workers };
}

describe('createRpcClient with serveRpc', () => {
  it('calls a method with its arguments and answers with its value, typed by the API', async () => {
    const { client, workers } = start();
    const answer = await client.call('echo', ['ab', 3]);
    expect(answer).toEqual({ ok: true, value: 'ababab' });
    // The answer's type is the method's: a string.
    if (answer.ok) expect(answer.value.length).toBe(6);
    expect(workers[0]!.received).toEqual([
      { type: 'call', id: 1, method: 'echo', args: ['ab', 3] },
    ]);
  });

  it('serial: a call reaches the worker only when the one before it answered', async () => {
    const { client, workers } = start();
    const first = client.call('count', [3, 10]);
    const second = client.call('echo', ['x']);
    await sleep(15);
    expect(workers[0]!.received.map((c) => c.method)).toEqual(['count']);
    expect(await first).toEqual({ ok: true, value: 3 });
    expect(await second).toEqual({ ok: true, value: 'x' });
    expect(workers[0]!.received.map((c) => c.method)).toEqual(['count', 'echo']);
  });

  it('passes what a method threw, with the Postgres error fields', async () => {
    const { client } = start();
    const answer = await client.call('fail', [
      {
        message: 'relation "nope" does not exist',
        code: '42P01',
        position: '15',
        hint: 'Create it first.',
        ignored: 42,
      },
    ]);
    expect(answer).toEqual({
      ok: false,
      reason: 'failed',
      cause: 'relation "nope" does not exist',
      error: {
        message: 'relation "nope" does not exist',
        code: '42P01',
        position: 15,
        hint: 'Create it first.',
      },
    });
    // The worker is fine after a method threw.
    expect(await client.call('echo', ['ok'])).toEqual({ ok: true, value: 'ok' });
  });

  it('stops a call that outlives its watchdog by terminating the worker; the next call gets a fresh one', async () => {
    const { client, workers } = start();
    const stops: unknown[] = [];
    client.onStop((event) => stops.push(event));
    const waiting = client.call('echo', ['after']);
    // Queued behind the runaway call: without keepQueueOnStop it stops with the worker.
    const stuck = client.call('hang', [], { timeoutMs: 30 });
    const before = client.call('echo', ['before']);
    expect(await waiting).toEqual({ ok: true, value: 'after' });
    expect(await stuck).toEqual({ ok: false, reason: 'timeout', timeoutMs: 30 });
    expect(await before).toEqual({ ok: false, reason: 'timeout', timeoutMs: 30 });
    expect(workers[0]!.terminated).toBe(true);
    expect(stops).toEqual([{ cause: 'timeout', method: 'hang' }]);
    expect(await client.call('echo', ['again'])).toEqual({ ok: true, value: 'again' });
    expect(workers).toHaveLength(2);
  });

  it('restarts the watchdog on progress only when asked to, with the time it is given', async () => {
    const { client } = start();
    const progress: number[] = [];
    // 5 steps of 20 ms: longer than the 50 ms watchdog, never silent for that long.
    const alive = await client.call('count', [5, 20], {
      timeoutMs: 50,
      onProgress: (p) => {
        progress.push(p);
        return 50;
      },
    });
    expect(alive).toEqual({ ok: true, value: 5 });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    // Progress that asks for nothing leaves the watchdog counting the whole call.
    const whole = await client.call('count', [5, 20], { timeoutMs: 50, onProgress: () => {} });
    expect(whole).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('latest: a new call stops the running one and its worker', async () => {
    const { client, workers } = start({ mode: 'latest' });
    const old = client.call('hang', []);
    await sleep(5);
    const next = client.call('echo', ['new']);
    expect(await old).toEqual({ ok: false, reason: 'superseded' });
    expect(workers[0]!.terminated).toBe(true);
    expect(await next).toEqual({ ok: true, value: 'new' });
    // An idle worker is kept for the next call.
    expect(await client.call('echo', ['kept'])).toEqual({ ok: true, value: 'kept' });
    expect(workers).toHaveLength(2);
  });

  it('replacesWaiting: only the newest call of a method is answered', async () => {
    const { client } = start();
    const running = client.call('count', [2, 10], { replacesWaiting: true });
    const waiting = client.call('count', [1, 1], { replacesWaiting: true });
    const newest = client.call('count', [1, 1], { replacesWaiting: true });
    expect(await waiting).toEqual({ ok: false, reason: 'superseded' });
    // Its answer came while a newer call waited: it is about something that is gone.
    expect(await running).toEqual({ ok: false, reason: 'superseded' });
    expect(await newest).toEqual({ ok: true, value: 1 });
  });

  it('breaksWorker: an answer that shows the worker broken replaces it before the next call', async () => {
    const { client, workers } = start({ keepQueueOnStop: true });
    const broken = client.call('health', [true], {
      breaksWorker: (r) => (r.broken ? 'the database cannot be reset' : undefined),
    });
    const next = client.call('echo', ['fresh']);
    expect(await broken).toEqual({
      ok: false,
      reason: 'crashed',
      cause: 'the database cannot be reset',
    });
    expect(await next).toEqual({ ok: true, value: 'fresh' });
    expect(workers[0]!.received).toHaveLength(1);
    expect(workers[1]!.received.map((c) => c.method)).toEqual(['echo']);
  });

  it('reports a crashed worker with its message', async () => {
    const { client, workers } = start();
    const running = client.call('hang', []);
    await sleep(5);
    workers[0]!.crash('RuntimeError: unreachable');
    expect(await running).toEqual({
      ok: false,
      reason: 'crashed',
      cause: 'RuntimeError: unreachable',
    });
    expect(await client.call('echo', ['on'])).toEqual({ ok: true, value: 'on' });
  });

  it('a call or an answer that cannot be sent fails alone', async () => {
    const { client } = start();
    const unsent = await client.call('echo', [(() => 'a function') as unknown as string]);
    expect(unsent).toMatchObject({ ok: false, reason: 'failed', unsent: true });
    expect(await client.call('echo', ['fine'])).toEqual({ ok: true, value: 'fine' });
    const unanswered = await client.call('unclonable', []);
    expect(unanswered).toMatchObject({ ok: false, reason: 'failed' });
    expect(!unanswered.ok && unanswered.cause).toMatch(/^The answer could not be sent/);
    // The worker's serial queue goes on.
    expect(await client.call('echo', ['still'])).toEqual({ ok: true, value: 'still' });
  });

  it('keepAlive with a boot: waits for ready, replaces a stopped worker at once and keeps the waiting calls for it', async () => {
    const { client, workers } = start({
      ready: true,
      boot: { timeoutMs: 1_000 },
      keepAlive: true,
      keepQueueOnStop: true,
    });
    const statuses: string[] = [];
    const restarts: unknown[] = [];
    client.subscribe((s) => statuses.push(s));
    client.onRestart((event) => restarts.push({ ...event, boot: { bootMs: event.boot.bootMs } }));
    expect(client.getStatus()).toBe('starting');
    expect(workers).toHaveLength(1);
    const stuck = client.call('hang', [], { timeoutMs: 20 });
    const waiting = client.call('echo', ['next']);
    expect(await stuck).toMatchObject({ reason: 'timeout' });
    expect(await waiting).toEqual({ ok: true, value: 'next' });
    expect(workers[1]!.received.map((c) => c.method)).toEqual(['echo']);
    expect(statuses).toEqual(['ready', 'restarting', 'ready']);
    expect(restarts).toEqual([{ cause: 'timeout', method: 'hang', boot: { bootMs: 7 } }]);
    expect(client.getBootInfo()).toMatchObject({ bootMs: 7 });
  });

  it('keepAlive: a worker that never boots fails the client, and later calls say so', async () => {
    const { client } = start({ boot: { timeoutMs: 20 }, keepAlive: true });
    expect(await client.call('echo', ['x'])).toMatchObject({
      ok: false,
      reason: 'unavailable',
      cause: 'it did not start within 0 s',
    });
    expect(client.getStatus()).toBe('failed');
    expect(await client.call('echo', ['x'])).toMatchObject({ reason: 'unavailable' });
  });

  it('cancel() stops only the calls it matches; dispose() every one, now and later', async () => {
    const { client, workers } = start({ keepQueueOnStop: true });
    const running = client.call('hang', []);
    const waitingEcho = client.call('echo', ['stays']);
    const waitingHang = client.call('hang', []);
    await sleep(5);
    client.cancel((method) => method === 'hang');
    expect(await running).toEqual({ ok: false, reason: 'cancelled' });
    expect(await waitingHang).toEqual({ ok: false, reason: 'cancelled' });
    expect(await waitingEcho).toEqual({ ok: true, value: 'stays' });
    expect(workers[0]!.terminated).toBe(true);
    const pending = client.call('hang', []);
    client.dispose();
    expect(await pending).toEqual({ ok: false, reason: 'disposed' });
    expect(await client.call('echo', ['x'])).toEqual({ ok: false, reason: 'disposed' });
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});
