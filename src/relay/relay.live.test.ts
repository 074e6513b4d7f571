/**
 * The relay with its rooms in PostgreSQL (`--postgres`), against a real server started by the
 * tests (src/test/livePostgres.ts): the same guarantees as with the SQLite file (rooms kept
 * across restarts, also a kill mid-session; room and message caps), plus what only a shared
 * database has: several relays storing one room, and connections the server drops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { joinRoom, type Collaboration } from '../app/collaboration';
import { createRoom, type RoomInvite } from '../collab/roomKeys';
import { readSharedDocument, writeSharedDocument } from '../collab/sharedDesign';
import { exampleDocument, type DesignDocument } from '../core/model';
import { renameTable, setTableComment } from '../core/ops';
import { startLivePostgres, SUPERUSER_PASSWORD, type LivePostgres } from '../test/livePostgres';
import { startRelay, type RunningRelay } from './relay';
import { postgresRoomStore } from './roomStore';

const { default: WebSocket } = (await import('ws' as string)) as { default: unknown };
const BIN = new URL('../../bin/tablewright.mjs', import.meta.url).pathname;

let server: LivePostgres;
beforeAll(async () => {
  server = await startLivePostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const open: { leave(): void }[] = [];
const relays: RunningRelay[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.leave();
  for (const r of relays.splice(0)) await r.stop().catch(() => {});
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** A database of its own per test: what one test stores never answers another. */
async function database(name: string): Promise<string> {
  await server.createDatabase(name);
  return server.url(name);
}

async function relayOn(
  url: string,
  port = 0,
  limits = { maxRoomBytes: 4 * 1024 * 1024, maxMessageBytes: 1024 * 1024 },
  log?: (line: string) => void,
): Promise<RunningRelay> {
  const relay = await startRelay({
    port,
    host: '127.0.0.1',
    store: await postgresRoomStore(url, log),
    ...limits,
    storeDelayMs: 50,
  });
  relays.push(relay);
  return relay;
}

interface Client {
  plain: Y.Doc;
  collab: Collaboration;
}

async function client(
  relayUrl: string,
  invite: RoomInvite,
  seed?: DesignDocument,
  closed?: (number | string)[],
): Promise<Client> {
  const plain = new Y.Doc();
  if (seed) writeSharedDocument(plain, seed, 'local');
  const joined = await joinRoom({
    relayUrl,
    invite,
    plain,
    WebSocketPolyfill: WebSocket,
    onClosed: (code, reason) => closed?.push(code, reason),
  });
  if (!joined.ok) throw new Error(joined.error.message);
  open.push(joined.value);
  await joined.value.synced();
  return { plain, collab: joined.value };
}

const design = (c: Client) => {
  const r = readSharedDocument(c.plain);
  return r.ok ? r.value.doc : undefined;
};
const tableName = (c: Client, id = 't_customers') => design(c)?.design.tables[id]?.name;

function edit(c: Client, change: (d: DesignDocument) => DesignDocument) {
  const before = design(c)!;
  writeSharedDocument(c.plain, change(before), 'local', before);
}

/** Polls until `check` holds: what a person waits on, not a fixed time. */
async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Until `c`'s changes are sealed (asynchronously) and the relay has them all. */
async function sent(c: Client, what: string): Promise<void> {
  await c.collab.room.idle();
  await until(() => c.collab.allSent(), what);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The relay as a person starts it, as its own process; resolves once it listens. */
function startCli(
  args: string[],
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'relay', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`relay exited (${code}): ${output}`)));
  });
}

/** Runs the relay command to its end: exit code and what it printed. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'relay', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const contains = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text));

describe('the relay with its rooms in PostgreSQL', () => {
  it('keeps rooms across a restart mid-session, as ciphertext in tablewright_rooms', async () => {
    const url = await database('restart');
    const relay = await relayOn(url);
    const invite = await createRoom();
    const a = await client(relay.url, invite, exampleDocument());
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'before_restart') }));
    await sent(a, 'A’s edit to reach the relay');
    relays.pop();
    await relay.stop();
    await until(() => a.collab.status() !== 'connected', 'A to notice the relay is gone');
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_orders', 'while_down') }));

    const again = await relayOn(url, relay.port);
    await until(
      () => a.collab.status() === 'connected' && a.collab.allSent(),
      'A to reconnect and send',
    );
    const b = await client(again.url, invite);
    await until(() => tableName(b, 't_orders') === 'while_down', 'B to get the later edit');
    expect(tableName(b)).toBe('before_restart');

    a.collab.leave();
    b.collab.leave();
    open.length = 0;
    await relays.pop()!.stop();
    // The database alone holds the room, encrypted: one row, no name of the design in it.
    const rows = await server.query<{ name: string; state: Buffer }>(
      'SELECT name, state FROM tablewright_rooms',
      'restart',
    );
    expect(rows.map((r) => r.name)).toEqual([invite.roomId]);
    expect(rows[0]!.state.length).toBeGreaterThan(1000);
    for (const name of ['before_restart', 'while_down', 'customers', 'Online shop'])
      expect(contains(rows[0]!.state, name)).toBe(false);
    const third = await relayOn(url, relay.port);
    const c = await client(third.url, invite);
    await until(
      () => tableName(c, 't_orders') === 'while_down',
      'C to get the room from PostgreSQL',
    );
    expect(tableName(c)).toBe('before_restart');
  });

  it('two relays sharing the database, each holding the room: neither store undoes the other', async () => {
    const url = await database('shared');
    const one = await relayOn(url);
    const two = await relayOn(url);
    const invite = await createRoom();
    // Without Redis between them, each relay has only its own clients' edits.
    const a = await client(one.url, invite, exampleDocument());
    await sent(a, 'the seed to reach relay one');
    await one.stop();
    relays.splice(relays.indexOf(one), 1);
    const b = await client(two.url, invite);
    await until(() => tableName(b) === 'customers', 'B to get the room from PostgreSQL');
    const reopened = await relayOn(url, one.port);
    await until(() => a.collab.status() === 'connected', 'A to reconnect to relay one');
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'from_one') }));
    edit(b, (d) => ({ ...d, design: renameTable(d.design, 't_orders', 'from_two') }));
    await sent(a, 'A’s edit to reach relay one');
    await sent(b, 'B’s edit to reach relay two');
    for (const c of open.splice(0)) c.leave();
    await reopened.stop();
    await two.stop();
    relays.length = 0;

    const third = await relayOn(url);
    const c = await client(third.url, invite);
    await until(() => tableName(c) === 'from_one', 'relay one’s edit to be stored');
    await until(() => tableName(c, 't_orders') === 'from_two', 'relay two’s edit to be stored');
  });

  it('refuses a message past the message cap and a change past the room cap, as with SQLite', async () => {
    const url = await database('caps');
    const relay = await relayOn(url, 0, { maxRoomBytes: 96 * 1024, maxMessageBytes: 48 * 1024 });
    const comment = (n: number) => 'x'.repeat(n);

    const big = await createRoom();
    const closed: (number | string)[] = [];
    const a = await client(relay.url, big, exampleDocument(), closed);
    await sent(a, 'the seed to reach the relay');
    edit(a, (d) => ({ ...d, design: setTableComment(d.design, 't_orders', comment(60 * 1024)) }));
    await until(() => closed.includes(1009), 'the relay to close on the large message');
    a.collab.leave();
    const seen = await client(relay.url, big);
    await until(() => tableName(seen) === 'customers', 'a newcomer to get the room');
    expect(design(seen)!.design.tables.t_orders!.comment ?? '').not.toContain(comment(1024));

    const full = await createRoom();
    const refusedAt: (number | string)[] = [];
    const c = await client(relay.url, full, exampleDocument(), refusedAt);
    for (const id of ['t_customers', 't_products', 't_addresses', 't_orders']) {
      edit(c, (d) => ({ ...d, design: setTableComment(d.design, id, comment(30 * 1024)) }));
      await c.collab.room.idle();
    }
    await until(() => refusedAt.includes('room-full'), 'the relay to refuse growing the room');
    c.collab.leave();
    // What PostgreSQL keeps is within the cap too: a restarted relay serves no more than it.
    for (const x of open.splice(0)) x.leave();
    await relays.pop()!.stop();
    const again = await relayOn(url, 0, { maxRoomBytes: 96 * 1024, maxMessageBytes: 48 * 1024 });
    const b = await client(again.url, full);
    await until(() => tableName(b) === 'customers', 'a newcomer to get the room');
    expect(Y.encodeStateAsUpdate(b.collab.sealed).length).toBeLessThanOrEqual(96 * 1024);
    const kept = design(b)!.design.tables;
    expect(Object.values(kept).filter((t) => t.comment?.startsWith('xxx')).length).toBeLessThan(4);
  });

  it('outlives PostgreSQL dropping its connections: says so, and stores the room afterwards', async () => {
    const url = await database('dropped');
    const lines: string[] = [];
    const relay = await relayOn(url, 0, undefined, (line) => lines.push(line));
    const invite = await createRoom();
    const a = await client(relay.url, invite, exampleDocument());
    await sent(a, 'the seed to reach the relay');
    // An administrator (or a failover) ends every session of the database, idle ones included.
    await server.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'dropped' AND pid <> pg_backend_pid()",
    );
    await until(
      () => lines.some((l) => /closed an idle connection/.test(l)),
      'the relay to say so',
    );
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'after_drop') }));
    await sent(a, 'the edit to reach the relay');
    a.collab.leave();
    open.length = 0;
    await relays.pop()!.stop();
    const again = await relayOn(url);
    const b = await client(again.url, invite);
    await until(() => tableName(b) === 'after_drop', 'the edit to come back from PostgreSQL');
  });
});

describe('npx tablewright relay --postgres', () => {
  it('killed mid-session and restarted, the room is all there', async () => {
    const url = await database('killed');
    const port = await freePort();
    const first = await startCli(['--port', String(port), '--postgres', url]);
    expect(first.output()).toMatch(
      new RegExp(`rooms in PostgreSQL 127\\.0\\.0\\.1:${server.port}/killed`),
    );
    expect(first.output()).not.toContain(SUPERUSER_PASSWORD);
    const invite = await createRoom();
    const a = await client(first.url, invite, exampleDocument());
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'before_kill') }));
    await sent(a, 'the edit to reach the relay');
    // The relay writes a room shortly after a change; then it is killed without a chance to save.
    const stored = async () =>
      (await server.query('SELECT 1 FROM tablewright_rooms', 'killed')).length > 0;
    for (let i = 0; i < 600 && !(await stored()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await stored()).toBe(true);
    const gone = exited(first.child);
    first.child.kill('SIGKILL');
    await gone;
    await until(() => a.collab.status() !== 'connected', 'the client to notice');
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_orders', 'while_down') }));

    const second = await startCli(['--port', String(port), '--postgres', url]);
    await until(
      () => a.collab.status() === 'connected' && a.collab.allSent(),
      'the client to reconnect and send',
    );
    const b = await client(second.url, invite);
    await until(() => tableName(b, 't_orders') === 'while_down', 'a newcomer to get the room');
    expect(tableName(b)).toBe('before_kill');
    for (const c of open.splice(0)) c.leave();
    const stopped = exited(second.child);
    second.child.kill('SIGTERM');
    expect(await stopped).toBe(0);
    expect(second.output()).toMatch(/Relay stopped; every room is saved/);
  }, 120_000);

  /** One line on stderr, exit code 3, no password, no stack trace. */
  const expectRefused = (
    run: { code: number | null; stdout: string; stderr: string },
    message: RegExp,
  ) => {
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^tablewright: cannot keep the rooms in PostgreSQL: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /);
    for (const secret of [SUPERUSER_PASSWORD, 'wrong-pw-7'])
      expect(run.stderr + run.stdout).not.toContain(secret);
  };

  it('a refused password, a database that is not there, nothing listening: one line each', async () => {
    expectRefused(
      await runCli(['--postgres', server.url('postgres', 'postgres', 'wrong-pw-7')]),
      /postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres: PostgreSQL refused the password/,
    );
    expectRefused(
      await runCli(['--postgres', server.url('no_such_db')]),
      /\/no_such_db: database "no_such_db" does not exist/,
    );
    const nobody = await freePort();
    expectRefused(
      await runCli(['--postgres', `postgres://postgres:wrong-pw-7@127.0.0.1:${nobody}/rooms`]),
      /connection refused: no PostgreSQL server is listening there/,
    );
  }, 60_000);

  it('a URL that is not one is a bad command line, said without the password', async () => {
    for (const [url, why] of [
      ['mysql://root:wrong-pw-7@localhost/db', /is not a PostgreSQL URL/],
      ['postgres://root:wrong-pw-7@/db', /names no host/],
      ['postgres://root:wrong-pw-7@host:99999/db', /not a valid URL|invalid port/],
    ] as const) {
      const run = await runCli(['--postgres', url]);
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n')[0]).toMatch(/^tablewright: --postgres: /);
      expect(run.stderr.split('\n')[0]).toMatch(why);
      expect(run.stderr + run.stdout).not.toContain('wrong-pw-7');
    }
  }, 60_000);
});
