import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  emptyDesign,
  emptyLayout,
  makeDocument,
  parseDesign,
  type DesignDocument,
  type ThreadTarget,
} from '../core/model';
import {
  addColumn,
  addForeignKey,
  addTable,
  deleteColumn,
  deleteTables,
  moveColumn,
  moveTables,
  renameTable,
  replyToThread,
  setThreadResolved,
  startThread,
  targetExists,
  updateColumn,
} from '../core/ops';
import { propertyParameters } from '../test/propertySeed';
import { readSharedDocument, writeSharedDocument } from './sharedDesign';

/**
 * Several replicas edit one design, each on its own, syncing with one another now and then (a
 * partition is a pair that does not sync for a while); once all have synced they read the very
 * same design, and it is valid by `parseDesign`'s strict rules.
 */

const REPLICAS = 3;
const NAMES = ['users', 'orders', 'items', 'id', 'name', 'email', 'total', 'note'];

type Edit =
  | { kind: 'addTable'; name: number }
  | { kind: 'renameTable'; pick: number; name: number }
  | { kind: 'dropTable'; pick: number }
  | { kind: 'addColumn'; pick: number; name: number; at: number }
  | { kind: 'renameColumn'; pick: number; column: number; name: number }
  | { kind: 'dropColumn'; pick: number; column: number }
  | { kind: 'moveColumn'; pick: number; column: number; to: number }
  | { kind: 'addForeignKey'; pick: number; column: number; target: number; targetColumn: number }
  | { kind: 'moveTable'; pick: number; x: number; y: number }
  | { kind: 'note'; pick: number; text: number }
  | { kind: 'renameDesign'; name: number }
  | { kind: 'discuss'; pick: number; column: number; text: number };

type Step = { replica: number; edit: Edit } | { sync: [number, number] };

const small = fc.nat(20);
const name = fc.nat(NAMES.length - 1);
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('addTable' as const), name }),
  fc.record({ kind: fc.constant('renameTable' as const), pick: small, name }),
  fc.record({ kind: fc.constant('dropTable' as const), pick: small }),
  fc.record({ kind: fc.constant('addColumn' as const), pick: small, name, at: small }),
  fc.record({ kind: fc.constant('renameColumn' as const), pick: small, column: small, name }),
  fc.record({ kind: fc.constant('dropColumn' as const), pick: small, column: small }),
  fc.record({ kind: fc.constant('moveColumn' as const), pick: small, column: small, to: small }),
  fc.record({
    kind: fc.constant('addForeignKey' as const),
    pick: small,
    column: small,
    target: small,
    targetColumn: small,
  }),
  fc.record({
    kind: fc.constant('moveTable' as const),
    pick: small,
    x: fc.integer({ min: -5000, max: 5000 }),
    y: fc.integer({ min: -5000, max: 5000 }),
  }),
  fc.record({ kind: fc.constant('note' as const), pick: small, text: name }),
  fc.record({ kind: fc.constant('renameDesign' as const), name }),
  fc.record({ kind: fc.constant('discuss' as const), pick: small, column: small, text: name }),
);
const replica = fc.nat(REPLICAS - 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ replica, edit: editArb }) },
  {
    weight: 1,
    arbitrary: fc.tuple(replica, replica).map(([a, b]) => ({ sync: [a, b] as [number, number] })),
  },
);

let counter = 0;
const freshId = (prefix: string) => `${prefix}_${(counter++).toString(36)}`;
const at = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;

function apply(doc: DesignDocument, edit: Edit): DesignDocument {
  const { design, layout } = doc;
  const tables = Object.values(design.tables);
  const table = 'pick' in edit ? at(tables, edit.pick) : undefined;
  const column = table && 'column' in edit ? at(table.columns, edit.column) : undefined;
  switch (edit.kind) {
    case 'addTable': {
      const id = freshId('t');
      return {
        design: addTable(design, {
          id,
          name: NAMES[edit.name]!,
          columns: [{ id: freshId('c'), name: 'id', type: 'bigint', nullable: false }],
        }),
        layout: moveTables(layout, [{ id, x: 0, y: 0 }]),
        format: doc.format,
        version: doc.version,
      };
    }
    case 'renameTable':
      return table ? { ...doc, design: renameTable(design, table.id, NAMES[edit.name]!) } : doc;
    case 'dropTable':
      return table ? { ...doc, design: deleteTables(design, [table.id]) } : doc;
    case 'addColumn':
      return table
        ? {
            ...doc,
            design: addColumn(
              design,
              table.id,
              { id: freshId('c'), name: NAMES[edit.name]!, type: 'text', nullable: true },
              edit.at % (table.columns.length + 1),
            ),
          }
        : doc;
    case 'renameColumn':
      return table && column
        ? { ...doc, design: updateColumn(design, table.id, column.id, { name: NAMES[edit.name]! }) }
        : doc;
    case 'dropColumn':
      return table && column ? { ...doc, design: deleteColumn(design, table.id, column.id) } : doc;
    case 'moveColumn':
      return table && column
        ? {
            ...doc,
            design: moveColumn(design, table.id, column.id, edit.to % table.columns.length),
          }
        : doc;
    case 'addForeignKey': {
      const target = at(tables, edit.target);
      const targetColumn = target && at(target.columns, edit.targetColumn);
      if (!table || !column || !target || !targetColumn) return doc;
      return {
        ...doc,
        design: addForeignKey(design, table.id, {
          id: freshId('k'),
          columnIds: [column.id],
          refTableId: target.id,
          refColumnIds: [targetColumn.id],
        }),
      };
    }
    case 'moveTable':
      return table
        ? { ...doc, layout: moveTables(layout, [{ id: table.id, x: edit.x, y: edit.y }]) }
        : doc;
    case 'note': {
      const notes = Object.values(design.notes);
      const note = at(notes, edit.pick);
      const text = `${NAMES[edit.text]} matters`;
      if (note && edit.pick % 3 !== 0)
        return {
          ...doc,
          design: { ...design, notes: { ...design.notes, [note.id]: { ...note, text } } },
        };
      if (note && edit.pick % 3 === 0 && edit.text % 2 === 0) {
        const { [note.id]: _gone, ...rest } = design.notes;
        return { ...doc, design: { ...design, notes: rest } };
      }
      const id = freshId('n');
      return {
        ...doc,
        design: { ...design, notes: { ...design.notes, [id]: { id, text } } },
        layout: { ...layout, notes: { ...layout.notes, [id]: { x: edit.pick * 10, y: 5 } } },
      };
    }
    case 'renameDesign':
      return { ...doc, design: { ...design, name: NAMES[edit.name]! } };
    case 'discuss': {
      // Reply to a thread, resolve or reopen it, or start one on a table or one of its columns.
      const thread = at(design.threads, edit.pick);
      const message = {
        id: freshId('m'),
        author: `Person ${edit.column % 3}`,
        text: `${NAMES[edit.text]}?`,
        createdAt: '2026-12-07T09:00:00.000Z',
      };
      if (thread && edit.text % 3 === 0)
        return { ...doc, design: replyToThread(design, thread.id, message) };
      if (thread && edit.text % 3 === 1)
        return { ...doc, design: setThreadResolved(design, thread.id, !thread.resolved) };
      if (!table) return doc;
      const target =
        edit.column % 2 === 0 && column
          ? { tableId: table.id, columnId: column.id }
          : { tableId: table.id };
      return { ...doc, design: startThread(design, { id: freshId('h'), target, message }) };
    }
  }
}

function read(y: Y.Doc): DesignDocument {
  const r = readSharedDocument(y);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.doc;
}

function syncPair(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Edits that meet in a discussion: threads started, replied to, resolved, their targets dropped. */
const discussionStepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      replica,
      edit: fc.record({
        kind: fc.constant('discuss' as const),
        pick: small,
        column: small,
        text: name,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      replica,
      edit: fc.oneof(
        fc.record({ kind: fc.constant('dropColumn' as const), pick: small, column: small }),
        fc.record({ kind: fc.constant('dropTable' as const), pick: small }),
        fc.record({ kind: fc.constant('addTable' as const), name }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(replica, replica).map(([a, b]) => ({ sync: [a, b] as [number, number] })),
  },
);

/** A design with three tables of three columns each: something to discuss from the start. */
function discussedSeed(): DesignDocument {
  let design = emptyDesign('Shared', 'd_shared');
  for (const t of ['users', 'orders', 'items'])
    design = addTable(design, {
      id: `t_${t}`,
      name: t,
      columns: ['id', 'name', 'note'].map((c) => ({
        id: `c_${t}_${c}`,
        name: c,
        type: 'text',
        nullable: true,
      })),
    });
  return makeDocument(design, emptyLayout());
}

/**
 * Runs `steps` on replicas of `seed`, syncs them all in two orders, and checks they read one and
 * the same valid design; returns the reads. `onEdit` sees each local edit as it was made.
 */
function converge(
  seed: DesignDocument,
  steps: readonly Step[],
  onEdit?: (before: DesignDocument, after: DesignDocument) => void,
): DesignDocument[] {
  const replicas = Array.from({ length: REPLICAS }, () => new Y.Doc());
  writeSharedDocument(replicas[0]!, seed, 'local');
  for (const r of replicas.slice(1)) syncPair(replicas[0]!, r);
  for (const step of steps) {
    if ('sync' in step) {
      syncPair(replicas[step.sync[0]]!, replicas[step.sync[1]]!);
      continue;
    }
    const y = replicas[step.replica]!;
    const before = read(y);
    const after = apply(before, step.edit);
    onEdit?.(before, after);
    writeSharedDocument(y, after, 'local', before);
  }
  // Updates also arrive in any order: the last replica gets the others' in reverse.
  for (const r of replicas.slice(0, -1).reverse()) syncPair(r, replicas[REPLICAS - 1]!);
  for (const r of replicas.slice(0, -1)) syncPair(replicas[REPLICAS - 1]!, r);
  const reads = replicas.map(read);
  for (const r of reads) {
    // As text: the order of tables (DDL order) and of columns must agree too.
    expect(JSON.stringify(r)).toBe(JSON.stringify(reads[0]));
    const strict = parseDesign(JSON.parse(JSON.stringify(r)));
    expect(strict.ok ? 'valid' : strict.error.message).toBe('valid');
  }
  return reads;
}

describe('replicas of a shared design', () => {
  it('converge on one discussion: every reply kept, threads on dropped targets gone', () => {
    let messages = 0;
    fc.assert(
      fc.property(fc.array(discussionStepArb, { minLength: 5, maxLength: 40 }), (steps) => {
        // Every message written, with the thread it went to and what that thread is about.
        const written: { thread: string; message: string; target: ThreadTarget }[] = [];
        const reads = converge(discussedSeed(), steps, (before, after) => {
          const known = new Set(before.design.threads.flatMap((t) => t.messages.map((m) => m.id)));
          for (const t of after.design.threads)
            for (const m of t.messages)
              if (!known.has(m.id)) written.push({ thread: t.id, message: m.id, target: t.target });
        });
        const final = reads[0]!.design;
        for (const w of written) {
          const thread = final.threads.find((t) => t.id === w.thread);
          // A thread goes only with its table or column; a reply is never lost to another's.
          if (thread) expect(thread.messages.map((m) => m.id)).toContain(w.message);
          else expect(targetExists(final, w.target)).toBe(false);
        }
        messages = Math.max(
          messages,
          reads[0]!.design.threads.reduce((n, t) => n + t.messages.length, 0),
        );
      }),
      propertyParameters({ numRuns: 100 }),
    );
    // The oracle can fail: the runs did grow real discussions, not only empty designs.
    expect(messages).toBeGreaterThan(3);
  });

  it('converge to one valid design whatever the edits and the order they meet in', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), (steps) => {
        converge(makeDocument(emptyDesign('Shared', 'd_shared'), emptyLayout()), steps);
      }),
      propertyParameters({ numRuns: 150 }),
    );
  });
});
