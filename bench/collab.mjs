// Live collaboration through the local relay: 5 clients in one encrypted room on a 200-table
// design (bench/syntheticDesign.mjs). Prints how long an edit takes to reach the other four
// (p50/p95, edit made -> applied in every other client's plaintext copy, validation included)
// and how many bytes an edit costs on the wire (sealed) against its plaintext Yjs update.
// Numbers only: nothing here asserts. Usage: node bench/collab.mjs [tables] [edits]
import { register } from 'tsx/esm/api';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { syntheticDocument } from './syntheticDesign.mjs';

register();
const { joinRoom } = await import('../src/app/collaboration.ts');
const { createRoom } = await import('../src/collab/roomKeys.ts');
const { readSharedDocument, sharedReader, writeSharedDocument } =
  await import('../src/collab/sharedDesign.ts');
const { startRelay } = await import('../src/relay/relay.ts');
const { sqliteRoomStore } = await import('../src/relay/roomStore.ts');
const { parseDesign } = await import('../src/core/model/index.ts');
const { renameTable, updateColumn, moveTables } = await import('../src/core/ops/index.ts');

const TABLES = Number(process.argv[2] ?? 200);
const EDITS = Number(process.argv[3] ?? 100);
const CLIENTS = 5;

const dir = mkdtempSync(join(tmpdir(), 'tw-bench-collab-'));
const relay = await startRelay({
  port: 0,
  host: '127.0.0.1',
  store: sqliteRoomStore(join(dir, 'rooms.sqlite')),
  maxRoomBytes: 256 * 1024 * 1024,
  maxMessageBytes: 64 * 1024 * 1024,
});
const parsed = parseDesign(syntheticDocument(TABLES));
if (!parsed.ok) throw new Error(parsed.error.message);
const seed = parsed.value;

const invite = await createRoom();
const clients = [];
const t0 = performance.now();
for (let i = 0; i < CLIENTS; i++) {
  const plain = new Y.Doc();
  if (i === 0) writeSharedDocument(plain, seed, 'local');
  const joined = await joinRoom({
    relayUrl: relay.url,
    invite,
    plain,
    WebSocketPolyfill: WebSocket,
    onRefused: (r) => console.error('refused', r),
    onError: (e) => console.error('error', e),
  });
  if (!joined.ok) throw new Error(joined.error.message);
  await joined.value.synced();
  // A studio keeps its design in its store; the bench reads it back through a cached reader.
  clients.push({ plain, collab: joined.value, reader: sharedReader(plain) });
}
const until = async (check) => {
  while (!check()) await new Promise((r) => setTimeout(r, 1));
};
const tableName = (c, id) => c.plain.getMap('design.tables').get(id)?.get('name');
await until(() => clients.every((c) => tableName(c, 't_0') !== undefined));
console.log(
  `${CLIENTS} clients joined a ${TABLES}-table room in ${(performance.now() - t0).toFixed(0)} ms ` +
    `(seed: ${(Y.encodeStateAsUpdate(clients[0].plain).length / 1024).toFixed(0)} KB plaintext state)`,
);

// Bytes: the sender's plaintext update and the sealed update it puts on the wire, per edit.
let plainBytes = 0;
let sealedBytes = 0;
const latencies = [];
for (let e = 0; e < EDITS; e++) {
  const sender = clients[e % CLIENTS];
  const others = clients.filter((c) => c !== sender);
  const before = sender.reader.read();
  if (!before.ok) throw new Error(before.error.message);
  const doc = before.value.doc;
  const tableId = `t_${(e * 7) % TABLES}`;
  const kind = e % 3;
  const next =
    kind === 0
      ? { ...doc, design: renameTable(doc.design, tableId, `renamed_${e}`) }
      : kind === 1
        ? {
            ...doc,
            design: updateColumn(doc.design, tableId, `c_${(e * 7) % TABLES}_1`, {
              name: `col_${e}`,
            }),
          }
        : { ...doc, layout: moveTables(doc.layout, [{ id: tableId, x: e * 3, y: e * 5 }]) };
  const onPlain = (u) => (plainBytes += u.length);
  const onSealed = (u) => (sealedBytes += u.length);
  sender.plain.on('update', onPlain);
  sender.collab.sealed.on('update', onSealed);
  const start = performance.now();
  writeSharedDocument(sender.plain, next, 'local', doc);
  const arrived = (c) => {
    const table = c.plain.getMap('design.tables').get(tableId);
    if (kind === 0) return table?.get('name') === `renamed_${e}`;
    if (kind === 1)
      return (
        table
          ?.get('columns')
          ?.get(`c_${(e * 7) % TABLES}_1`)
          ?.get('name') === `col_${e}`
      );
    return c.plain.getMap('layout.tables').get(tableId)?.get('x') === e * 3;
  };
  await until(() => others.every(arrived));
  latencies.push(performance.now() - start);
  await sender.collab.room.idle();
  sender.plain.off('update', onPlain);
  sender.collab.sealed.off('update', onSealed);
}
latencies.sort((a, b) => a - b);
const pct = (p) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(
  `${EDITS} edits (rename table / rename column / move table), each to all ${CLIENTS - 1} others: ` +
    `p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms`,
);
console.log(
  `bytes per edit: ${(plainBytes / EDITS).toFixed(0)} plaintext Yjs update, ${(sealedBytes / EDITS).toFixed(0)} sealed on the wire`,
);

// A burst: every client edits at once, 20 rounds; time until all five hold the same design.
const burst = performance.now();
for (let round = 0; round < 20; round++) {
  clients.forEach((c, i) => {
    const r = c.reader.read();
    if (!r.ok) throw new Error(r.error.message);
    const d = r.value.doc;
    writeSharedDocument(
      c.plain,
      { ...d, design: renameTable(d.design, `t_${i}`, `burst_${round}_${i}`) },
      'local',
      d,
    );
  });
}
await until(() =>
  clients.every((c) => [0, 1, 2, 3, 4].every((i) => tableName(c, `t_${i}`) === `burst_19_${i}`)),
);
console.log(
  `burst of ${20 * CLIENTS} concurrent edits: all ${CLIENTS} clients agree after ${(performance.now() - burst).toFixed(0)} ms`,
);
const reads = clients.map((c) => JSON.stringify(readSharedDocument(c.plain).value.doc));
console.log(`designs identical on every client: ${reads.every((r) => r === reads[0])}`);
console.log(
  `room on the relay: ${(Y.encodeStateAsUpdate(clients[0].collab.sealed).length / 1024).toFixed(0)} KB sealed, ${clients[0].collab.sealed.getArray('sealed').length} blobs`,
);

for (const c of clients) c.collab.leave();
await relay.stop();
rmSync(dir, { recursive: true, force: true });
