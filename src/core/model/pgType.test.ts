import { describe, expect, it } from 'vitest';
import {
  canonicalType,
  isSerial,
  parsePgType,
  plainType,
  sameType,
  shortBaseName,
  shortSpelling,
} from './pgType';

describe('parsePgType', () => {
  it('takes a type apart into base, modifiers, fields and array dimensions', () => {
    expect(parsePgType('timestamp(3) WITH time zone[]')).toMatchObject({
      understood: true,
      name: 'timestamp with time zone',
      modifiers: [3],
      arrayDims: 1,
      serial: false,
      element: 'timestamp(3) WITH time zone',
    });
    expect(parsePgType('numeric( 12 , 2 )')).toMatchObject({ name: 'numeric', modifiers: [12, 2] });
    expect(parsePgType('int ARRAY[3]')).toMatchObject({
      name: 'integer',
      arrayDims: 1,
      element: 'int',
    });
    expect(parsePgType('integer[][]').arrayDims).toBe(2);
    expect(parsePgType('interval day to second(3)')).toMatchObject({
      name: 'interval',
      fields: 'day to second',
      modifiers: [3],
    });
  });

  it('keeps the schema of user types and drops pg_catalog from built-ins', () => {
    expect(parsePgType('billing."Money Kind"[]')).toMatchObject({
      name: 'Money Kind',
      schema: 'billing',
      arrayDims: 1,
      element: 'billing."Money Kind"',
    });
    expect(parsePgType('pg_catalog.int8')).toMatchObject({ name: 'bigint' });
    expect(parsePgType('pg_catalog.int8').schema).toBeUndefined();
  });

  it('reads serial pseudo-types as their integer type', () => {
    expect(parsePgType('BIGSERIAL')).toMatchObject({ name: 'bigint', serial: true });
    expect(isSerial('serial4')).toBe(true);
    expect(isSerial('smallserial')).toBe(true);
    expect(isSerial('integer')).toBe(false);
    expect(isSerial('myschema.serial')).toBe(false);
    expect(plainType('serial8')).toBe('bigint');
    expect(plainType('varchar(3)')).toBe('varchar(3)');
  });

  it('applies aliases only where PostgreSQL does', () => {
    // A quoted "char" is the one-byte internal type; a bare char is character(1).
    expect(canonicalType('"char"')).toBe('"char"');
    expect(canonicalType('char')).toBe('character(1)');
    // int is a keyword, not a catalog name: quoted or qualified, it is a user type.
    expect(canonicalType('"int"')).toBe('"int"');
    expect(canonicalType('other.int4')).toBe('other.int4');
  });

  it('falls back to the text for what it cannot read', () => {
    const t = parsePgType('geometry(Point, 4326)');
    expect(t.understood).toBe(false);
    expect(canonicalType('  Geometry(Point,  4326) ')).toBe('geometry(point, 4326)');
    expect(parsePgType('integer[').understood).toBe(false);
    expect(parsePgType('').understood).toBe(false);
  });

  it('compares spellings of the same type', () => {
    expect(sameType('timestamp(3) with time zone', 'timestamptz(3)')).toBe(true);
    expect(sameType('int4[]', 'integer[]')).toBe(true);
    expect(sameType('numeric(10)', 'numeric(10,0)')).toBe(true);
    expect(sameType('public.mood', 'mood')).toBe(true);
    expect(sameType('timestamptz(3)', 'timestamptz')).toBe(false);
    expect(sameType('other.mood', 'mood')).toBe(false);
    expect(sameType('varchar(10)', 'varchar(11)')).toBe(false);
  });

  it('writes the short spelling people use', () => {
    expect(shortSpelling('timestamp(3) with time zone')).toBe('timestamptz(3)');
    expect(shortSpelling('character varying(160)[]')).toBe('varchar(160)[]');
    expect(shortSpelling('character(2)')).toBe('char(2)');
    expect(shortSpelling('double precision')).toBe('double precision');
    expect(shortSpelling('double precision', { terse: true })).toBe('float8');
    expect(shortSpelling('Int4')).toBe('Int4');
    expect(shortSpelling('public.mood')).toBe('public.mood');
    expect(shortBaseName(parsePgType('character varying(3)'))).toBe('varchar');
    expect(shortBaseName(parsePgType('int4'))).toBe('integer');
  });
});
