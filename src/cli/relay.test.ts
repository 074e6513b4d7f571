import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { joinRoom } from '../app/collaboration';
import { createRoom } from '../collab/roomKeys';
import { readSharedDocument, writeSharedDocument } from '../collab/sharedDesign';
import { exampleDocument } from '../core/model';
import { renameTable } from '../core/ops';
import { parseRelayArgs } from './relay';

const { default: WebSocket } = (await import('ws' as string)) as { default: unknown };
const BIN = new URL('../../bin/tablewright.mjs', import.meta.url).pathname;
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

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The relay as a person starts it, as its own process; resolves with its URL once it listens. */
function startCli(
  args: string[],
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'relay', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`relay exited (${code}): ${output}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('npx tablewright relay', () => {
  it('survives being killed mid-session: restarted on its file, the room is all there', async () => {
    const port = await freePort();
    const db = join(dir, 'rooms.sqlite');
    const first = await startCli(['--port', String(port), '--db', db]);
    expect(first.url).toBe(`ws://127.0.0.1:${port}`);
    expect(first.output()).toMatch(/rooms in SQLite file .*rooms\.sqlite/);

    const invite = await createRoom();
    const plain = new Y.Doc();
    writeSharedDocument(plain, exampleDocument(), 'local');
    const a = await joinRoom({ relayUrl: first.url, invite, plain, WebSocketPolyfill: WebSocket });
    if (!a.ok) throw new Error(a.error.message);
    await a.value.synced();
    const name = (doc: Y.Doc, id: string) => {
      const r = readSharedDocument(doc);
      return r.ok ? r.value.doc.design.tables[id]?.name : undefined;
    };
    const rename = (id: string, to: string) => {
      const before = readSharedDocument(plain);
      if (!before.ok) throw new Error(before.error.message);
      const doc = before.value.doc;
      writeSharedDocument(plain, { ...doc, design: renameTable(doc.design, id, to) }, 'local', doc);
    };
    rename('t_customers', 'before_kill');
    await until(() => a.value.allSent(), 'the edit to reach the relay');

    // Killed without a chance to save: SIGKILL.
    const gone = exited(first.child);
    first.child.kill('SIGKILL');
    await gone;
    await until(() => a.value.status() !== 'connected', 'the client to notice');
    rename('t_orders', 'while_down');

    const second = await startCli(['--port', String(port), '--db', db]);
    await until(
      () => a.value.status() === 'connected' && a.value.allSent(),
      'the client to reconnect and send',
    );
    const otherPlain = new Y.Doc();
    const b = await joinRoom({
      relayUrl: second.url,
      invite,
      plain: otherPlain,
      WebSocketPolyfill: WebSocket,
    });
    if (!b.ok) throw new Error(b.error.message);
    await until(() => name(otherPlain, 't_orders') === 'while_down', 'a newcomer to get the room');
    expect(name(otherPlain, 't_customers')).toBe('before_kill');
    a.value.leave();
    b.value.leave();

    // Ctrl+C: a clean stop that saves, and says so.
    const stopped = exited(second.child);
    second.child.kill('SIGINT');
    expect(await stopped).toBe(0);
    expect(second.output()).toMatch(/Relay stopped; every room is saved/);

    // With nobody connected any more, the file alone holds the room.
    const third = await startCli(['--port', String(port), '--db', db]);
    const thirdPlain = new Y.Doc();
    const c = await joinRoom({
      relayUrl: third.url,
      invite,
      plain: thirdPlain,
      WebSocketPolyfill: WebSocket,
    });
    if (!c.ok) throw new Error(c.error.message);
    await until(() => name(thirdPlain, 't_orders') === 'while_down', 'the room from the file');
    c.value.leave();
    const last = exited(third.child);
    third.child.kill('SIGTERM');
    expect(await last).toBe(0);
  }, 120_000);

  it('says so when its port is taken', async () => {
    const port = await freePort();
    const first = await startCli(['--port', String(port), '--db', join(dir, 'a.sqlite')]);
    await expect(startCli(['--port', String(port), '--db', join(dir, 'b.sqlite')])).rejects.toThrow(
      /exited \(1\).*port \d+ is in use/s,
    );
    const gone = exited(first.child);
    first.child.kill('SIGTERM');
    await gone;
  }, 60_000);
});
