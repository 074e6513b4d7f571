#!/usr/bin/env node
/**
 * PGlite boot time in Node: cold (initdb) vs from the data-directory snapshot the worker loads.
 * Each boot runs in a fresh process, as each worker is a fresh context; prints the median.
 *
 * Usage: node bench/pg-boot.mjs [--runs 3]
 * Uses public/pgdata/snapshot.tgz (run `npm run snapshot` first), else makes a temporary one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..');
const args = process.argv.slice(2);

/** Child mode: boot once, run a query, print the milliseconds as JSON. */
async function child(mode, snapshotPath) {
  const started = performance.now();
  const options =
    mode === 'snapshot'
      ? { loadDataDir: new Blob([readFileSync(snapshotPath)], { type: 'application/x-gzip' }) }
      : {};
  const db = await PGlite.create(options);
  await db.query('select 1');
  const ms = performance.now() - started;
  await db.close();
  process.stdout.write(JSON.stringify({ ms }));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const runsIndex = args.indexOf('--runs');
  const runs = runsIndex >= 0 ? Math.max(1, Number(args[runsIndex + 1]) || 3) : 3;
  let snapshotPath = join(root, 'public', 'pgdata', 'snapshot.tgz');
  if (!existsSync(snapshotPath)) {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    snapshotPath = join(mkdtempSync(join(tmpdir(), 'pg-boot-')), 'snapshot.tgz');
    const db = await PGlite.create();
    writeFileSync(snapshotPath, Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer()));
    await db.close();
    console.log(`(no public/pgdata/snapshot.tgz: using a temporary one at ${snapshotPath})`);
  }

  const results = { cold: [], snapshot: [] };
  // Interleaved so that load from other processes hits both modes alike.
  for (let i = 0; i < runs; i++) {
    for (const mode of ['cold', 'snapshot']) {
      const out = execFileSync(process.execPath, [here, '--child', mode, snapshotPath], {
        encoding: 'utf8',
      });
      results[mode].push(JSON.parse(out).ms);
    }
  }
  const fmt = (values) =>
    `median ${Math.round(median(values))} ms  (runs: ${values.map((v) => Math.round(v)).join(', ')})`;
  console.log(
    `PGlite boot in Node ${process.version}, ${runs} run(s) each, fresh process per boot`,
  );
  console.log(`  cold (initdb):  ${fmt(results.cold)}`);
  console.log(`  from snapshot:  ${fmt(results.snapshot)}`);
  console.log(`  speed-up:       ${(median(results.cold) / median(results.snapshot)).toFixed(1)}x`);
}

if (args[0] === '--child') await child(args[1], args[2]);
else await main();
