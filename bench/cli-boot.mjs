// The command line's start-up: `tablewright lint` on a two-table SQL file (start-up, PGlite from
// the snapshot, import, lint) and on the same design as a design file (start-up and lint only).
// Each run is a fresh process, as a person runs it; prints medians, asserts nothing.
//   node bench/cli-boot.mjs [runs=5] [root=.]   (root: another checkout, to compare)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './browser.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const ROOT = resolve(process.argv[3] ?? '.');
const bin = join(ROOT, 'bin', 'tablewright.mjs');
const dir = mkdtempSync(join(tmpdir(), 'cli-boot-'));
const sql = join(dir, 'shop.sql');
writeFileSync(
  sql,
  `create table author (id bigint generated always as identity primary key, name text not null);
create table book (
  id bigint generated always as identity primary key,
  author_id bigint not null references author (id),
  title text not null
);
`,
);

function run(args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`tablewright ${args.join(' ')}: ${r.stderr}`);
  return { ms: performance.now() - started, stdout: r.stdout };
}

const json = join(dir, 'shop.json');
writeFileSync(json, run(['import', sql]).stdout);
const times = { sql: [], json: [] };
for (let i = 0; i < RUNS; i++) {
  times.sql.push(run(['lint', sql]).ms);
  times.json.push(run(['lint', json]).ms);
}
const fmt = (xs) =>
  `median ${Math.round(median(xs))} ms [${xs.map((x) => Math.round(x)).join(', ')}]`;
console.log(`CLI start-up (${ROOT}, ${RUNS} runs, fresh process each)`);
console.log(`  tablewright lint shop.sql  (2 tables, PGlite): ${fmt(times.sql)}`);
console.log(`  tablewright lint shop.json (design file):      ${fmt(times.json)}`);
