import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from './fixtures';

/**
 * The studio's fixtures plus a relay started on 127.0.0.1, as a team starts it
 * (`tablewright relay`), on a port the system picks (so specs run side by side never clash);
 * killed after the test.
 */
export const test = base.extend<{ relay: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  relay: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tablewright-relay-'));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['bin/tablewright.mjs', 'relay', '--port', String(port), '--db', join(dir, 'rooms.sqlite')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await listening(child);
    await use(url);
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
    rmSync(dir, { recursive: true, force: true });
  },
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function listening(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the relay exited (${code}): ${output}`)));
  });
}
