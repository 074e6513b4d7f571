import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleDocument, parseDesign, type DesignDocument } from '../core/model';
import {
  addForeignKey,
  createArea,
  deleteColumn,
  deleteTables,
  moveColumn,
  renameTable,
  replyToThread,
  setThreadResolved,
  startThread,
  updateColumn,
} from '../core/ops';
import { keyBetween, spreadKeys } from './orderKeys';
import { readSharedDocument, writeSharedDocument } from './sharedDesign';

const LOCAL = 'local';

function replicaOf(doc: DesignDocument): Y.Doc {
  const y = new Y.Doc();
  writeSharedDocument(y, doc, LOCAL);
  return y;
}

function read(y: Y.Doc) {
  const r = readSharedDocument(y);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Both ways: each replica gets what the other has. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function edit(y: Y.Doc, change: (doc: DesignDocument) => DesignDocument): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listen = (u: Uint8Array) => updates.push(u);
  y.on('update', listen);
  const before = read(y).doc;
  writeSharedDocument(y, change(before), LOCAL, before);
  y.off('update', listen);
  return updates;
}

const customers = 't_customers';

describe('order keys', () => {
  it('makes a key between any two, and spreads keys in order', () => {
    const keys = spreadKeys(50);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(50);
    let a: string | undefined;
    let b: string | undefined = 'i';
    for (let i = 0; i < 200; i++) {
      const k = keyBetween(a, b);
      expect(a === undefined || a < k).toBe(true);
      expect(k < b!).toBe(true);
      if (i % 2) a = k;
      else b = k;
    }
    expect(() => keyBetween('b', 'a')).toThrow();
  });
});

describe('the shared document', () => {
  it('reads back the document it was written with', () => {
    const doc = exampleDocument();
    const back = read(replicaOf(doc));
    expect(back.notices).toEqual([]);
    expect(back.doc.design).toEqual(doc.design);
    expect(back.doc.layout.tables).toEqual(doc.layout.tables);
    expect(Object.keys(back.doc.design.tables)).toEqual(Object.keys(doc.design.tables));
  });

  it('writes an edit as a small change, not the whole design again', () => {
    const y = replicaOf(exampleDocument());
    const whole = Y.encodeStateAsUpdate(y).length;
    const table = read(y).doc.design.tables[customers]!;
    const column = table.columns[1]!;
    const updates = edit(y, (d) => ({
      ...d,
      design: updateColumn(d.design, customers, column.id, { name: 'given_name' }),
    }));
    expect(updates).toHaveLength(1);
    expect(updates[0]!.length).toBeLessThan(whole / 20);
    expect(read(y).doc.design.tables[customers]!.columns[1]!.name).toBe('given_name');
    // Nothing changed: no update at all.
    expect(edit(y, (d) => d)).toHaveLength(0);
  });

  it('moves a column by rewriting one order key', () => {
    const y = replicaOf(exampleDocument());
    const before = read(y).doc.design.tables[customers]!.columns.map((c) => c.id);
    const changed: string[] = [];
    y.on('afterTransaction', (tr: Y.Transaction) => {
      for (const [type, keys] of tr.changed)
        if (type instanceof Y.Map) changed.push(...([...keys].filter(Boolean) as string[]));
    });
    edit(y, (d) => ({ ...d, design: moveColumn(d.design, customers, before[0]!, 2) }));
    const after = read(y).doc.design.tables[customers]!.columns.map((c) => c.id);
    expect(after).not.toEqual(before);
    expect([...after].sort()).toEqual([...before].sort());
    expect(changed).toEqual(['$order']);
  });

  it('converges when two people rename the same column at once', () => {
    const a = replicaOf(exampleDocument());
    const b = new Y.Doc();
    sync(a, b);
    const column = read(a).doc.design.tables[customers]!.columns[1]!;
    edit(a, (d) => ({
      ...d,
      design: updateColumn(d.design, customers, column.id, { name: 'first' }),
    }));
    edit(b, (d) => ({
      ...d,
      design: updateColumn(d.design, customers, column.id, { name: 'given' }),
    }));
    sync(a, b);
    const nameA = read(a).doc.design.tables[customers]!.columns[1]!.name;
    expect(['first', 'given']).toContain(nameA);
    expect(read(b).doc).toEqual(read(a).doc);
  });

  it('merges two people editing different fields of one table', () => {
    const a = replicaOf(exampleDocument());
    const b = new Y.Doc();
    sync(a, b);
    const column = read(a).doc.design.tables[customers]!.columns[1]!;
    edit(a, (d) => ({ ...d, design: renameTable(d.design, customers, 'clients') }));
    edit(b, (d) => ({
      ...d,
      design: updateColumn(d.design, customers, column.id, { nullable: !column.nullable }),
    }));
    sync(a, b);
    const table = read(a).doc.design.tables[customers]!;
    expect(table.name).toBe('clients');
    expect(table.columns[1]!.nullable).toBe(!column.nullable);
  });

  it('drops, with a notice, a foreign key to a column someone else deleted', () => {
    const a = replicaOf(exampleDocument());
    const b = new Y.Doc();
    sync(a, b);
    const design = read(a).doc.design;
    const target = design.tables[customers]!.columns.find((c) => c.name === 'email')!;
    const from = Object.values(design.tables).find((t) => t.id !== customers)!;
    edit(a, (d) => ({ ...d, design: deleteColumn(d.design, customers, target.id) }));
    edit(b, (d) => ({
      ...d,
      design: addForeignKey(d.design, from.id, {
        id: 'k_to_email',
        columnIds: [from.columns[0]!.id],
        refTableId: customers,
        refColumnIds: [target.id],
      }),
    }));
    expect(read(b).doc.design.tables[from.id]!.constraints.some((k) => k.id === 'k_to_email')).toBe(
      true,
    );
    sync(a, b);
    for (const y of [a, b]) {
      const r = read(y);
      expect(r.doc.design.tables[from.id]!.constraints.some((k) => k.id === 'k_to_email')).toBe(
        false,
      );
      expect(r.notices.map((n) => n.message).join(' ')).toMatch(/foreign key.*no longer exists/);
      expect(parseDesign(r.doc).ok).toBe(true);
    }
    expect(read(a)).toEqual(read(b));
  });

  it('merges subject areas two people draw at once, and keeps an area valid when its table goes', () => {
    const a = replicaOf(exampleDocument());
    const b = new Y.Doc();
    sync(a, b);
    const ids = Object.keys(read(a).doc.design.tables);
    const orders = ids.find((id) => id !== customers)!;
    edit(a, (d) => ({
      ...d,
      design: createArea(d.design, { id: 'a_people', name: 'People 🧑', tableIds: [customers] }),
    }));
    edit(b, (d) => ({
      ...d,
      design: deleteTables(
        createArea(d.design, { id: 'a_sales', name: 'Sales', tableIds: [orders] }),
        [customers],
      ),
    }));
    sync(a, b);
    for (const y of [a, b]) {
      const { doc } = read(y);
      expect(doc.design.areas.map((x) => [x.name, x.tableIds])).toEqual([
        ['People 🧑', []],
        ['Sales', [orders]],
      ]);
      expect(parseDesign(doc).ok).toBe(true);
    }
    expect(read(a)).toEqual(read(b));
  });

  it('keeps both replies when two people reply to one thread at once, and the resolve too', () => {
    const at = '2026-12-07T09:00:00.000Z';
    const a = replicaOf(exampleDocument());
    edit(a, (d) => ({
      ...d,
      design: startThread(d.design, {
        id: 'h_1',
        target: { tableId: customers },
        message: { id: 'm_open', author: 'Ada', text: 'Rename to clients?', createdAt: at },
      }),
    }));
    const b = new Y.Doc();
    sync(a, b);
    edit(a, (d) => ({
      ...d,
      design: replyToThread(d.design, 'h_1', {
        id: 'm_ada',
        author: 'Ada',
        text: 'I think yes',
        createdAt: at,
      }),
    }));
    edit(b, (d) => ({
      ...d,
      design: setThreadResolved(
        replyToThread(d.design, 'h_1', { id: 'm_bob', author: 'Bob', text: 'No', createdAt: at }),
        'h_1',
        true,
      ),
    }));
    sync(a, b);
    for (const y of [a, b]) {
      const { doc } = read(y);
      const [thread] = doc.design.threads;
      expect(thread?.messages.map((m) => m.id).sort()).toEqual(['m_ada', 'm_bob', 'm_open']);
      expect(thread?.messages[0]?.id).toBe('m_open');
      expect(thread?.resolved).toBe(true);
      expect(parseDesign(doc).ok).toBe(true);
    }
    expect(read(a)).toEqual(read(b));
  });

  it('drops, with a notice, a thread on a column someone else deleted', () => {
    const a = replicaOf(exampleDocument());
    const b = new Y.Doc();
    sync(a, b);
    const email = read(a).doc.design.tables[customers]!.columns.find((c) => c.name === 'email')!;
    edit(a, (d) => ({ ...d, design: deleteColumn(d.design, customers, email.id) }));
    edit(b, (d) => ({
      ...d,
      design: startThread(d.design, {
        id: 'h_email',
        target: { tableId: customers, columnId: email.id },
        message: { id: 'm_1', author: 'Bob', text: 'Unique?', createdAt: '2026-12-07T09:00:00Z' },
      }),
    }));
    sync(a, b);
    for (const y of [a, b]) {
      const r = read(y);
      expect(r.doc.design.threads).toEqual([]);
      expect(r.notices.map((n) => n.message).join(' ')).toMatch(/discussion “Unique\?”/);
    }
  });

  it('moves a table to public when someone else deleted its schema', () => {
    const doc = exampleDocument();
    doc.design.schemas.s_sales = { id: 's_sales', name: 'sales' };
    const a = replicaOf(doc);
    const b = new Y.Doc();
    sync(a, b);
    edit(a, (d) => {
      const { s_sales: _gone, ...schemas } = d.design.schemas;
      return { ...d, design: { ...d.design, schemas } };
    });
    edit(b, (d) => ({
      ...d,
      design: renameTable(
        {
          ...d.design,
          tables: {
            ...d.design.tables,
            [customers]: { ...d.design.tables[customers]!, schemaId: 's_sales' },
          },
        },
        customers,
        'customers',
      ),
    }));
    sync(a, b);
    const r = read(a);
    expect(r.doc.design.tables[customers]!.schemaId).toBe('s_public');
    expect(r.notices.some((n) => /Moved table "customers" to schema public/.test(n.message))).toBe(
      true,
    );
  });

  it('drops what does not fit the model, and never lets a key reach the prototype', () => {
    const y = replicaOf(exampleDocument());
    const tables = y.getMap<Y.Map<unknown>>('design.tables');
    y.transact(() => {
      const bad = new Y.Map<unknown>();
      tables.set('t_bad', bad);
      bad.set('id', 't_bad');
      bad.set('name', 42);
      const evil = new Y.Map<unknown>();
      tables.set('__proto__', evil);
      evil.set('id', '__proto__');
      tables.get(customers)!.set('__proto__', { polluted: true });
      y.getMap('design').set('name', 'Still the shop');
    });
    const r = read(y);
    expect(Object.keys(r.doc.design.tables)).not.toContain('t_bad');
    expect(r.notices.length).toBeGreaterThanOrEqual(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.doc.design.name).toBe('Still the shop');
    expect(parseDesign(r.doc).ok).toBe(true);
  });

  it('fails, rather than inventing a design, when the design itself is unreadable', () => {
    const y = replicaOf(exampleDocument());
    y.getMap('design').set('name', { not: 'a name' });
    expect(readSharedDocument(y).ok).toBe(false);
  });
});
