/**
 * The relay with its rooms in PostgreSQL (`--postgres`), against a real server started by the
 * tests (src/test/livePostgres.ts): the same guarantees as with the SQLite file (rooms kept
 * across restarts, also a kill mid-session; room and message caps), plus what only a shared
 * database has: several relays storing one room, and connections the server drops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom } from '../collab/roomKeys';
import { exampleDocument } from '../core/model';
import { renameTable } from '../core/ops';
import { freePort } from '../test/freePort';
import { startLivePostgres, SUPERUSER_PASSWORD, type LivePostgres } from '../test/livePostgres';
import { exited, useRelayCli } from '../test/relayCli';
import {
  contains,
  edit,
  sent,
  ROOMY_LIMITS,
  SMALL_LIMITS,
  tableName,
  useRelayClients,
} from '../test/relayClients';
import { until } from '../test/until';
import {
  growPastRoomCap,
  longComment,
  newcomerWithinRoomCap,
  sendPastMessageCap,
} from '../test/relayCaps';
import { postgresRoomStore } from './roomStore';

let server: LivePostgres;
beforeAll(async () => {
  server = await startLivePostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const rooms = useRelayClients();
const { client } = rooms;
const relayCli = useRelayCli();

/** A database of its own per test: what one test stores never answers another. */
async function database(name: string): Promise<string> {
  await server.createDatabase(name);
  return server.url(name);
}

async function relayOn(
  url: string,
  port?: number,
  limits?: typeof ROOMY_LIMITS,
  log?: (line: string) => void,
) {
  return rooms.startRelay(await postgresRoomStore(url, log), port, limits);
}

describe('the relay with its rooms in PostgreSQL', () => {
  it('keeps rooms across a restart mid-session, as ciphertext in tablewright_rooms', async () => {
    const url = await database('restart');
    const relay = await relayOn(url);
    const invite = await createRoom();
    const a = await client(relay.url, invite, exampleDocument());
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'before_restart') }));
    await sent(a, 'A’s edit to reach the relay');
    await rooms.stopRelay(relay);
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

    rooms.leaveAll();
    await rooms.stopRelay(again);
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
    await rooms.stopRelay(one);
    const b = await client(two.url, invite);
    await until(() => tableName(b) === 'customers', 'B to get the room from PostgreSQL');
    const reopened = await relayOn(url, one.port);
    await until(() => a.collab.status() === 'connected', 'A to reconnect to relay one');
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'from_one') }));
    edit(b, (d) => ({ ...d, design: renameTable(d.design, 't_orders', 'from_two') }));
    await sent(a, 'A’s edit to reach relay one');
    await sent(b, 'B’s edit to reach relay two');
    rooms.leaveAll();
    await rooms.stopRelay(reopened);
    await rooms.stopRelay(two);

    const third = await relayOn(url);
    const c = await client(third.url, invite);
    await until(() => tableName(c) === 'from_one', 'relay one’s edit to be stored');
    await until(() => tableName(c, 't_orders') === 'from_two', 'relay two’s edit to be stored');
  });

  it('refuses a message past the message cap and a change past the room cap, as with SQLite', async () => {
    const url = await database('caps');
    const relay = await relayOn(url, 0, SMALL_LIMITS);
    const big = await sendPastMessageCap(rooms, relay.url);
    const seen = await newcomerWithinRoomCap(rooms, relay.url, big);
    expect(seen.t_orders!.comment ?? '').not.toContain(longComment(1024));

    const full = await growPastRoomCap(rooms, relay.url);
    // What PostgreSQL keeps is within the cap too: a restarted relay serves no more than it.
    rooms.leaveAll();
    await rooms.stopRelay(relay);
    const again = await relayOn(url, 0, SMALL_LIMITS);
    const kept = await newcomerWithinRoomCap(rooms, again.url, full);
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
    rooms.leaveAll();
    await rooms.stopRelay(relay);
    const again = await relayOn(url);
    const b = await client(again.url, invite);
    await until(() => tableName(b) === 'after_drop', 'the edit to come back from PostgreSQL');
  });
});

describe('npx tablewright relay --postgres', () => {
  it('killed mid-session and restarted, the room is all there', async () => {
    const url = await database('killed');
    const port = await freePort();
    const first = await relayCli.start(['--port', String(port), '--postgres', url]);
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

    const second = await relayCli.start(['--port', String(port), '--postgres', url]);
    await until(
      () => a.collab.status() === 'connected' && a.collab.allSent(),
      'the client to reconnect and send',
    );
    const b = await client(second.url, invite);
    await until(() => tableName(b, 't_orders') === 'while_down', 'a newcomer to get the room');
    expect(tableName(b)).toBe('before_kill');
    rooms.leaveAll();
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
      await relayCli.run(['--postgres', server.url('postgres', 'postgres', 'wrong-pw-7')]),
      /postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres: PostgreSQL refused the password/,
    );
    expectRefused(
      await relayCli.run(['--postgres', server.url('no_such_db')]),
      /\/no_such_db: database "no_such_db" does not exist/,
    );
    const nobody = await freePort();
    expectRefused(
      await relayCli.run([
        '--postgres',
        `postgres://postgres:wrong-pw-7@127.0.0.1:${nobody}/rooms`,
      ]),
      /connection refused: no PostgreSQL server is listening there/,
    );
  }, 60_000);

  it('a URL that is not one is a bad command line, said without the password', async () => {
    for (const [url, why] of [
      ['mysql://root:wrong-pw-7@localhost/db', /is not a PostgreSQL URL/],
      ['postgres://root:wrong-pw-7@/db', /names no host/],
      ['postgres://root:wrong-pw-7@host:99999/db', /not a valid URL|invalid port/],
    ] as const) {
      const run = await relayCli.run(['--postgres', url]);
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n')[0]).toMatch(/^tablewright: --postgres: /);
      expect(run.stderr.split('\n')[0]).toMatch(why);
      expect(run.stderr + run.stdout).not.toContain('wrong-pw-7');
    }
  }, 60_000);
});
