import { describe, expect, it, vi } from 'vitest';
import { exampleDocument, type Design } from '../core/model';
import * as ops from '../core/ops';
import { err, ok } from '../core/result';
import { createDraftStore } from '../state/ddlDraft';
import { createStudioStore, type StudioStore } from '../state/store';
import { startDdlEditing, type SqlToDesign } from './ddlEditing';

/** Stand-in for Postgres reading the SQL: 'rename orders' renames, 'bad' fails. */
function fakeReader(base: Design): SqlToDesign {
  return async (sql) => {
    if (sql.includes('bad'))
      return err({
        status: 'failed',
        errors: [{ message: 'syntax error at or near "bad"', from: 0, to: 3, line: 1 }],
      });
    let d = JSON.parse(JSON.stringify(base).replaceAll('"t_orders"', '"t_fresh_orders"')) as Design;
    if (sql.includes('rename orders')) d = ops.renameTable(d, 't_fresh_orders', 'purchases');
    if (sql.includes('add table'))
      d = ops.addTable(d, { id: 't_new', name: 'brand_new', columns: [] });
    return ok(d);
  };
}

/** Editing whose stand-in for Postgres reads `read` from any SQL, placing no new tables. */
function editingThatReads(store: StudioStore, read: Design) {
  return startDdlEditing({
    store,
    draft: createDraftStore(),
    toDesign: async () => ok(read),
    placeNewTables: () => ({}),
    persistDraft: () => {},
    debounceMs: 100,
  });
}

function setup() {
  vi.useFakeTimers();
  const store = createStudioStore(exampleDocument());
  const draft = createDraftStore();
  const persisted: (string | undefined)[] = [];
  const editing = startDdlEditing({
    store,
    draft,
    toDesign: fakeReader(store.getState().design),
    placeNewTables: (_d, _l, ids) => Object.fromEntries(ids.map((id) => [id, { x: 999, y: 1 }])),
    persistDraft: (t) => persisted.push(t),
    debounceMs: 100,
  });
  return { store, draft, editing, persisted };
}

describe('two-way DDL editing', () => {
  it('applies valid SQL as one undo step, keeping ids and positions of tables that survive', async () => {
    const { store, draft, editing } = setup();
    editing.edit('add table');
    await vi.advanceTimersByTimeAsync(150);
    const s = store.getState();
    expect(s.design.tables.t_orders?.name).toBe('orders');
    expect(s.design.tables.t_new?.name).toBe('brand_new');
    expect(s.layout.tables.t_new).toEqual({ x: 999, y: 1 });
    expect(s.layout.tables.t_orders).toMatchObject({ x: 420, y: 60, color: 'amber' });
    expect(draft.getState().phase).toBe('applied');
    expect(draft.getState().text).toBe('add table');
    store.getState().undo();
    expect(store.getState().design.tables.t_new).toBeUndefined();
    expect(draft.getState().text).toBeNull(); // undo ends the draft: the DDL follows the design
  });

  it('keeps subject areas; a table the SQL no longer has leaves its area', async () => {
    vi.useFakeTimers();
    const store = createStudioStore(exampleDocument());
    const read = ops.deleteTables(store.getState().design, ['t_order_items']);
    store
      .getState()
      .dispatch((d) =>
        ops.createArea(d, { id: 'a_1', name: 'Sales', tableIds: ['t_orders', 't_order_items'] }),
      );
    const editing = editingThatReads(store, read);
    editing.edit('without order_items');
    await vi.advanceTimersByTimeAsync(150);
    const design = store.getState().design;
    expect(design.tables.t_order_items).toBeUndefined();
    expect(design.areas).toEqual([
      { id: 'a_1', name: 'Sales', color: 'blue', tableIds: ['t_orders'] },
    ]);
  });

  it('keeps discussion threads; one on a table the SQL no longer has goes with it', async () => {
    vi.useFakeTimers();
    const store = createStudioStore(exampleDocument());
    const read = ops.deleteTables(store.getState().design, ['t_order_items']);
    const message = (id: string) => ({
      id,
      author: 'Ada',
      text: `about ${id}`,
      createdAt: '2026-12-07T09:00:00.000Z',
    });
    store.getState().dispatch((d) =>
      ops.startThread(
        ops.startThread(d, {
          id: 'h_1',
          target: { tableId: 't_orders' },
          message: message('m_1'),
        }),
        { id: 'h_2', target: { tableId: 't_order_items' }, message: message('m_2') },
      ),
    );
    const editing = editingThatReads(store, read);
    editing.edit('without order_items');
    await vi.advanceTimersByTimeAsync(150);
    expect(store.getState().design.threads.map((t) => t.id)).toEqual(['h_1']);
  });

  it('keeps what SQL cannot say: saved queries and review settings', async () => {
    vi.useFakeTimers();
    const store = createStudioStore(exampleDocument());
    const read = store.getState().design; // Postgres reads neither back
    store.getState().dispatch((d) => ({
      ...d,
      queries: [{ id: 'q_1', name: 'orders by customer', sql: 'SELECT 1' }],
      review: { disabledRules: ['missing-table-comment'] },
    }));
    const editing = editingThatReads(store, ops.renameTable(read, 't_orders', 'purchases'));
    editing.edit('rename orders');
    await vi.advanceTimersByTimeAsync(150);
    const design = store.getState().design;
    expect(design.tables.t_orders?.name).toBe('purchases');
    expect(design.queries.map((q) => q.name)).toEqual(['orders by customer']);
    expect(design.review.disabledRules).toEqual(['missing-table-comment']);
  });

  it('keeps the last valid diagram and the typed text while the SQL is invalid', async () => {
    const { store, draft, editing, persisted } = setup();
    const before = store.getState().design;
    editing.edit('bad');
    await vi.advanceTimersByTimeAsync(150);
    expect(store.getState().design).toBe(before);
    expect(draft.getState()).toMatchObject({ phase: 'invalid', text: 'bad' });
    expect(draft.getState().errors[0]?.message).toMatch(/syntax error/);
    expect(persisted.at(-1)).toBe('bad');
  });

  it('a canvas edit ends the draft', async () => {
    const { store, draft, editing } = setup();
    editing.edit('bad');
    await vi.advanceTimersByTimeAsync(150);
    store.getState().dispatch((d) => ops.renameTable(d, 't_customers', 'clients'));
    expect(draft.getState().text).toBeNull();
  });

  it('a syntax error is marked at once and Postgres is not asked', async () => {
    vi.useFakeTimers();
    const store = createStudioStore(exampleDocument());
    const draft = createDraftStore();
    let asked = 0;
    const editing = startDdlEditing({
      store,
      draft,
      toDesign: async () => {
        asked++;
        return err({ status: 'failed', errors: [] });
      },
      placeNewTables: () => ({}),
      persistDraft: () => {},
      checkSyntax: async (sql) =>
        sql.includes('CREAT ')
          ? { message: 'syntax error at or near "CREAT"', from: 0, to: 5, line: 1 }
          : undefined,
      debounceMs: 500,
    });
    editing.edit('CREAT TABLE x ();');
    await vi.advanceTimersByTimeAsync(200);
    expect(draft.getState()).toMatchObject({
      phase: 'waiting',
      errors: [{ message: 'syntax error at or near "CREAT"' }],
    });
    await vi.advanceTimersByTimeAsync(400);
    expect(draft.getState().phase).toBe('invalid');
    expect(asked).toBe(0);
  });

  it('only the last of quick edits is read', async () => {
    const { store, editing } = setup();
    editing.edit('rename orders');
    editing.edit('bad');
    await vi.advanceTimersByTimeAsync(150);
    expect(store.getState().design.tables.t_orders?.name).toBe('orders');
  });
});
