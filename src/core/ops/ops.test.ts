import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../model/integrity';
import { emptyDesign, exampleDocument, type Column, type Design } from '../model';
import * as ops from './index';

const col = (id: string, name: string, type = 'text', nullable = true): Column => ({
  id,
  name,
  type,
  nullable,
});

function twoTables(): Design {
  let d = emptyDesign('t', 'd_t');
  d = ops.addTable(d, { id: 't_a', name: 'a', columns: [col('c_a_id', 'id', 'bigint', false)] });
  d = ops.togglePrimaryKeyColumn(d, 't_a', 'c_a_id', true, 'k_a_pk');
  d = ops.addTable(d, {
    id: 't_b',
    name: 'b',
    columns: [col('c_b_id', 'id', 'bigint', false), col('c_b_a', 'a_id', 'bigint')],
  });
  d = ops.addForeignKey(d, 't_b', {
    id: 'k_b_fk',
    columnIds: ['c_b_a'],
    refTableId: 't_a',
    refColumnIds: ['c_a_id'],
  });
  d = ops.addIndex(d, 't_b', {
    id: 'i_b_a',
    unique: false,
    method: 'btree',
    elements: [{ kind: 'column', columnId: 'c_b_a' }],
    include: [],
  });
  return d;
}

describe('ops', () => {
  it('delete a partitioned table with its partitions, and the raw objects that hang on them', () => {
    let d = twoTables();
    d = ops.addTable(d, {
      id: 't_a1',
      name: 'a_2024',
      columns: [col('c_a1_id', 'id', 'bigint', false)],
    });
    d = {
      ...d,
      tables: {
        ...d.tables,
        t_a1: { ...d.tables.t_a1!, partitionOf: { tableId: 't_a', bound: 'DEFAULT' } },
      },
    };
    d = {
      ...d,
      extras: [
        {
          id: 'x_trg',
          kind: 'trigger',
          tableId: 't_a1',
          name: 'touch',
          sql: 'CREATE TRIGGER touch ...;',
          dependsOn: [],
        },
        {
          id: 'x_fn',
          kind: 'function',
          name: 'f()',
          sql: 'CREATE FUNCTION f() ...;',
          dependsOn: [],
        },
      ],
    };
    expect(checkIntegrity(d)).toBeUndefined();
    const after = ops.deleteTables(d, ['t_a']);
    expect(Object.keys(after.tables)).toEqual(['t_b']);
    expect(after.extras?.map((x) => x.id)).toEqual(['x_fn']);
    expect(checkIntegrity(after)).toBeUndefined();
  });

  it('build a consistent design', () => {
    const d = twoTables();
    expect(checkIntegrity(d)).toBeUndefined();
    expect(d.tables.t_b?.constraints[0]).toMatchObject({
      kind: 'foreignKey',
      onDelete: 'noAction',
      deferrable: 'notDeferrable',
    });
  });

  it('are total: unknown ids leave the design unchanged (same object)', () => {
    const d = twoTables();
    expect(ops.renameTable(d, 't_nope', 'x')).toBe(d);
    expect(ops.updateColumn(d, 't_a', 'c_nope', { name: 'x' })).toBe(d);
    expect(ops.deleteColumn(d, 't_a', 'c_nope')).toBe(d);
    expect(ops.deleteTables(d, ['t_nope'])).toBe(d);
  });

  it('deleting a table removes foreign keys pointing at it', () => {
    const d = ops.deleteTables(twoTables(), ['t_a']);
    expect(d.tables.t_a).toBeUndefined();
    expect(d.tables.t_b?.constraints).toEqual([]);
    expect(checkIntegrity(d)).toBeUndefined();
  });

  it('deleting a column removes its constraints, indexes, and references to it', () => {
    let d = ops.deleteColumn(twoTables(), 't_b', 'c_b_a');
    expect(d.tables.t_b?.constraints).toEqual([]);
    expect(d.tables.t_b?.indexes).toEqual([]);
    d = ops.deleteColumn(twoTables(), 't_a', 'c_a_id');
    expect(d.tables.t_a?.constraints).toEqual([]);
    expect(d.tables.t_b?.constraints).toEqual([]);
    expect(checkIntegrity(d)).toBeUndefined();
  });

  it('primary key columns are NOT NULL and stay so', () => {
    let d = ops.addColumn(twoTables(), 't_b', col('c_b_x', 'x'));
    d = ops.togglePrimaryKeyColumn(d, 't_b', 'c_b_x', true, 'k_new');
    expect(d.tables.t_b?.columns.find((c) => c.id === 'c_b_x')?.nullable).toBe(false);
    d = ops.updateColumn(d, 't_b', 'c_b_x', { nullable: true });
    expect(d.tables.t_b?.columns.find((c) => c.id === 'c_b_x')?.nullable).toBe(false);
    d = ops.togglePrimaryKeyColumn(d, 't_b', 'c_b_x', false, 'unused');
    expect(d.tables.t_b?.constraints.some((k) => k.kind === 'primaryKey')).toBe(false);
  });

  it('composite primary keys grow and shrink column by column', () => {
    let d = ops.togglePrimaryKeyColumn(twoTables(), 't_b', 'c_b_id', true, 'k_pk');
    d = ops.togglePrimaryKeyColumn(d, 't_b', 'c_b_a', true, 'unused');
    expect(d.tables.t_b?.constraints.find((k) => k.kind === 'primaryKey')).toMatchObject({
      id: 'k_pk',
      columnIds: ['c_b_id', 'c_b_a'],
    });
    d = ops.togglePrimaryKeyColumn(d, 't_b', 'c_b_id', false, 'unused');
    expect(d.tables.t_b?.constraints.find((k) => k.kind === 'primaryKey')).toMatchObject({
      columnIds: ['c_b_a'],
    });
  });

  it('identity, generated and default exclude each other', () => {
    let d = ops.updateColumn(twoTables(), 't_b', 'c_b_a', { default: '0' });
    d = ops.updateColumn(d, 't_b', 'c_b_a', { identity: 'byDefault' });
    const c = d.tables.t_b?.columns.find((x) => x.id === 'c_b_a');
    expect(c).toMatchObject({ identity: 'byDefault', nullable: false });
    expect(c?.default).toBeUndefined();
    d = ops.updateColumn(d, 't_b', 'c_b_a', { identity: undefined });
    expect(d.tables.t_b?.columns.find((x) => x.id === 'c_b_a')?.identity).toBeUndefined();
  });

  it('moves columns within bounds', () => {
    const d = ops.moveColumn(twoTables(), 't_b', 'c_b_a', -5);
    expect(d.tables.t_b?.columns.map((c) => c.name)).toEqual(['a_id', 'id']);
  });

  it('a table has at most one primary key', () => {
    const d = ops.addConstraint(twoTables(), 't_a', {
      id: 'k_second',
      kind: 'primaryKey',
      columnIds: ['c_a_id'],
      include: [],
    });
    expect(d.tables.t_a?.constraints.filter((k) => k.kind === 'primaryKey')).toHaveLength(1);
  });

  it('the example design is consistent', () => {
    expect(checkIntegrity(exampleDocument().design)).toBeUndefined();
  });
});
