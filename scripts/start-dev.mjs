// `npm start`: the studio's dev server, with a local collaboration relay beside it for
// development (rooms kept in .relay/rooms.sqlite), so Invite works with no setup. A relay URL
// given in VITE_TABLEWRIGHT_RELAY is used as it is, and none is started. If the local relay
// cannot start (its port is taken), the studio still starts and says collaboration is off.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const port = process.env.TABLEWRIGHT_RELAY_PORT ?? '1234';
const children = [];
const stopAll = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Starts the relay; resolves with its URL, or undefined (and why) when it does not start. */
function startRelay() {
  mkdirSync('.relay', { recursive: true });
  const relay = spawn(
    process.execPath,
    ['bin/tablewright.mjs', 'relay', '--port', port, '--db', '.relay/rooms.sqlite'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(relay);
  let output = '';
  return new Promise((resolve) => {
    const seen = (chunk) => {
      output += chunk.toString();
      const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        process.stdout.write(output);
        relay.stdout.off('data', seen);
        relay.stdout.pipe(process.stdout);
        resolve(url);
      }
    };
    relay.stdout.on('data', seen);
    relay.stderr.on('data', (chunk) => (output += chunk.toString()));
    relay.on('exit', (code) => {
      resolve(undefined);
      if (code && !/listening on/.test(output))
        console.warn(
          `The local relay did not start (${output.trim() || `exit ${code}`}).\n` +
            'The studio starts without it: collaboration is off until a relay URL is set.',
        );
    });
  });
}

const given = process.env.VITE_TABLEWRIGHT_RELAY;
const relayUrl = given || (await startRelay());
const vite = spawn('npx', ['vite', '--port', '5173', '--strictPort', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ...(relayUrl ? { VITE_TABLEWRIGHT_RELAY: relayUrl } : {}) },
});
children.push(vite);
vite.on('exit', (code) => stopAll(code ?? 0));
