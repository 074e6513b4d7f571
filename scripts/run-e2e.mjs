// `npm run test:e2e`: builds the studio, then runs Playwright against `vite preview` in a real
// Chromium. With no Chromium on the machine it first tries Playwright's own download (so
// `npm install && npm test` is enough wherever that is reachable), and only then fails with the
// package command for this system.
import { spawnSync } from 'node:child_process';
import { findChromium, hasPlaywrightChromium, installHint } from './find-chromium.mjs';

const executable = await findChromium();
if (!executable && !(await hasPlaywrightChromium())) {
  console.log('No Chromium found: trying `npx playwright install chromium`...');
  // Bounded: behind a firewall the download can hang rather than fail.
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], {
    stdio: 'inherit',
    timeout: 10 * 60_000,
  });
  if (install.status !== 0 || !(await hasPlaywrightChromium())) {
    console.error(installHint());
    process.exit(1);
  }
}
const env = { ...process.env, ...(executable ? { CHROMIUM_PATH: executable } : {}) };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('node', ['scripts/build-pg-snapshot.mjs']);
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
