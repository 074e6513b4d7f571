import { describe, expect, it } from 'vitest';
import { exampleDocument, type Design } from '../model';
import { checkIntegrity } from '../model/integrity';
import { designFromRead } from './designFromRead';

/** The example design as if read back from the catalog: same names, all ids different. */
function withFreshIds(d: Design): Design {
  const json = JSON.stringify(d).replace(
    /"([tckise])_([a-z0-9_]+)"/g,
    (_m, p: string, rest: string) => `"${p}_fresh_${rest}"`,
  );
  return JSON.parse(json) as Design;
}

/** `read` with the column at `index` of table `name` renamed (a new object, as a new read). */
function renamed(read: Design, name: string, index: number, to: string): Design {
  const copy = structuredClone(read);
  const table = Object.values(copy.tables).find((t) => t.name === name);
  const column = table?.columns[index];
  if (!column) throw new Error('fixture');
  column.name = to;
  return copy;
}

describe('designFromRead', () => {
  it('from the memo: the same design as reconciling everything, other tables the same objects', () => {
    const start = exampleDocument().design;
    const first = designFromRead(start, withFreshIds(start));
    const read = renamed(structuredClone(first.memo.read), 'orders', 3, 'state');
    const incremental = designFromRead(first.design, read, first.memo);
    const full = designFromRead(first.design, read);
    expect(incremental.design).toEqual(full.design);
    expect(incremental.design.tables.t_orders?.columns[3]).toMatchObject({
      id: 'c_orders_status',
      name: 'state',
    });
    for (const [id, table] of Object.entries(incremental.design.tables))
      if (id !== 't_orders') expect(table).toBe(first.design.tables[id]);
    expect(checkIntegrity(incremental.design)).toBeUndefined();
    // The memo of an incremental read serves the next one just as well.
    const again = renamed(read, 'customers', 1, 'mail');
    expect(designFromRead(incremental.design, again, incremental.memo).design).toEqual(
      designFromRead(incremental.design, again).design,
    );
  });

  it('a design changed since the last read (an edit on the canvas) is reconciled in full', () => {
    const start = exampleDocument().design;
    const first = designFromRead(start, withFreshIds(start));
    const edited: Design = {
      ...first.design,
      tables: Object.fromEntries(
        Object.entries(first.design.tables).map(([id, t]) => [
          id,
          t.name === 'customers' ? { ...t, name: 'clients' } : t,
        ]),
      ),
    };
    // The read still says customers: against the edited design that is a new table, whose ids
    // stay fresh; the memo (made for the design before the edit) would have given the old ones.
    const read = structuredClone(first.memo.read);
    const next = designFromRead(edited, read, first.memo);
    expect(next.design).toEqual(designFromRead(edited, read).design);
    const customers = Object.values(next.design.tables).find((t) => t.name === 'customers');
    expect(customers?.id).toMatch(/^t_fresh_/);
  });
});
