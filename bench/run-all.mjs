// `npm run bench`: every benchmark, one after the other (they share 2 cores badly in parallel).
// Each prints its own numbers; nothing here asserts on time.
import { spawnSync } from 'node:child_process';

const steps = [
  [
    'DDL generation, import phases, layout: Vitest benches (node)',
    'npx',
    ['vitest', 'run', '--config', 'bench/vitest.bench.config.ts'],
  ],
  ['PGlite boot in Node', 'node', ['bench/pg-boot.mjs']],
  ['CLI start-up: tablewright lint', 'node', ['bench/cli-boot.mjs']],
  [
    'Production build for the browser benches (with the store handle: --mode bench)',
    'npx',
    ['vite', 'build', '--mode', 'bench', '--outDir', 'bench/out/dist', '--logLevel', 'error'],
  ],
  ['PGlite boot in the browser worker', 'node', ['bench/worker-boot.mjs']],
  [
    'First paint: JS size, load -> canvas, load -> Postgres accepts, in Chromium',
    'node',
    ['bench/first-paint.mjs'],
  ],
  ['Canvas of 1,000 tables in Chromium', 'node', ['bench/canvas.mjs', '1000']],
  [
    'Auto-layout with routing, 1,000 tables, in the layout worker in Chromium',
    'node',
    ['bench/arrange.mjs', '1000'],
  ],
  [
    'The layout worker alone, 1,000 tables: phases and CPU time, cold then warm, in Chromium',
    'node',
    ['bench/arrange-worker.mjs', '1000'],
  ],
  [
    'Typing pause in the DDL pane to canvas, 1,000 tables, full read vs incremental, in Chromium',
    'node',
    ['bench/ddl-roundtrip.mjs', '1000'],
  ],
];
for (const [title, cmd, args] of steps) {
  console.log(`\n== ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
