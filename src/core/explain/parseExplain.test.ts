import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../model';
import { adviseIndexes } from './adviseIndexes';
import { filterColumns } from './filterColumns';
import { parseExplain, tablesInPlan } from './parseExplain';

/** Trimmed from PGlite 0.5 (PostgreSQL 18): EXPLAIN (ANALYZE, BUFFERS, VERBOSE, FORMAT JSON). */
const OUTPUT = [
  {
    'QUERY PLAN': [
      {
        Plan: {
          'Node Type': 'Sort',
          'Startup Cost': 416.64,
          'Total Cost': 417.14,
          'Plan Rows': 200,
          'Actual Total Time': 5.565,
          'Actual Rows': 200,
          'Actual Loops': 1,
          'Sort Key': ['t.name'],
          'Shared Hit Blocks': 109,
          'Shared Read Blocks': 0,
          Plans: [
            {
              'Node Type': 'Seq Scan',
              'Relation Name': 't',
              Schema: 'public',
              Alias: 't',
              'Startup Cost': 0,
              'Total Cost': 409,
              'Plan Rows': 200,
              'Actual Total Time': 4.558,
              'Actual Rows': 200,
              'Actual Loops': 1,
              Filter: "((t.name > 'a'::text) AND (t.c = 5))",
              'Rows Removed by Filter': 19800,
              'Shared Hit Blocks': 109,
              'Shared Read Blocks': 0,
            },
          ],
        },
        'Planning Time': 4.961,
        'Execution Time': 5.876,
      },
    ],
  },
];

const design: Design = {
  ...emptyDesign('test', 'd_1'),
  tables: {
    t_t: {
      id: 't_t',
      schemaId: 's_public',
      name: 't',
      constraints: [{ id: 'k_pk', kind: 'primaryKey', columnIds: ['c_id'], include: [] }],
      columns: [
        { id: 'c_id', name: 'id', type: 'integer', nullable: false },
        { id: 'c_c', name: 'c', type: 'integer', nullable: true },
        { id: 'c_name', name: 'name', type: 'text', nullable: true },
      ],
      indexes: [],
      inherits: [],
      storageParameters: [],
    },
  },
};

describe('parseExplain', () => {
  it('reads the tree with estimates, actuals, buffers, filter and sort key', () => {
    const root = parseExplain(OUTPUT);
    expect(root).toMatchObject({
      nodeType: 'Sort',
      totalCost: 417.14,
      planRows: 200,
      sortKey: ['t.name'],
      executionTimeMs: 5.876,
      sharedHitBlocks: 109,
    });
    expect(root.children[0]).toMatchObject({
      nodeType: 'Seq Scan',
      relation: 't',
      rowsRemovedByFilter: 19800,
      actualRows: 200,
      actualLoops: 1,
    });
    expect(tablesInPlan(root)).toEqual(['t']);
    expect(parseExplain(JSON.stringify(OUTPUT[0]?.['QUERY PLAN'])).nodeType).toBe('Sort');
  });

  it('says what it expected when given something else', () => {
    expect(() => parseExplain({ rows: [] })).toThrow(/EXPLAIN \(FORMAT JSON\)/);
  });
});

describe('filterColumns', () => {
  it('reads equalities and ranges of an AND, qualified or not', () => {
    expect(filterColumns("((t.name > 'a'::text) AND (t.c = 5))")).toEqual([
      { column: 'name', equality: false },
      { column: 'c', equality: true },
    ]);
    expect(filterColumns('("Customer Id" = 5)')).toEqual([
      { column: 'Customer Id', equality: true },
    ]);
    expect(filterColumns('((a = 1) OR (b = 2))')).toBeUndefined();
  });
});

describe('adviseIndexes', () => {
  it('proposes equality columns first, then the range column, and a sort index', () => {
    const advice = adviseIndexes(parseExplain(OUTPUT), design);
    expect(advice.map((a) => a.columns)).toEqual([['name'], ['c', 'name']]);
    expect(advice[1]?.createSql).toBe('CREATE INDEX t_c_name_idx ON t (c, name)');
    expect(advice[1]?.index).toMatchObject({
      method: 'btree',
      unique: false,
      elements: [
        { kind: 'column', columnId: 'c_c' },
        { kind: 'column', columnId: 'c_name' },
      ],
    });
  });

  it('does not propose what an existing index already starts with', () => {
    const indexed: Design = structuredClone(design);
    indexed.tables.t_t?.indexes.push({
      id: 'i_1',
      unique: false,
      method: 'btree',
      include: [],
      elements: [
        { kind: 'column', columnId: 'c_name' },
        { kind: 'column', columnId: 'c_c' },
      ],
    });
    expect(adviseIndexes(parseExplain(OUTPUT), indexed)).toEqual([]);
  });
});
