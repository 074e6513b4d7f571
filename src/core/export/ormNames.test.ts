import { describe, expect, it } from 'vitest';
import { camelCase, claimIdentifier, pascalCase, postgresDefaultName } from './ormNames';
import { classifyDefault, parseOrmType } from './ormTypes';

describe('ORM names', () => {
  it('turns database names into identifiers', () => {
    expect(pascalCase('order_items')).toBe('OrderItems');
    expect(camelCase('ID')).toBe('id');
    expect(camelCase('launch pad')).toBe('launchPad');
    const taken = new Set<string>();
    expect(claimIdentifier('🚀', taken, new Set(), 'table')).toBe('table');
    expect(claimIdentifier('1st', taken, new Set(), 'value')).toBe('value_1st');
    expect(claimIdentifier('class', taken, new Set(['class']), 'x')).toBe('class_2');
  });

  it('names unnamed constraints as PostgreSQL does, cutting the longer part to fit 63 bytes', () => {
    expect(postgresDefaultName('orders', ['customer_id'], 'fkey')).toBe('orders_customer_id_fkey');
    const long = postgresDefaultName('a'.repeat(60), ['b'.repeat(10)], 'key');
    expect(long).toBe(`${'a'.repeat(48)}_${'b'.repeat(10)}_key`);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(63);
  });
});

describe('ORM types', () => {
  const enums = new Map();
  it('reads PostgreSQL type spellings', () => {
    expect(parseOrmType('timestamp(3) with time zone', enums)).toMatchObject({
      base: 'timestamptz',
      args: [3],
      dims: 0,
    });
    expect(parseOrmType('character varying(40)[]', enums)).toMatchObject({
      base: 'varchar',
      args: [40],
      dims: 1,
    });
    expect(parseOrmType('numeric(12,2)', enums)).toMatchObject({ base: 'numeric', args: [12, 2] });
    expect(parseOrmType('bigserial', enums)).toMatchObject({ base: 'bigint', serial: true });
  });

  it('classifies defaults, keeping anything uncertain as SQL', () => {
    const text = parseOrmType('text', enums);
    expect(classifyDefault("'it''s'::text", text)).toEqual({ kind: 'string', value: "it's" });
    expect(classifyDefault('now()', parseOrmType('timestamptz', enums))).toEqual({ kind: 'now' });
    expect(classifyDefault("nextval('a_seq'::regclass)", parseOrmType('integer', enums))).toEqual({
      kind: 'sequence',
    });
    expect(classifyDefault("'{}'::jsonb", parseOrmType('jsonb', enums))).toEqual({
      kind: 'expression',
      sql: "'{}'::jsonb",
    });
    expect(classifyDefault("E'a\\\\b'::text", text).kind).toBe('expression');
  });
});
