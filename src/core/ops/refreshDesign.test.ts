import { describe, expect, it } from 'vitest';
import { exampleDocument, type Design, type Table } from '../model';
import { refreshDesign } from './refreshDesign';

/** The design as a fresh reading gives it: the same objects under ids never seen before. */
function freshIds(design: Design): Design {
  const ids = new Set<string>();
  const collect = (v: unknown, key?: string) => {
    if (Array.isArray(v)) v.forEach((x) => collect(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
    else if (key === 'id' && typeof v === 'string') ids.add(v);
  };
  collect(design);
  let text = JSON.stringify(design);
  for (const id of ids) text = text.replaceAll(`"${id}"`, `"r_${id}"`);
  return JSON.parse(text) as Design;
}

const tableNamed = (d: Design, name: string) =>
  Object.values(d.tables).find((t) => t.name === name) as Table;

describe('refreshDesign', () => {
  const doc = exampleDocument();
  const current: Design = {
    ...doc.design,
    tables: Object.fromEntries(
      Object.entries(doc.design.tables).map(([id, t]) => [
        id,
        t.name === 'orders' ? { ...t, comment: 'One per checkout.' } : t,
      ]),
    ),
    areas: [
      { id: 'a_people', name: 'People', color: 'blue', tableIds: ['t_customers', 't_addresses'] },
    ],
  };
  const layout = {
    ...doc.layout,
    tables: Object.fromEntries(
      Object.entries(doc.layout.tables).map(([id, l]) => [id, { ...l, color: 'teal' }]),
    ),
  };

  it('changes nothing when the reading is the design itself under new ids', () => {
    const reading = freshIds(current);
    const out = refreshDesign(current, layout, reading);
    expect(out.design).toEqual(current);
    expect(out.layout).toEqual(layout);
    expect(out.addedTableIds).toEqual([]);
    expect(out.summary).toEqual({
      added: [],
      removed: [],
      changed: [],
      otherAdded: [],
      otherRemoved: [],
    });
  });

  it('keeps ids, layout and comments of what still exists; adds, changes and removes the rest', () => {
    const reading = freshIds(current);
    const orders = tableNamed(reading, 'orders');
    const customers = tableNamed(reading, 'customers');
    // A dump without COMMENT ON: the design's comment stays.
    delete orders.comment;
    orders.columns.push({
      id: 'r_new_col',
      name: 'shipped_at',
      type: 'timestamptz',
      nullable: true,
    });
    const note = customers.columns.find((c) => c.name === 'email');
    if (note) note.type = 'character varying(320)';
    delete reading.tables[tableNamed(reading, 'addresses').id];
    reading.tables['r_t_refunds'] = {
      id: 'r_t_refunds',
      schemaId: orders.schemaId,
      name: 'refunds',
      columns: [
        { id: 'r_c_refunds_id', name: 'id', type: 'bigint', nullable: false },
        { id: 'r_c_refunds_order', name: 'order_id', type: 'bigint', nullable: false },
      ],
      constraints: [
        {
          id: 'r_k_refunds_order',
          kind: 'foreignKey',
          columnIds: ['r_c_refunds_order'],
          refTableId: orders.id,
          refColumnIds: [orders.columns[0]?.id ?? ''],
          onDelete: 'noAction',
          onUpdate: 'noAction',
          deferrable: 'notDeferrable',
        } as Table['constraints'][number],
      ],
      indexes: [],
      inherits: [],
      storageParameters: [],
    } as unknown as Table;

    reading.areas = []; // what a database reading knows of subject areas
    const out = refreshDesign(current, layout, reading);
    const ordersId = tableNamed(current, 'orders').id;
    // The person's area stays; the table the database no longer has leaves it.
    expect(out.design.areas).toEqual([
      { id: 'a_people', name: 'People', color: 'blue', tableIds: ['t_customers'] },
    ]);
    const addressesId = tableNamed(current, 'addresses').id;
    // Same ids as before for what still exists, so the same layout entries (position, colour).
    expect(out.design.tables[ordersId]?.comment).toBe('One per checkout.');
    expect(out.design.tables[ordersId]?.columns.map((c) => c.id).slice(0, -1)).toEqual(
      current.tables[ordersId]?.columns.map((c) => c.id),
    );
    expect(out.layout.tables[ordersId]).toEqual(layout.tables[ordersId]);
    expect(out.layout.tables[addressesId]).toBeUndefined();
    expect(out.design.tables[addressesId]).toBeUndefined();
    expect(out.addedTableIds).toEqual(['r_t_refunds']);
    // The new table's foreign key points at the design's own orders table.
    const fk = out.design.tables['r_t_refunds']?.constraints[0];
    expect(fk?.kind === 'foreignKey' && fk.refTableId).toBe(ordersId);
    expect(out.design.name).toBe(current.name);
    expect(out.design.id).toBe(current.id);
    expect(out.summary).toEqual({
      added: ['public.refunds'],
      removed: ['public.addresses'],
      changed: [
        { table: 'public.customers', changes: ['column email: text → character varying(320)'] },
        { table: 'public.orders', changes: ['column shipped_at added (timestamptz)'] },
      ],
      otherAdded: [],
      otherRemoved: [],
    });
    // Neither input was touched.
    expect(current.tables[ordersId]?.columns.some((c) => c.name === 'shipped_at')).toBe(false);
  });
});
