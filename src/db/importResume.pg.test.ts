import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { createPgClient, type PgClient, type RestartEvent, type WorkerLike } from './client';
import { createEngine } from './engine';
import type { ScratchDb } from './import/importSql';
import type { CallMessage, ImportProgress, WorkerMessage } from './protocol';

/**
 * The real engine behind the worker interface, with real PGlite scratch databases. A statement
 * that would hang WASM (`pg_sleep`, an endless recursive CTE) never settles here either, and one
 * that would crash the worker reports a crash, so the client's watchdog and restart run for real.
 */
class ImportWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  private engine;

  constructor(scratches: PGlite[]) {
    const db = { exec: async () => [], query: async () => ({ rows: [], fields: [] }) } as never;
    this.engine = createEngine(db, {
      createScratch: async () => {
        const pg = await PGlite.create();
        scratches.push(pg);
        const scratch: ScratchDb = {
          query: pg.query.bind(pg) as ScratchDb['query'],
          close: () => pg.close(),
          exec: ((sql: string, options?: object) => {
            if (/pg_sleep|WITH RECURSIVE/i.test(sql)) return new Promise(() => {});
            if (/crash_me/.test(sql)) {
              setTimeout(
                () =>
                  this.onerror?.({
                    message: 'RuntimeError: memory access out of bounds',
                    preventDefault: () => {},
                  } as ErrorEvent),
                0,
              );
              return new Promise(() => {});
            }
            return pg.exec(sql, options);
          }) as ScratchDb['exec'],
        };
        return scratch;
      },
    });
    setTimeout(() => this.send({ type: 'ready', bootMs: 1, fromSnapshot: true }), 0);
  }

  postMessage(call: CallMessage): void {
    if (call.method !== 'importSql') throw new Error(`unexpected ${call.method}`);
    const [sql, options] = call.args;
    void this.engine
      .importSql(sql, options, (progress) => this.send({ type: 'progress', id: call.id, progress }))
      .then((result) => this.send({ type: 'result', id: call.id, method: 'importSql', result }));
  }

  terminate(): void {
    this.terminated = true;
  }

  private send(message: WorkerMessage): void {
    if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent);
  }
}

const SCRIPT = `CREATE TABLE first_table (id int PRIMARY KEY);

SELECT pg_sleep(1e6);

WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) SELECT count(*) FROM forever;

CREATE TABLE second_table (id int PRIMARY KEY, first_id int REFERENCES first_table);
SELECT crash_me();
COPY public.first_table (id) FROM stdin;
1
\\.
CREATE TABLE third_table (note text);
`;

let client: PgClient | undefined;
const scratches: PGlite[] = [];
afterEach(async () => {
  client?.dispose();
  await Promise.all(scratches.splice(0).map((pg) => pg.close().catch(() => undefined)));
});

describe('an import with statements that hang or crash the worker (real PGlite)', () => {
  it('names each one with its line, skips it, and imports every table', async () => {
    const restarts: RestartEvent[] = [];
    const progress: ImportProgress[] = [];
    client = createPgClient({
      createWorker: () => new ImportWorker(scratches),
      importStatementTimeoutMs: 500,
    });
    client.onRestart((e) => restarts.push(e));
    const result = await client.importSql(SCRIPT, { onProgress: (p) => progress.push(p) });
    if (!result.ok) throw new Error(result.error.message);
    expect(
      Object.values(result.design.tables)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['first_table', 'second_table', 'third_table']);
    const failed = result.report.failed.map((f) => [f.line, f.text.slice(0, 24), f.reason]);
    expect(failed).toEqual([
      [3, 'SELECT pg_sleep(1e6)', expect.stringMatching(/^Stopped: no answer after 500 ms/)],
      [5, 'WITH RECURSIVE forever(n', expect.stringMatching(/no answer after/)],
      [
        8,
        'SELECT crash_me()',
        expect.stringMatching(/stop working \(RuntimeError: memory access out of bounds\)/),
      ],
    ]);
    expect(restarts.map((r) => r.reason)).toEqual(['importTimeout', 'importTimeout', 'crashed']);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('can be cancelled: nothing is resumed, the answer says cancelled', async () => {
    client = createPgClient({
      createWorker: () => new ImportWorker(scratches),
      importStatementTimeoutMs: 60_000,
    });
    let asked = false;
    const pending = client.importSql(SCRIPT, {
      onProgress: (p) => {
        // Cancel while pg_sleep holds the worker, as a person pressing Cancel would.
        if (p.phase === 'execute' && !asked) {
          asked = true;
          setTimeout(() => client?.cancel(), 300);
        }
      },
    });
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(result.cancelled).toBe(true);
    if (!result.ok) expect(result.error.message).toMatch(/Import cancelled/);
  });
});
