import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyDesign, type Design } from '../model';
import * as ops from '../ops';
import { propertyParameters } from '../../test/propertySeed';
import { findPath } from './findPath';
import { neighbourhood } from './neighbourhood';
import { searchDesign } from './searchDesign';

/** Tables t0..t(n-1), each with an `id` key; `links` [child, parent] add a foreign key child -> parent. */
function graphDesign(n: number, links: readonly (readonly [number, number])[]): Design {
  let d = emptyDesign('g', 'd_g');
  for (let i = 0; i < n; i++) {
    d = ops.addTable(d, {
      id: `t${i}`,
      name: `table_${i}`,
      columns: [{ id: `t${i}_id`, name: 'id', type: 'bigint', nullable: false }],
    });
    d = ops.togglePrimaryKeyColumn(d, `t${i}`, `t${i}_id`, true, `pk${i}`);
  }
  links.forEach(([child, parent], i) => {
    const columnId = `t${child}_ref${i}`;
    d = ops.addColumn(d, `t${child}`, {
      id: columnId,
      name: `ref_${i}`,
      type: 'bigint',
      nullable: true,
    });
    d = ops.addForeignKey(d, `t${child}`, {
      id: `fk${i}`,
      columnIds: [columnId],
      refTableId: `t${parent}`,
      refColumnIds: [`t${parent}_id`],
    });
  });
  return d;
}

// t1 -> t0 <- t2 -> t3 -> t4, t5 alone, t6 references itself.
const chain = graphDesign(7, [
  [1, 0],
  [2, 0],
  [2, 3],
  [3, 4],
  [6, 6],
]);

describe('neighbourhood', () => {
  it('follows foreign keys both ways, hop by hop, with each table at its distance', () => {
    expect([...neighbourhood(chain, 't0', 1)]).toEqual([
      ['t0', 0],
      ['t1', 1],
      ['t2', 1],
    ]);
    expect(Object.fromEntries(neighbourhood(chain, 't0', 2))).toEqual({
      t0: 0,
      t1: 1,
      t2: 1,
      t3: 2,
    });
    expect(Object.fromEntries(neighbourhood(chain, 't4', 3))).toEqual({
      t4: 0,
      t3: 1,
      t2: 2,
      t0: 3,
    });
  });
  it('is the table alone when nothing links to it, and nothing for a missing table', () => {
    expect([...neighbourhood(chain, 't5', 3).keys()]).toEqual(['t5']);
    expect([...neighbourhood(chain, 't6', 2).keys()]).toEqual(['t6']);
    expect(neighbourhood(chain, 'nope', 2).size).toBe(0);
  });
});

describe('findPath', () => {
  it('finds the shortest chain, following keys against their direction too', () => {
    expect(findPath(chain, 't1', 't4')).toEqual({
      tableIds: ['t1', 't0', 't2', 't3', 't4'],
      foreignKeyIds: ['fk0', 'fk1', 'fk2', 'fk3'],
    });
    expect(findPath(chain, 't4', 't3')).toEqual({ tableIds: ['t4', 't3'], foreignKeyIds: ['fk3'] });
  });
  it('says there is none when no chain joins the tables, and a table reaches itself', () => {
    expect(findPath(chain, 't1', 't5')).toBeNull();
    expect(findPath(chain, 't6', 't0')).toBeNull();
    expect(findPath(chain, 't1', 'missing')).toBeNull();
    expect(findPath(chain, 't2', 't2')).toEqual({ tableIds: ['t2'], foreignKeyIds: [] });
  });
  it('takes the shortcut when a longer chain also exists', () => {
    const d = graphDesign(4, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
    ]);
    expect(findPath(d, 't0', 't3')).toEqual({ tableIds: ['t0', 't3'], foreignKeyIds: ['fk3'] });
  });

  const randomGraph = fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 14 }),
      a: fc.nat(n - 1),
      b: fc.nat(n - 1),
    }),
  );

  it('agrees with neighbourhood: a path of k keys means b is first reached at k hops', () => {
    fc.assert(
      fc.property(randomGraph, ({ n, links, a, b }) => {
        const d = graphDesign(n, links);
        const path = findPath(d, `t${a}`, `t${b}`);
        const distance = neighbourhood(d, `t${a}`, n).get(`t${b}`);
        if (!path) return distance === undefined;
        const hops = path.foreignKeyIds.length;
        // Every step is a real key between the two tables it joins, in one direction or the other.
        const stepsAreKeys = path.foreignKeyIds.every((fkId, i) => {
          const [child, parent] = links[Number(fkId.slice(2))] ?? [-1, -1];
          const ends = [path.tableIds[i], path.tableIds[i + 1]].sort().join();
          return ends === [`t${child}`, `t${parent}`].sort().join();
        });
        return (
          distance === hops &&
          stepsAreKeys &&
          path.tableIds[0] === `t${a}` &&
          path.tableIds[hops] === `t${b}` &&
          new Set(path.tableIds).size === hops + 1
        );
      }),
      propertyParameters({ numRuns: 200 }),
    );
  });
});

describe('partitions', () => {
  // t2 is partitioned; t3 is its partition and holds the key onto t0 (as pagila's payment does).
  let d = graphDesign(4, [
    [1, 0],
    [3, 0],
  ]);
  d = ops.updateTable(d, 't3', (t) => ({
    ...t,
    partitionOf: { tableId: 't2', bound: "FOR VALUES IN ('a')" },
  }));

  it("count a partition's keys as its parent's, the table the canvas draws", () => {
    expect(Object.fromEntries(neighbourhood(d, 't0', 1))).toEqual({ t0: 0, t1: 1, t2: 1 });
    expect(Object.fromEntries(neighbourhood(d, 't3', 1))).toEqual({ t2: 0, t0: 1 });
    expect(findPath(d, 't1', 't2')).toEqual({
      tableIds: ['t1', 't0', 't2'],
      foreignKeyIds: ['fk0', 'fk1'],
    });
  });
});

describe('searchDesign', () => {
  let d = emptyDesign('s', 'd_s');
  d = ops.addTable(d, {
    id: 'film',
    name: 'film',
    columns: [
      { id: 'film_id', name: 'film_id', type: 'integer', nullable: false },
      { id: 'film_title', name: 'title', type: 'character varying(255)', nullable: false },
    ],
  });
  d = ops.addTable(d, {
    id: 'actor',
    name: 'actor',
    columns: [{ id: 'actor_first', name: 'first_name', type: 'text', nullable: false }],
  });
  d = ops.addTable(d, {
    id: 'film_actor',
    name: 'film_actor',
    columns: [{ id: 'fa_film', name: 'film_id', type: 'integer', nullable: false }],
  });
  const labels = (q: string) => searchDesign(d, q).map((m) => m.label);

  it('finds tables and columns, exact names first, tables before columns', () => {
    expect(labels('film')).toEqual(['film', 'film_actor', 'film.film_id', 'film_actor.film_id']);
    expect(searchDesign(d, 'TITLE')).toEqual([
      {
        kind: 'column',
        tableId: 'film',
        columnId: 'film_title',
        label: 'film.title',
        type: 'varchar(255)',
      },
    ]);
  });
  it('reads table.column as a column of a matching table', () => {
    expect(labels('film_actor.film')).toEqual(['film_actor.film_id']);
    expect(labels('actor.')).toEqual(['actor.first_name', 'film_actor.film_id']);
    expect(labels('  ')).toEqual([]);
    expect(labels('nothing_like_it')).toEqual([]);
  });
});
