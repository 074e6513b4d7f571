import { describe, expect, it } from 'vitest';
import { normalizeType, shortTypeName, typesMatchForReference } from './typeNames';

describe('type names', () => {
  it('shortens what Postgres prints, for the canvas', () => {
    expect(shortTypeName('timestamp with time zone')).toBe('timestamptz');
    expect(shortTypeName('time without time zone')).toBe('time');
    expect(shortTypeName('character varying(160)[]')).toBe('varchar(160)[]');
    expect(shortTypeName('double precision')).toBe('float8');
    expect(shortTypeName('public.mood')).toBe('public.mood');
  });

  it('compares spellings of the same type', () => {
    expect(normalizeType('INT')).toBe('integer');
    expect(normalizeType('varchar(20)')).toBe('character varying(20)');
    expect(typesMatchForReference('integer', 'serial')).toBe(true);
    expect(typesMatchForReference('bigint', 'serial')).toBe(false);
    expect(typesMatchForReference('int8', 'bigserial')).toBe(true);
  });
});
