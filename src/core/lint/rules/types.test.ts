import { describe, expect, it } from 'vitest';
import { generateDdl } from '../../sql/generateDdl';
import { design, expectFixesResolve, run, where, type TableSpec } from '../../../test/lintDesigns';
import { integerPrimaryKey } from './integerPrimaryKey';
import { moneyType } from './moneyType';
import { nullableBoolean } from './nullableBoolean';
import { preferIdentity } from './preferIdentity';
import { preferJsonb } from './preferJsonb';
import { preferText } from './preferText';
import { preferTextOverChar } from './preferTextOverChar';
import { preferTimestamptz } from './preferTimestamptz';
import { randomUuidKey } from './randomUuidKey';

const one = (columns: TableSpec['columns']) =>
  design({
    name: 't',
    columns: [['id', 'bigint', { identity: 'always' }], ...columns],
    pk: ['id'],
  });

describe('prefer-identity', () => {
  it('fires on serial types and nextval defaults; the fix makes an identity of the plain type', () => {
    const d = one([
      ['a', 'bigserial'],
      ['b', 'integer', { default: "nextval('t_b_seq'::regclass)" }],
    ]);
    expect(where(run(preferIdentity, d))).toEqual(['t.a', 't.b']);
    expect(expectFixesResolve(preferIdentity, d)).toBe(2);
    const fixed = run(preferIdentity, d)[0]?.fix?.apply(d);
    expect(fixed?.tables.t_t?.columns[1]).toMatchObject({ type: 'bigint', identity: 'byDefault' });
  });
  it('does not fire on identity columns or other defaults', () => {
    expect(run(preferIdentity, one([['a', 'bigint', { default: '0' }]]))).toEqual([]);
  });
});

describe('integer-primary-key', () => {
  it('fires on an integer key; the fix widens it and the columns referencing it', () => {
    const d = design(
      { name: 'p', columns: [['id', 'serial']], pk: ['id'] },
      {
        name: 'c',
        columns: [
          ['id', 'bigint'],
          ['p_id', 'integer'],
        ],
        pk: ['id'],
        fks: [[['p_id'], 'p', ['id']]],
      },
    );
    expect(where(run(integerPrimaryKey, d))).toEqual(['p.id']);
    expect(expectFixesResolve(integerPrimaryKey, d)).toBe(1);
    const fixed = run(integerPrimaryKey, d)[0]?.fix?.apply(d);
    expect(fixed?.tables.t_p?.columns[0]?.type).toBe('bigserial');
    expect(fixed?.tables.t_c?.columns[1]?.type).toBe('bigint');
  });
  it('leaves bigint, smallint and composite keys alone', () => {
    expect(run(integerPrimaryKey, one([]))).toEqual([]);
    expect(
      run(integerPrimaryKey, design({ name: 't', columns: [['id', 'smallint']], pk: ['id'] })),
    ).toEqual([]);
    expect(
      run(
        integerPrimaryKey,
        design({
          name: 't',
          columns: [
            ['a', 'integer'],
            ['b', 'integer'],
          ],
          pk: ['a', 'b'],
        }),
      ),
    ).toEqual([]);
  });
});

describe('random-uuid-key', () => {
  it('fires on a gen_random_uuid() key, not on uuidv7() or a non-key column', () => {
    const d = design({
      name: 't',
      columns: [
        ['id', 'uuid', { default: 'gen_random_uuid()' }],
        ['token', 'uuid', { default: 'gen_random_uuid()' }],
      ],
      pk: ['id'],
    });
    expect(where(run(randomUuidKey, d))).toEqual(['t.id']);
    expect(expectFixesResolve(randomUuidKey, d)).toBe(1);
    expect(
      run(
        randomUuidKey,
        design({ name: 't', columns: [['id', 'uuid', { default: 'uuidv7()' }]], pk: ['id'] }),
      ),
    ).toEqual([]);
  });
});

describe('prefer-timestamptz', () => {
  it('fires on every spelling of timestamp without time zone, keeping precision', () => {
    const d = one([
      ['a', 'timestamp'],
      ['b', 'timestamp(6) without time zone'],
      ['c', 'timestamp without time zone[]'],
      ['d', 'timestamptz'],
      ['e', 'timestamp with time zone'],
    ]);
    const found = run(preferTimestamptz, d);
    expect(where(found)).toEqual(['t.a', 't.b', 't.c']);
    expect(found.map((f) => f.fix?.label)).toEqual([
      'Change a to timestamptz',
      'Change b to timestamptz(6)',
      'Change c to timestamptz[]',
    ]);
    expect(expectFixesResolve(preferTimestamptz, d)).toBe(3);
  });
});

describe('prefer-jsonb', () => {
  it('fires on json, not jsonb', () => {
    const d = one([
      ['a', 'json'],
      ['b', 'jsonb'],
    ]);
    expect(where(run(preferJsonb, d))).toEqual(['t.a']);
    expect(expectFixesResolve(preferJsonb, d)).toBe(1);
  });
});

describe('money-type', () => {
  it('fires on floats named like money and on the money type', () => {
    const d = one([
      ['unit_price', 'real'],
      ['totalAmount', 'double precision'],
      ['fee', 'money'],
      ['weight', 'real'],
      ['price', 'numeric(12,2)'],
    ]);
    expect(where(run(moneyType, d))).toEqual(['t.unit_price', 't.totalAmount', 't.fee']);
    expect(expectFixesResolve(moneyType, d)).toBe(3);
  });
});

describe('prefer-text', () => {
  it('fires on varchar(n) and keeps the limit as a CHECK when fixed', () => {
    const d = one([
      ['code', 'character varying(10)'],
      ['name', 'varchar'],
      ['body', 'text'],
    ]);
    expect(where(run(preferText, d))).toEqual(['t.code', 't.name']);
    expect(expectFixesResolve(preferText, d)).toBe(2);
    const fixed = run(preferText, d)[0]?.fix?.apply(d);
    expect(fixed?.tables.t_t?.constraints.at(-1)).toMatchObject({
      kind: 'check',
      name: 't_code_check',
      expression: 'char_length(code) <= 10',
    });
    if (fixed)
      expect(generateDdl(fixed).text).toContain(
        'CONSTRAINT t_code_check CHECK (char_length(code) <= 10)',
      );
  });
  it('on a foreign key column, changes the key it copies so the types keep matching', () => {
    const d = design(
      { name: 'country', columns: [['code', 'varchar(2)']], pk: ['code'] },
      {
        name: 'city',
        columns: [
          ['id', 'bigint'],
          ['country_code', 'varchar(2)'],
        ],
        pk: ['id'],
        fks: [[['country_code'], 'country', ['code']]],
      },
    );
    const fixed = run(preferText, d)
      .find((f) => f.table === 'city')
      ?.fix?.apply(d);
    expect(fixed?.tables.t_country?.columns[0]?.type).toBe('text');
    expect(fixed?.tables.t_city?.columns[1]?.type).toBe('text');
    expect(fixed && run(preferText, fixed)).toEqual([]);
  });
});

describe('prefer-text-over-char', () => {
  it('fires on char(n) and bare character, not on "char"', () => {
    const d = one([
      ['iso', 'character(2)'],
      ['flag', 'char'],
      ['internal', '"char"'],
    ]);
    expect(where(run(preferTextOverChar, d))).toEqual(['t.iso', 't.flag']);
    expect(expectFixesResolve(preferTextOverChar, d)).toBe(2);
  });
});

describe('nullable-boolean', () => {
  it('fires on a nullable boolean, not on NOT NULL ones', () => {
    const d = one([
      ['active', 'boolean', { nullable: true }],
      ['deleted', 'bool'],
    ]);
    expect(where(run(nullableBoolean, d))).toEqual(['t.active']);
    expect(expectFixesResolve(nullableBoolean, d)).toBe(1);
  });
});

describe('type fixes on partitioned tables', () => {
  it('change the parent and its partitions together, keeping serial only where it was', () => {
    const d = design(
      {
        name: 'p',
        columns: [
          ['id', 'serial'],
          ['at', 'timestamp'],
        ],
        pk: ['id', 'at'],
        extra: { partitionBy: 'RANGE (at)' },
      },
      {
        name: 'p1',
        columns: [
          ['id', 'integer'],
          ['at', 'timestamp'],
        ],
        pk: ['id', 'at'],
        extra: { partitionOf: { tableId: 't_p', bound: 'DEFAULT' } },
      },
    );
    const found = run(preferTimestamptz, d);
    expect(where(found)).toEqual(['p.at']);
    const fixed = found[0]?.fix?.apply(d);
    expect(fixed?.tables.t_p1?.columns[1]?.type).toBe('timestamptz');
    expect(expectFixesResolve(preferTimestamptz, d)).toBe(1);
  });
});
