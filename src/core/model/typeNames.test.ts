import { describe, expect, it } from 'vitest';
import { shortTypeName, typesMatchForReference } from './typeNames';

describe('type names', () => {
  it('shortens what Postgres prints, for the canvas', () => {
    expect(shortTypeName('timestamp with time zone')).toBe('timestamptz');
    expect(shortTypeName('time without time zone')).toBe('time');
    expect(shortTypeName('character varying(160)[]')).toBe('varchar(160)[]');
    expect(shortTypeName('double precision')).toBe('float8');
    expect(shortTypeName('public.mood')).toBe('public.mood');
    expect(shortTypeName('timestamp(3) with time zone')).toBe('timestamptz(3)');
  });

  it('compares spellings of the same type', () => {
    expect(typesMatchForReference('INT', 'integer')).toBe(true);
    expect(typesMatchForReference('varchar(20)', 'character varying(20)')).toBe(true);
    expect(typesMatchForReference('integer', 'serial')).toBe(true);
    expect(typesMatchForReference('bigint', 'serial')).toBe(false);
    expect(typesMatchForReference('int8', 'bigserial')).toBe(true);
    // Spellings that used to read as different types (false FK mismatch markers on the canvas).
    expect(typesMatchForReference('timestamp(3) with time zone', 'timestamptz(3)')).toBe(true);
    expect(typesMatchForReference('int4[]', 'integer[]')).toBe(true);
  });
});
