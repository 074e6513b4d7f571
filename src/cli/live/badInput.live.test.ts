/**
 * What goes wrong with a live database, against a real server: each case gives one line on
 * stderr that says what happened, its exit code, no stack trace, no password, and no file
 * written as if the design were complete.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../../core/model';
import { startLivePostgres, SUPERUSER_PASSWORD, type LivePostgres } from '../../test/livePostgres';
import { cli, cutAtQuery, hasStackTrace, type Run } from './liveTesting';

let server: LivePostgres;
let dir: string;
const READER_PASSWORD = 'Reader-pw-42';

beforeAll(async () => {
  server = await startLivePostgres();
  dir = mkdtempSync(join(tmpdir(), 'tablewright-live-bad-'));
  await server.createDatabase('app');
  await server.query(
    `CREATE TABLE public.users (id int PRIMARY KEY, name text);
     CREATE SCHEMA secret; CREATE TABLE secret.keys (id int PRIMARY KEY, user_id int REFERENCES public.users (id));
     CREATE SCHEMA hr; CREATE TABLE hr.salaries (id int PRIMARY KEY);
     DROP ROLE IF EXISTS reader; CREATE ROLE reader LOGIN PASSWORD '${READER_PASSWORD}';`,
    'app',
  );
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** One line of error on stderr (after any progress lines), no stack trace, no password. */
function expectCleanFailure(run: Run, code: number, message: RegExp) {
  expect(run.code, run.stderr).toBe(code);
  const errors = run.stderr.split('\n').filter((l) => l.startsWith('tablewright:'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(hasStackTrace(run.stderr)).toBe(false);
  for (const secret of [SUPERUSER_PASSWORD, READER_PASSWORD, 'wrong-pw-7'])
    expect(run.stderr + run.stdout).not.toContain(secret);
}

const output = (name: string) => join(dir, name);

describe('bad input for pull, check and migrate', () => {
  it('a URL that is not a PostgreSQL URL', async () => {
    for (const [url, why] of [
      [
        'mysql://root:wrong-pw-7@localhost/db',
        /is not a PostgreSQL URL: write it as postgres:\/\//,
      ],
      ['postgres://root:wrong-pw-7@/db', /names no host/],
      ['postgres://root:wrong-pw-7@host:99999/db', /is not a valid URL|invalid port/],
      ['just-a-word', /is not a PostgreSQL URL/],
    ] as const) {
      const out = output('never.json');
      const run = await cli(['pull', url, '-o', out]);
      expectCleanFailure(run, 3, why);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('a refused password, shown masked', async () => {
    const out = output('refused.json');
    const url = server.url('app', 'postgres', 'wrong-pw-7');
    const run = await cli(['pull', url, '-o', out]);
    expectCleanFailure(
      run,
      3,
      /postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/app: PostgreSQL refused the password \(password authentication failed for user "postgres"\)\./,
    );
    expect(existsSync(out)).toBe(false);
    const check = await cli(['check', out, '--against', url]);
    // The design file is missing: said before the database is tried.
    expectCleanFailure(check, 1, /refused\.json: cannot read it: no such file/);
  });

  it('a password given as ?password= is masked too', async () => {
    const url = `postgres://postgres@127.0.0.1:${server.port}/app?password=wrong-pw-7`;
    const run = await cli(['pull', url]);
    expectCleanFailure(run, 3, /\?password=\*\*\*: PostgreSQL refused the password/);
  });

  it('a database that does not exist', async () => {
    const run = await cli(['pull', server.url('no_such_db')]);
    expectCleanFailure(run, 3, /database "no_such_db" does not exist/);
  });

  it('a host where nothing listens', async () => {
    const port = await closedPort();
    const run = await cli(['pull', `postgres://u:wrong-pw-7@127.0.0.1:${port}/db`]);
    expectCleanFailure(run, 3, /connection refused: no PostgreSQL server is listening there/);
  });

  it('a host that never answers: the connect timeout bounds the wait', async () => {
    const { port, close } = await silentServer();
    try {
      const run = await cli(['pull', `postgres://u:wrong-pw-7@127.0.0.1:${port}/db`], {
        connectTimeoutMs: 300,
      });
      expectCleanFailure(
        run,
        3,
        /no answer within 0\.3 s: the host is unreachable or not a PostgreSQL server/,
      );
    } finally {
      await close();
    }
  });

  it('a server older than PostgreSQL 13 (its version answer faked at the boundary)', async () => {
    const out = output('old.json');
    const run = await cli(['pull', server.url('app'), '-o', out], {
      serverVersion: async () => 120017,
    });
    expectCleanFailure(
      run,
      3,
      /runs PostgreSQL 12\.17; tablewright reads PostgreSQL 13 and newer\./,
    );
    expect(existsSync(out)).toBe(false);
    // The oracle can fail: the real answer (15 here) passes.
    expect((await cli(['pull', server.url('app'), '-o', out], {})).code).toBe(0);
  });

  it('a user without rights on some schemas: warned, listed, left out, its own exit code', async () => {
    const url = server.url('app', 'reader', READER_PASSWORD);
    const out = output('reader.json');
    const run = await cli(['pull', url, '-o', out]);
    expectCleanFailure(
      run,
      4,
      /this user may not use schemas "hr", "secret" \(no USAGE privilege\), so they were not read\. .*The design lacks them\./,
    );
    const doc = parseDesign(readFileSync(out, 'utf8'));
    expect(doc.ok).toBe(true);
    if (doc.ok)
      expect(Object.values(doc.value.design.tables).map((t) => t.name)).toEqual(['users']);

    // check and migrate would compare against a database they only half see: refused.
    const check = await cli(['check', out, '--against', url]);
    expectCleanFailure(check, 4, /may not use schemas "hr", "secret".*cannot be compared/);
    const migrate = await cli(['migrate', out, '--against', url]);
    expectCleanFailure(migrate, 4, /may not use schemas "hr", "secret"/);

    // Refreshing a design that has tables there would drop them: refused, the file untouched.
    const whole = output('whole.json');
    expect((await cli(['pull', server.url('app'), '-o', whole])).code).toBe(0);
    const before = readFileSync(whole, 'utf8');
    const into = await cli(['pull', url, '--into', whole]);
    expectCleanFailure(
      into,
      4,
      /whole\.json has tables in schemas "hr", "secret", which this pull did not read \(no USAGE privilege\); refreshing would drop them, so nothing was written\./,
    );
    expect(readFileSync(whole, 'utf8')).toBe(before);
    const narrowed = await cli(['pull', server.url('app'), '--schema', 'public', '--into', whole]);
    expectCleanFailure(narrowed, 1, /not named by --schema/);
    expect(readFileSync(whole, 'utf8')).toBe(before);

    // Granted, the same user reads everything.
    await server.query('GRANT USAGE ON SCHEMA secret, hr TO reader', 'app');
    const granted = await cli(['pull', url]);
    expect(granted.code, granted.stderr).toBe(0);
    await server.query('REVOKE USAGE ON SCHEMA secret, hr FROM reader', 'app');
  });

  it('--schema naming a schema the database does not have', async () => {
    const run = await cli(['pull', server.url('app'), '--schema', 'nope']);
    expectCleanFailure(run, 3, /has no schema "nope" \(it has hr, public, secret\)/);
  });

  it('a database that goes away in the middle of the read: nothing written', async () => {
    for (const at of [3, 9]) {
      const out = output(`cut-${at}.json`);
      const run = await cli(['pull', server.url('app'), '-o', out], {
        wrapExecutor: cutAtQuery(server.url('postgres'), at),
      });
      expectCleanFailure(
        run,
        3,
        /the connection was lost while the catalog was being read.*nothing was written|ended the connection while the catalog was being read.*nothing was written/,
      );
      expect(existsSync(out)).toBe(false);
    }
  });

  it('as a process (bin/tablewright.mjs): a refused password exits cleanly, and a pull writes the design to stdout', async () => {
    const refused = await runBin(['pull', server.url('app', 'postgres', 'wrong-pw-7')]);
    expectCleanFailure(refused, 3, /PostgreSQL refused the password/);
    const pulled = await runBin(['pull', server.url('app'), '--schema', 'public']);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain('"format"');
    expect(pulled.stderr + pulled.stdout).not.toContain(SUPERUSER_PASSWORD);
  });

  it('bad command lines', async () => {
    expectCleanFailure(await cli(['check', 'x.json']), 1, /check needs --against <postgres-url>/);
    expectCleanFailure(await cli(['pull']), 1, /pull needs the database URL/);
    expectCleanFailure(
      await cli(['migrate', 'x.json', '--against', 'postgres://h/db', '--safe', '--simple']),
      1,
      /Choose --safe or --simple/,
    );
    expectCleanFailure(
      await cli(['pull', 'postgres://h/db', '--json']),
      1,
      /pull does not take --json/,
    );
  });
});

const BIN = fileURLToPath(new URL('../../../bin/tablewright.mjs', import.meta.url));

function runBin(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

/** A TCP server that accepts connections and never says a word (a black hole for PostgreSQL). */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 1,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
