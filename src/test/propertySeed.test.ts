import { describe, expect, it } from 'vitest';
import { FIXED_PROPERTY_SEED, propertyParameters, propertySeed } from './propertySeed';

describe('propertySeed', () => {
  it('is fixed unless PROPERTY_SEED asks for random or a given seed', () => {
    expect(propertySeed(undefined)).toBe(FIXED_PROPERTY_SEED);
    expect(propertySeed('')).toBe(FIXED_PROPERTY_SEED);
    expect(propertySeed('random')).toBeUndefined();
    expect(propertySeed('-1234')).toBe(-1234);
    expect(() => propertySeed('soon')).toThrow('PROPERTY_SEED must be an integer or "random"');
  });

  it('adds the seed to the parameters it is given', () => {
    const expected = propertySeed(process.env.PROPERTY_SEED);
    expect(propertyParameters({ numRuns: 5 })).toEqual(
      expected === undefined ? { numRuns: 5 } : { numRuns: 5, seed: expected },
    );
  });
});
