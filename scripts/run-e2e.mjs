// `npm run test:e2e`: builds the studio, then runs Playwright against `vite preview` in a real
// Chromium. Fails with install instructions when no Chromium can be found.
import { spawnSync } from 'node:child_process';
import { findChromium, hasPlaywrightChromium, INSTALL_HINT } from './find-chromium.mjs';

const executable = await findChromium();
if (!executable && !(await hasPlaywrightChromium())) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
const env = { ...process.env, ...(executable ? { CHROMIUM_PATH: executable } : {}) };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('node', ['scripts/build-pg-snapshot.mjs']);
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
