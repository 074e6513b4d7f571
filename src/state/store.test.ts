import { tableSize } from '../core/geometry/tableGeometry';
import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../core/model';
import * as ops from '../core/ops';
import { addTableAt, connectColumns, deleteTables } from './commands';
import { createStudioStore } from './store';

describe('studio store', () => {
  it('undoes and redoes every change', () => {
    const store = createStudioStore(exampleDocument());
    const original = store.getState().design;
    store.getState().dispatch((d) => ops.renameTable(d, 't_orders', 'purchases'));
    expect(store.getState().design.tables.t_orders?.name).toBe('purchases');
    store.getState().undo();
    expect(store.getState().design).toBe(original);
    store.getState().redo();
    expect(store.getState().design.tables.t_orders?.name).toBe('purchases');
  });

  it('a drag is one undo step, however many moves it had', () => {
    const store = createStudioStore(exampleDocument());
    const s = store.getState();
    s.beginGesture();
    for (let i = 0; i < 20; i++) {
      store
        .getState()
        .setLayout((l) => ({ ...l, tables: { ...l.tables, t_orders: { x: i, y: i } } }), {
          history: false,
        });
    }
    store.getState().endGesture();
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().layout.tables.t_orders).toMatchObject({ x: 420, y: 60 });
  });

  it('a change that changes nothing is not an undo step', () => {
    const store = createStudioStore(exampleDocument());
    store.getState().dispatch((d) => ops.renameTable(d, 't_orders', 'orders'));
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('undoing a table creation also drops it from the selection', () => {
    const store = createStudioStore(exampleDocument());
    const empty = createStudioStore({
      ...exampleDocument(),
      design: { ...exampleDocument().design, tables: {} },
      layout: { ...exampleDocument().layout, tables: {} },
    });
    const first = addTableAt(empty, { x: 140.4, y: 112.6 });
    // Centred on the point asked for (a 260 x 88 box) when that is free.
    expect(empty.getState().layout.tables[first]).toEqual({ x: 10, y: 69 });
    const id = addTableAt(store, { x: 10.4, y: 20.6 });
    expect(store.getState().selection.tableIds).toEqual([id]);
    store.getState().undo();
    expect(store.getState().design.tables[id]).toBeUndefined();
    expect(store.getState().selection.tableIds).toEqual([]);
  });

  it('a new table never lands on another one', () => {
    const store = createStudioStore(exampleDocument());
    for (let i = 0; i < 12; i++) {
      const at = store.getState().layout.tables;
      const some = Object.values(at)[0]!;
      addTableAt(store, { x: some.x + 50, y: some.y + 30 });
    }
    const boxes = Object.values(store.getState().design.tables).map((t) => ({
      ...store.getState().layout.tables[t.id]!,
      ...tableSize(t, store.getState().layout.tables[t.id]),
    }));
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(
            a.x + a.width <= b.x ||
              b.x + b.width <= a.x ||
              a.y + a.height <= b.y ||
              b.y + b.height <= a.y,
          ).toBe(true);
  });

  it('deleting tables is undoable with their layout', () => {
    const store = createStudioStore(exampleDocument());
    deleteTables(store, ['t_customers']);
    expect(store.getState().design.tables.t_customers).toBeUndefined();
    expect(
      store
        .getState()
        .design.tables.t_orders?.constraints.some(
          (k) => k.kind === 'foreignKey' && k.refTableId === 't_customers',
        ),
    ).toBe(false);
    store.getState().undo();
    expect(store.getState().layout.tables.t_customers).toBeDefined();
  });

  it('read-only designs refuse changes', () => {
    const store = createStudioStore(exampleDocument());
    store.setState({ readOnly: true });
    store.getState().dispatch((d) => ops.renameTable(d, 't_orders', 'x'));
    expect(store.getState().design.tables.t_orders?.name).toBe('orders');
  });
});

describe('connectColumns', () => {
  it('creates a named foreign key from the dragged column to the referenced one', () => {
    const store = createStudioStore(exampleDocument());
    const r = connectColumns(
      store,
      { tableId: 't_addresses', columnId: 'c_addresses_customer_id' },
      { tableId: 't_products', columnId: 'c_products_id' },
    );
    const fk = store
      .getState()
      .design.tables.t_addresses?.constraints.find((k) => k.id === r?.constraintId);
    expect(fk).toMatchObject({
      kind: 'foreignKey',
      name: 'addresses_customer_id_fkey_2',
      refTableId: 't_products',
    });
    expect(r?.typeMismatch).toBeUndefined();
  });

  it('flips a drag that starts on a key and ends on a plain column', () => {
    const store = createStudioStore(exampleDocument());
    const r = connectColumns(
      store,
      { tableId: 't_customers', columnId: 'c_customers_id' },
      { tableId: 't_products', columnId: 'c_products_name' },
    );
    expect(
      store.getState().design.tables.t_products?.constraints.find((k) => k.id === r?.constraintId),
    ).toMatchObject({ refTableId: 't_customers' });
    expect(r?.typeMismatch).toMatchObject({ columnName: 'name', has: 'text', wants: 'bigint' });
  });

  it('treats serial keys as integers', () => {
    const store = createStudioStore(exampleDocument());
    store
      .getState()
      .dispatch((d) =>
        ops.updateColumn(d, 't_products', 'c_products_id', { type: 'serial', identity: undefined }),
      );
    store
      .getState()
      .dispatch((d) =>
        ops.updateColumn(d, 't_addresses', 'c_addresses_customer_id', { type: 'int' }),
      );
    const r = connectColumns(
      store,
      { tableId: 't_addresses', columnId: 'c_addresses_customer_id' },
      { tableId: 't_products', columnId: 'c_products_id' },
    );
    expect(r?.typeMismatch).toBeUndefined();
  });

  it('in a live room: no history of its own, Undo goes to the personal undo, the room’s changes are no step', () => {
    const store = createStudioStore(exampleDocument());
    const calls: string[] = [];
    store.getState().setPersonalUndo({
      undo: () => calls.push('undo'),
      redo: () => calls.push('redo'),
      canUndo: true,
      canRedo: false,
    });
    store.getState().dispatch((d) => ops.renameTable(d, 't_orders', 'purchases'));
    expect(store.getState().history.past).toHaveLength(0);
    store.getState().undo();
    store.getState().redo();
    expect(calls).toEqual(['undo', 'redo']);
    expect(store.getState().design.tables.t_orders?.name).toBe('purchases');

    // A teammate's change: shown even read-only, the viewport kept, the selection pruned.
    store.getState().select({ tableIds: ['t_products'] });
    store.getState().setViewport({ x: 5, y: 6, zoom: 0.5 });
    store.setState({ readOnly: true });
    const theirs = exampleDocument();
    const design = ops.deleteTables(theirs.design, ['t_products']);
    store.getState().applyShared(design, theirs.layout);
    expect(store.getState().design).toBe(design);
    expect(store.getState().layout.viewport).toEqual({ x: 5, y: 6, zoom: 0.5 });
    expect(store.getState().selection.tableIds).toEqual([]);
    expect(store.getState().history.past).toHaveLength(0);

    // Leaving: the ordinary history again, from here.
    store.setState({ readOnly: false });
    store.getState().setPersonalUndo(null);
    store.getState().dispatch((d) => ops.renameTable(d, 't_orders', 'sales'));
    store.getState().undo();
    expect(store.getState().design).toBe(design);
    expect(calls).toHaveLength(2);
  });
});
