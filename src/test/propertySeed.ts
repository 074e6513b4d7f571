import type { Parameters } from 'fast-check';

/**
 * The seed every property test runs with in `npm test`: the same cases on every machine and every
 * run, so CI fails only when the code changed. Searching new cases is a separate command.
 */
export const FIXED_PROPERTY_SEED = 20_251_122;

/**
 * The seed asked for by `PROPERTY_SEED`: unset, the fixed one; `random`, none (fast-check draws
 * one and prints it with any counterexample: `npm run test:property:random`); an integer, that one
 * (to replay a printed failure).
 */
export function propertySeed(env: string | undefined): number | undefined {
  const value = env?.trim();
  if (value === undefined || value === '') return FIXED_PROPERTY_SEED;
  if (value === 'random') return undefined;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed))
    throw new Error(`PROPERTY_SEED must be an integer or "random" (not "${env}").`);
  return seed;
}

/** fast-check parameters with the seed `PROPERTY_SEED` asks for; pass them to every `fc.assert`. */
export function propertyParameters<T>(params: Parameters<T> = {}): Parameters<T> {
  const seed = propertySeed(process.env.PROPERTY_SEED);
  return seed === undefined ? params : { ...params, seed };
}
