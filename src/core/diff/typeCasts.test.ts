import { describe, expect, it } from 'vitest';
import { castIsImplicit, typeChangeCost } from './typeCasts';

describe('typeChangeCost', () => {
  it('reads every spelling of a type alike', () => {
    expect(typeChangeCost('character varying(10)', 'varchar(20)')).toEqual({
      rewritesTable: false,
    });
    expect(typeChangeCost('timestamp(3) with time zone', 'timestamptz(6)')).toEqual({
      rewritesTable: false,
    });
    expect(typeChangeCost('int4[]', 'int8[]')).toEqual({ rewritesTable: true });
    expect(castIsImplicit('numeric(10,2)', 'decimal(12,2)')).toBe(true);
  });

  it('counts narrowing as a rewrite that may lose values', () => {
    expect(typeChangeCost('varchar(20)', 'varchar(10)')).toMatchObject({
      rewritesTable: true,
      loses: expect.any(String),
    });
    // Interval fields narrow the values (a day-to-second interval loses its days).
    expect(typeChangeCost('interval', 'interval year to month')).toMatchObject({
      rewritesTable: true,
      loses: expect.any(String),
    });
    expect(typeChangeCost('integer[]', 'integer')).toMatchObject({ rewritesTable: true });
  });
});
