import { describe, expect, it } from 'vitest';
import { design, expectFixesResolve, run, where, type TableSpec } from '../../../test/lintDesigns';
import { fkOnDeleteUnchosen } from './fkOnDelete';
import { fkTypeMismatch } from './fkTypeMismatch';
import { fkWithoutIndex } from './fkWithoutIndex';
import { noPrimaryKey } from './noPrimaryKey';
import { nullableUniqueKey } from './nullableUniqueKey';
import { redundantIndex } from './redundantIndex';
import { unnamedConstraint } from './unnamedConstraint';

const customers = {
  name: 'customers',
  columns: [['id', 'bigint']] as [string, string][],
  pk: ['id'],
};
const orders = (extra: Partial<TableSpec> = {}) => ({
  name: 'orders',
  columns: [
    ['id', 'bigint'],
    ['customer_id', 'bigint'],
    ['placed_at', 'timestamptz'],
  ] as [string, string][],
  pk: ['id'],
  fks: [[['customer_id'], 'customers', ['id']]] as NonNullable<TableSpec['fks']>,
  ...extra,
});

describe('no-primary-key', () => {
  it('fires on a table without one, not on a table with one', () => {
    const d = design(customers, { name: 'log', columns: [['line', 'text']] });
    expect(where(run(noPrimaryKey, d))).toEqual(['log']);
  });
  it('names a partitioned table once, not each of its partitions again', () => {
    const d = design(
      {
        name: 'events',
        columns: [['at', 'timestamptz']],
        extra: { partitionBy: 'RANGE (at)' },
      },
      {
        name: 'events_default',
        columns: [['at', 'timestamptz']],
        extra: { partitionOf: { tableId: 't_events', bound: 'DEFAULT' } },
      },
    );
    expect(where(run(noPrimaryKey, d))).toEqual(['events']);
  });
});

describe('fk-without-index', () => {
  it('fires when no index leads with the foreign key columns', () => {
    const d = design(customers, orders({ indexes: [{ columns: ['placed_at', 'customer_id'] }] }));
    expect(where(run(fkWithoutIndex, d))).toEqual(['orders.customer_id']);
    expect(expectFixesResolve(fkWithoutIndex, d)).toBe(1);
  });
  it('is satisfied by an index or key that starts with the columns, in any order', () => {
    expect(
      run(
        fkWithoutIndex,
        design(customers, orders({ indexes: [{ columns: ['customer_id', 'placed_at'] }] })),
      ),
    ).toEqual([]);
    const pair = design(
      {
        name: 'a',
        columns: [
          ['x', 'bigint'],
          ['y', 'bigint'],
        ],
        pk: ['x', 'y'],
      },
      {
        name: 'b',
        columns: [
          ['id', 'bigint'],
          ['x', 'bigint'],
          ['y', 'bigint'],
        ],
        pk: ['id'],
        fks: [[['x', 'y'], 'a', ['x', 'y']]],
        unique: [['y', 'x']],
      },
    );
    expect(run(fkWithoutIndex, pair)).toEqual([]);
  });
  it('does not count a partial index', () => {
    const d = design(
      customers,
      orders({ indexes: [{ columns: ['customer_id'], where: 'placed_at IS NOT NULL' }] }),
    );
    expect(run(fkWithoutIndex, d)).toHaveLength(1);
  });
});

describe('redundant-index', () => {
  const t = (indexes: NonNullable<TableSpec['indexes']>, unique?: string[][]) =>
    design({
      name: 't',
      columns: [
        ['id', 'bigint'],
        ['a', 'bigint'],
        ['b', 'bigint'],
      ],
      pk: ['id'],
      indexes,
      ...(unique ? { unique } : {}),
    });
  it('fires on an exact duplicate, once per pair, and on a prefix of another index', () => {
    const dup = t([{ columns: ['a'] }, { columns: ['a'] }]);
    expect(run(redundantIndex, dup).map((f) => f.message)).toEqual([
      expect.stringMatching(/t_i1_idx \(a\) on t duplicates the index t_i0_idx/),
    ]);
    const prefix = t([{ columns: ['a'] }, { columns: ['a', 'b'] }]);
    expect(run(redundantIndex, prefix).map((f) => f.message)).toEqual([
      expect.stringMatching(/index t_i0_idx \(a\).*redundant/),
    ]);
    expect(expectFixesResolve(redundantIndex, prefix)).toBe(1);
  });
  it('fires on an index repeating the primary key, and keeps the constraint', () => {
    const d = t([{ columns: ['id'] }]);
    expect(run(redundantIndex, d)[0]?.fix?.label).toBe('Drop index t_i0_idx');
  });
  it('keeps unique indexes that enforce something the longer key does not, partial and non-btree indexes', () => {
    expect(
      run(redundantIndex, t([{ columns: ['a'], unique: true }, { columns: ['a', 'b'] }])),
    ).toEqual([]);
    expect(
      run(redundantIndex, t([{ columns: ['a'], where: 'b > 0' }, { columns: ['a', 'b'] }])),
    ).toEqual([]);
    expect(
      run(redundantIndex, t([{ columns: ['a'], method: 'hash' }, { columns: ['a', 'b'] }])),
    ).toEqual([]);
    expect(run(redundantIndex, t([{ columns: ['b', 'a'] }, { columns: ['a', 'b'] }]))).toEqual([]);
  });
  it('reports a plain index beside a unique constraint on the same columns, not the constraint', () => {
    const f = run(redundantIndex, t([{ columns: ['a'] }], [['a']]));
    expect(f.map((x) => x.message)).toEqual([
      expect.stringMatching(/index t_i0_idx \(a\) on t duplicates the unique constraint t_u0_key/),
    ]);
  });
});

describe('nullable-unique-key', () => {
  it('fires on a multi-column unique key with a nullable column; the fix makes it NULLS NOT DISTINCT', () => {
    const d = design({
      name: 't',
      columns: [
        ['id', 'bigint'],
        ['a', 'bigint'],
        ['b', 'text', { nullable: true }],
      ],
      pk: ['id'],
      unique: [['a', 'b']],
    });
    expect(where(run(nullableUniqueKey, d))).toEqual(['t.b']);
    expect(expectFixesResolve(nullableUniqueKey, d)).toBe(1);
  });
  it('leaves single nullable unique columns and NOT NULL keys alone', () => {
    const d = design({
      name: 't',
      columns: [
        ['id', 'bigint'],
        ['a', 'bigint'],
        ['email', 'text', { nullable: true }],
      ],
      pk: ['id'],
      unique: [['email'], ['id', 'a']],
    });
    expect(run(nullableUniqueKey, d)).toEqual([]);
  });
});

describe('unnamed-constraint', () => {
  it('fires on constraints without a name and names them as PostgreSQL would', () => {
    const d = design(customers, orders());
    const o = d.tables.t_orders;
    if (!o) throw new Error('fixture');
    o.constraints = o.constraints.map(({ name: _name, ...k }) => k);
    const found = run(unnamedConstraint, d);
    expect(found.map((f) => f.fix?.label)).toEqual([
      'Name it orders_pkey',
      'Name it orders_customer_id_fkey',
    ]);
    expect(expectFixesResolve(unnamedConstraint, d)).toBe(2);
  });
  it('does not fire on named constraints', () => {
    expect(run(unnamedConstraint, design(customers, orders()))).toEqual([]);
  });
});

describe('fk-on-delete-unchosen', () => {
  it('fires on NO ACTION (the default), not on a chosen action', () => {
    const d = design(
      customers,
      orders({ fks: [[['customer_id'], 'customers', ['id'], { onDelete: 'noAction' }]] }),
    );
    expect(where(run(fkOnDeleteUnchosen, d))).toEqual(['orders.customer_id']);
    expect(run(fkOnDeleteUnchosen, design(customers, orders()))).toEqual([]);
  });
});

describe('fk-type-mismatch', () => {
  it('fires on integer referencing bigint; the fix changes the referencing column', () => {
    const d = design(
      customers,
      orders({
        columns: [
          ['id', 'bigint'],
          ['customer_id', 'int4'],
        ],
      }),
    );
    expect(run(fkTypeMismatch, d).map((f) => f.message)).toEqual([
      expect.stringMatching(/customer_id is int4 but references customers.id, which is bigint/),
    ]);
    expect(expectFixesResolve(fkTypeMismatch, d)).toBe(1);
  });
  it('accepts integer referencing serial, aliases, and varchar of any length referencing text', () => {
    const serial = design(
      { ...customers, columns: [['id', 'serial']] },
      orders({
        columns: [
          ['id', 'bigint'],
          ['customer_id', 'integer'],
        ],
      }),
    );
    expect(run(fkTypeMismatch, serial)).toEqual([]);
    const alias = design({ ...customers, columns: [['id', 'int8']] }, orders());
    expect(run(fkTypeMismatch, alias)).toEqual([]);
    const text = design(
      { ...customers, columns: [['id', 'text']] },
      orders({
        columns: [
          ['id', 'bigint'],
          ['customer_id', 'character varying(20)'],
        ],
      }),
    );
    expect(run(fkTypeMismatch, text)).toEqual([]);
  });
  it('accepts spellings PostgreSQL stores as the same type (modifiers included)', () => {
    const spelled = (refType: string, columnType: string) =>
      run(
        fkTypeMismatch,
        design(
          { ...customers, columns: [['id', refType]] },
          orders({
            columns: [
              ['id', 'bigint'],
              ['customer_id', columnType],
            ],
          }),
        ),
      );
    expect(spelled('numeric(10)', 'numeric(10,0)')).toEqual([]);
    expect(spelled('char', 'character(1)')).toEqual([]);
    expect(spelled('timestamptz(3)', 'timestamp(3) with time zone')).toEqual([]);
    expect(spelled('numeric(10)', 'numeric(12)')).toHaveLength(1);
  });
});
