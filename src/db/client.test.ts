import { afterEach, describe, expect, it } from 'vitest';
import { emptyDesign } from '../core/model';
import type { DdlStatement } from '../core/sql/types';
import { createPgClient, type DbStatus, type PgClient, type WorkerLike } from './client';
import type { CallMessage, SqlRunSuccess, WorkerMessage } from './protocol';

/**
 * A stand-in for the database worker. It boots on the next tick and, in `auto` mode, answers
 * every call except SQL mentioning pg_sleep (which runs forever, as it would in WASM); in
 * `manual` mode the test answers with `reply`.
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly calls: CallMessage[] = [];
  terminated = false;

  constructor(
    readonly mode: 'auto' | 'manual',
    boot: 'ready' | 'failed' | 'silent' = 'ready',
  ) {
    setTimeout(() => {
      if (boot === 'ready') this.send({ type: 'ready', bootMs: 12, fromSnapshot: true });
      if (boot === 'failed') this.send({ type: 'failed', message: 'no WebAssembly here' });
    }, 0);
  }

  postMessage(message: CallMessage): void {
    if (this.terminated) throw new Error('postMessage after terminate');
    this.calls.push(message);
    if (this.mode === 'auto') setTimeout(() => this.answer(message), 1);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Deliver a message as the worker would (ignored once terminated, like a real worker). */
  send(message: WorkerMessage): void {
    if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent);
  }

  answer(call: CallMessage): void {
    if (call.method === 'runSql') {
      if (call.args[0].includes('pg_sleep')) return;
      this.send({
        type: 'result',
        id: call.id,
        method: 'runSql',
        result: sqlSuccess(call.args[0]),
      });
    } else {
      const result = { ok: true, errors: [], strategy: 'batch' as const, durationMs: 1 };
      this.send({ type: 'result', id: call.id, method: 'checkSchema', result });
    }
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

function sqlSuccess(sql: string): SqlRunSuccess {
  const result = { command: 'SELECT', fields: [{ name: 'sql', dataTypeID: 25 }], rows: [[sql]] };
  return {
    ok: true,
    cancelled: false,
    results: [{ ...result, rowCount: 1, truncated: false }],
    notices: [],
    durationMs: 1,
  };
}

const statements = (entityId: string): DdlStatement[] => [
  { kind: 'table', sql: `CREATE TABLE ${entityId} ();`, from: 0, to: 20, entityId },
];

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await tick(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}

let client: PgClient | undefined;
afterEach(() => client?.dispose());

function start(mode: 'auto' | 'manual', options: { boot?: 'ready' | 'failed' | 'silent' } = {}) {
  const workers: FakeWorker[] = [];
  const statuses: DbStatus[] = [];
  const created = createPgClient({
    createWorker: () => {
      // Only the first worker boots as asked; replacements boot normally.
      const worker = new FakeWorker(mode, workers.length === 0 ? options.boot : 'ready');
      workers.push(worker);
      return worker;
    },
    sqlTimeoutMs: 1_000,
    checkTimeoutMs: 1_000,
    bootTimeoutMs: 500,
  });
  created.subscribe((status) => statuses.push(status));
  client = created;
  return { client: created, workers, statuses };
}

describe('createPgClient', () => {
  it('starts the worker at once and runs calls made before it is ready', async () => {
    const { client, workers, statuses } = start('auto');
    expect(client.getStatus()).toBe('starting');
    const result = await client.checkSchema(statements('t_a'));
    expect(result).toMatchObject({ stale: false, cancelled: false, ok: true, errors: [] });
    expect(statuses).toEqual(['ready']);
    expect(workers).toHaveLength(1);
    expect(client.getBootInfo()).toMatchObject({ bootMs: 12, fromSnapshot: true });
  });

  it('coalesces checks: only the newest waiting check runs, the others resolve stale', async () => {
    const { client, workers } = start('manual');
    const first = client.checkSchema(statements('t_1'));
    await until(() => workers[0]?.calls.length === 1, 'the first check to be sent');
    const second = client.checkSchema(statements('t_2'));
    const third = client.checkSchema(statements('t_3'));
    expect(await second).toEqual({ stale: true });

    const worker = workers[0]!;
    worker.answer(worker.calls[0]!);
    // A newer check is waiting, so the first answer refers to DDL that is gone.
    expect(await first).toEqual({ stale: true });
    await until(() => worker.calls.length === 2, 'the newest check to be sent');
    expect(worker.calls[1]).toMatchObject({ method: 'checkSchema', args: [statements('t_3')] });
    worker.answer(worker.calls[1]!);
    expect(await third).toMatchObject({ stale: false, ok: true });
  });

  it('restarts the worker when a query outlives its watchdog, and keeps working', async () => {
    const { client, workers, statuses } = start('auto');
    const restarts: string[] = [];
    client.onRestart((event) => restarts.push(event.reason));
    const stuck = await client.runSql('select pg_sleep(1e6)', { timeoutMs: 50 });
    expect(stuck).toMatchObject({ ok: false, cancelled: true, reason: 'timeout' });
    expect(stuck.ok ? '' : stuck.error.message).toMatch(
      /^Query stopped: no answer after 50 ms, so the database was restarted/,
    );
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(client.getStatus()).toBe('restarting');

    const next = await client.runSql('select 1');
    expect(next).toMatchObject({ ok: true, results: [{ rows: [['select 1']] }] });
    expect(statuses).toEqual(['ready', 'restarting', 'ready']);
    expect(restarts).toEqual(['timeout']);
    expect(workers[1]?.calls).toHaveLength(1);
  });

  it('imports through the worker, passing progress on; each progress report restarts the watchdog', async () => {
    const { client, workers } = start('manual');
    const progress: string[] = [];
    const pending = client.importSql('CREATE TABLE t ();', {
      designName: 'Mine',
      timeoutMs: 80,
      onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
    });
    await until(() => workers[0]?.calls.length === 1, 'the import to be sent');
    const call = workers[0]!.calls[0]!;
    expect(call).toMatchObject({
      method: 'importSql',
      args: ['CREATE TABLE t ();', { designName: 'Mine' }],
    });
    // Longer in all than the watchdog, but never silent for longer than it.
    for (let done = 0; done < 4; done++) {
      await tick(40);
      workers[0]!.send({
        type: 'progress',
        id: call.id,
        progress: { phase: 'execute', done, total: 4 },
      });
    }
    const report = {
      statements: 1,
      executed: 1,
      skipped: [],
      failed: [],
      extensionsLoaded: [],
      extensionsMissing: [],
      notes: [],
    };
    const design = { ...emptyDesign('Mine', 'd_x'), schemas: {} };
    workers[0]!.send({
      type: 'result',
      id: call.id,
      method: 'importSql',
      result: { ok: true, cancelled: false, design, report },
    });
    expect(await pending).toMatchObject({
      ok: true,
      design: { name: 'Mine' },
      report: { executed: 1 },
    });
    expect(progress).toEqual(['execute 0/4', 'execute 1/4', 'execute 2/4', 'execute 3/4']);
    expect(workers).toHaveLength(1);
  });

  it('stops an import that goes silent for longer than its watchdog', async () => {
    const { client, workers } = start('manual');
    const result = await client.importSql('CREATE TABLE t ();', { timeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, cancelled: true, reason: 'timeout' });
    expect(result.ok ? '' : result.error.message).toMatch(/^Import stopped: no answer after 50 ms/);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('cancel() stops the running query with a clear message and a fresh database', async () => {
    const { client, workers } = start('auto');
    const running = client.runSql('select pg_sleep(1e6)');
    const waiting = client.runSql('select 2');
    await until(() => workers[0]?.calls.length === 1, 'the query to be sent');
    client.cancel();
    const result = await running;
    expect(result).toMatchObject({ ok: false, cancelled: true, reason: 'cancelled' });
    expect(result.ok ? '' : result.error.message).toMatch(
      /^Query cancelled: the database was restarted/,
    );
    expect(await waiting).toMatchObject({ cancelled: true, reason: 'cancelled' });
    expect(workers[0]?.terminated).toBe(true);
    expect(await client.runSql('select 3')).toMatchObject({ ok: true });
  });

  it('gives checks their own, longer watchdog', async () => {
    const { client, workers } = start('manual');
    const check = await client.checkSchema(statements('t_slow'));
    // manual mode never answers: the 1 s check watchdog fires.
    expect(check).toMatchObject({ stale: false, cancelled: true, reason: 'timeout', errors: [] });
    expect(workers).toHaveLength(2);
  });

  it('ignores answers from a worker it has replaced', async () => {
    const { client, workers } = start('manual');
    const running = client.runSql('select 1', { timeoutMs: 30 });
    await until(() => workers[0]?.calls.length === 1, 'the query to be sent');
    const stale = workers[0]!;
    const firstCall = stale.calls[0]!;
    expect((await running).cancelled).toBe(true);
    stale.terminated = false; // let the late answer through, as a message already in flight would
    stale.answer(firstCall);
    const next = client.runSql('select 2');
    await until(() => workers[1]?.calls.length === 1, 'the next query to reach the new worker');
    workers[1]!.answer(workers[1]!.calls[0]!);
    expect(await next).toMatchObject({ ok: true, results: [{ rows: [['select 2']] }] });
  });

  it('restarts after a crash and resolves the running call as crashed', async () => {
    const { client, workers } = start('auto');
    await client.runSql('select 1');
    const running = client.runSql('select pg_sleep(10)');
    await until(() => workers[0]?.calls.length === 2, 'the query to be sent');
    workers[0]!.crash('out of memory');
    const result = await running;
    expect(result).toMatchObject({ cancelled: true, reason: 'crashed' });
    expect(result.ok ? '' : result.error.message).toContain('out of memory');
    expect(await client.runSql('select 1')).toMatchObject({ ok: true });
  });

  it('restarts when the database cannot be reset any more', async () => {
    const { client, workers } = start('manual');
    const check = client.checkSchema(statements('t_a'));
    await until(() => workers[0]?.calls.length === 1, 'the check to be sent');
    const call = workers[0]!.calls[0]!;
    workers[0]!.send({
      type: 'result',
      id: call.id,
      method: 'checkSchema',
      result: { ok: false, resetError: { message: 'permission denied' }, durationMs: 1 },
    });
    expect(await check).toMatchObject({ cancelled: true, reason: 'crashed' });
    expect(workers).toHaveLength(2);
  });

  it('reports a failed boot, answers calls with it, and can be restarted', async () => {
    const { client, statuses } = start('auto', { boot: 'failed' });
    const result = await client.runSql('select 1');
    expect(result).toMatchObject({ cancelled: true, reason: 'unavailable' });
    expect(result.ok ? '' : result.error.message).toContain('no WebAssembly here');
    expect(client.getStatus()).toBe('failed');
    expect(client.getFailure()).toBe('no WebAssembly here');
    client.restart();
    expect(await client.runSql('select 1')).toMatchObject({ ok: true });
    expect(statuses).toEqual(['failed', 'restarting', 'ready']);
  });

  it('gives up on a worker that never becomes ready', async () => {
    const { client } = start('auto', { boot: 'silent' });
    const result = await client.checkSchema(statements('t_a'));
    expect(result).toMatchObject({ cancelled: true, reason: 'unavailable' });
    expect(client.getStatus()).toBe('failed');
  });

  it('fails with a reason when no worker can be created', async () => {
    client = createPgClient({
      createWorker: () => {
        throw new Error('SecurityError: blocked by CSP');
      },
    });
    expect(client.getStatus()).toBe('failed');
    expect(client.getFailure()).toMatch(/could not be created.*blocked by CSP/);
    expect(await client.runSql('select 1')).toMatchObject({ reason: 'unavailable' });
  });

  it('keeps working when a status listener throws', async () => {
    const { client } = start('auto');
    client.subscribe(() => {
      throw new Error('listener bug');
    });
    const reported: unknown[] = [];
    const onUncaught = (error: unknown): void => void reported.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      expect(await client.runSql('select 1')).toMatchObject({ ok: true });
      await tick();
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(String(reported[0])).toContain('listener bug');
  });

  it('dispose() terminates the worker and settles pending calls', async () => {
    const { client, workers } = start('manual');
    const pending = client.runSql('select 1');
    await until(() => workers[0]?.calls.length === 1, 'the query to be sent');
    client.dispose();
    expect(await pending).toMatchObject({ cancelled: true, reason: 'disposed' });
    expect(workers[0]?.terminated).toBe(true);
    expect(await client.runSql('select 1')).toMatchObject({ reason: 'disposed' });
  });
});
