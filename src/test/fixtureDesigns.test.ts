import { describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, fixtureDesign } from './fixtureDesigns';

describe('fixture designs', () => {
  it('finds the real-world fixtures and imports pagila with its tables', async () => {
    expect(FIXTURE_NAMES).toContain('pagila');
    const pagila = await fixtureDesign('pagila');
    const names = Object.values(pagila.tables).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['actor', 'film', 'rental', 'payment']));
  });
});
