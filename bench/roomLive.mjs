// What a live room costs a receiver on a big design (default 1,000 tables): per presence frame of
// a teammate's drag (checked positions -> live tables -> the canvas's nodes), and per change that
// arrives (the diff and the line said about it). Numbers only: nothing here asserts.
// Usage: node bench/roomLive.mjs [tables] [dragged]
import { register } from 'tsx/esm/api';
import { performance } from 'node:perf_hooks';
import { syntheticDocument } from './syntheticDesign.mjs';

register();
const { LiveTableTracker } = await import('../src/app/liveMoves.ts');
const { readPeople } = await import('../src/app/presence.ts');
const { withLiveTables } = await import('../src/ui/collab/liveNodes.ts');
const { roomChangeBetween, describeChange } = await import('../src/app/roomChanges.ts');
const { renameTable } = await import('../src/core/ops/index.ts');
const { makeDocument } = await import('../src/core/model/index.ts');

const tables = Number(process.argv[2] ?? 1000);
const dragged = Number(process.argv[3] ?? 5);
const doc = syntheticDocument(tables);
const ids = Object.keys(doc.design.tables);
const nodes = ids.map((id) => ({ id, position: { ...doc.layout.tables[id] } }));
let live = {};
const tracker = new LiveTableTracker(
  () => doc.layout.tables,
  (l) => (live = l),
);
const frames = 2000;
const times = [];
for (let f = 0; f < frames; f++) {
  const raw = new Map([
    [
      7,
      {
        name: 'Ana',
        colour: '#e5484d',
        selection: ids.slice(0, dragged),
        pointer: { x: f, y: f },
        access: 'write',
        moving: ids.slice(0, dragged).map((id, i) => ({ id, x: f + i, y: f * 2 })),
      },
    ],
  ]);
  const t0 = performance.now();
  tracker.people(readPeople(raw));
  withLiveTables(nodes, live, new Set());
  times.push(performance.now() - t0);
}
tracker.stop();
times.sort((a, b) => a - b);
const pct = (p) => times[Math.floor((times.length - 1) * p)].toFixed(3);
console.log(
  `${tables} tables, ${dragged} dragged: per presence frame p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms`,
);

const changeTimes = [];
let before = doc;
for (let i = 0; i < 200; i++) {
  const id = ids[i % ids.length];
  const after = makeDocument(renameTable(before.design, id, `renamed_${i}`), before.layout);
  const t0 = performance.now();
  roomChangeBetween(before, after).changes.map(describeChange);
  changeTimes.push(performance.now() - t0);
  before = after;
}
changeTimes.sort((a, b) => a - b);
const cp = (p) => changeTimes[Math.floor((changeTimes.length - 1) * p)].toFixed(3);
console.log(
  `${tables} tables: per arriving change (diff + words) p50 ${cp(0.5)} ms, p95 ${cp(0.95)} ms`,
);
