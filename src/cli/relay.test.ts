import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRoom } from '../collab/roomKeys';
import { exampleDocument } from '../core/model';
import { renameTable } from '../core/ops';
import { freePort } from '../test/freePort';
import { exited, useRelayCli } from '../test/relayCli';
import { edit, tableName, useRelayClients } from '../test/relayClients';
import { until } from '../test/until';
import { parseRelayArgs } from './relay';
const dir = mkdtempSync(join(tmpdir(), 'tw-relay-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tablewright relay options', () => {
  it('reads ports, hosts, stores and sizes, and refuses what cannot work', () => {
    expect(parseRelayArgs([])).toEqual({
      ok: true,
      value: expect.objectContaining({
        port: 1234,
        host: '127.0.0.1',
        maxRoomBytes: 64 * 1024 ** 2,
      }),
    });
    const full = parseRelayArgs([
      '--port',
      '9000',
      '--host',
      '--db',
      'x.sqlite',
      '--max-room-bytes',
      '8M',
      '--max-message-bytes=512K',
    ]);
    expect(full.ok && full.value).toEqual({
      port: 9000,
      host: '0.0.0.0',
      db: 'x.sqlite',
      maxRoomBytes: 8 * 1024 ** 2,
      maxMessageBytes: 512 * 1024,
    });
    const host = parseRelayArgs(['--host', '10.0.0.5']);
    expect(host.ok && host.value !== 'help' && host.value.host).toBe('10.0.0.5');
    expect(parseRelayArgs(['--help'])).toEqual({ ok: true, value: 'help' });
    for (const [argv, message] of [
      [['--port', 'x'], /--port needs a port/],
      [['--db', 'a', '--postgres', 'postgres://h/d'], /not both/],
      [['--postgres', 'mysql://h/d'], /postgres:\/\//],
      [['--max-room-bytes', 'lots'], /size in bytes/],
      [['--max-room-bytes', '1M', '--max-message-bytes', '2M'], /larger than/],
      [['--frobnicate'], /does not take --frobnicate/],
    ] as const) {
      const r = parseRelayArgs(argv);
      expect(r.ok ? 'accepted' : r.error).toMatch(message);
    }
  });
});

const rooms = useRelayClients();
const relayCli = useRelayCli();

describe('npx tablewright relay', () => {
  it('survives being killed mid-session: restarted on its file, the room is all there', async () => {
    const port = await freePort();
    const db = join(dir, 'rooms.sqlite');
    const first = await relayCli.start(['--port', String(port), '--db', db]);
    expect(first.url).toBe(`ws://127.0.0.1:${port}`);
    expect(first.output()).toMatch(/rooms in SQLite file .*rooms\.sqlite/);

    const invite = await createRoom();
    const a = await rooms.client(first.url, invite, exampleDocument());
    const rename = (id: string, to: string) =>
      edit(a, (d) => ({ ...d, design: renameTable(d.design, id, to) }));
    rename('t_customers', 'before_kill');
    await until(() => a.collab.allSent(), 'the edit to reach the relay');

    // Killed without a chance to save: SIGKILL.
    const gone = exited(first.child);
    first.child.kill('SIGKILL');
    await gone;
    await until(() => a.collab.status() !== 'connected', 'the client to notice');
    rename('t_orders', 'while_down');

    const second = await relayCli.start(['--port', String(port), '--db', db]);
    await until(
      () => a.collab.status() === 'connected' && a.collab.allSent(),
      'the client to reconnect and send',
    );
    const b = await rooms.client(second.url, invite);
    await until(() => tableName(b, 't_orders') === 'while_down', 'a newcomer to get the room');
    expect(tableName(b, 't_customers')).toBe('before_kill');
    rooms.leaveAll();

    // Ctrl+C: a clean stop that saves, and says so.
    const stopped = exited(second.child);
    second.child.kill('SIGINT');
    expect(await stopped).toBe(0);
    expect(second.output()).toMatch(/Relay stopped; every room is saved/);

    // With nobody connected any more, the file alone holds the room.
    const third = await relayCli.start(['--port', String(port), '--db', db]);
    const c = await rooms.client(third.url, invite);
    await until(() => tableName(c, 't_orders') === 'while_down', 'the room from the file');
    rooms.leaveAll();
    const last = exited(third.child);
    third.child.kill('SIGTERM');
    expect(await last).toBe(0);
  }, 120_000);

  it('says so when its port is taken', async () => {
    const port = await freePort();
    const first = await relayCli.start(['--port', String(port), '--db', join(dir, 'a.sqlite')]);
    await expect(
      relayCli.start(['--port', String(port), '--db', join(dir, 'b.sqlite')]),
    ).rejects.toThrow(/exited \(1\).*port \d+ is in use/s);
    const gone = exited(first.child);
    first.child.kill('SIGTERM');
    await gone;
  }, 60_000);
});
