import { describe, expect, it } from 'vitest';
import {
  ALL_FIXTURE_NAMES,
  FIXTURE_NAMES,
  PROJECT_FIXTURE_NAMES,
  fixtureDesign,
  fixtureSql,
} from './fixtureDesigns';

describe('fixture designs', () => {
  it('finds the real-world fixtures and imports pagila with its tables', async () => {
    expect(FIXTURE_NAMES).toContain('pagila');
    const pagila = await fixtureDesign('pagila');
    const names = Object.values(pagila.tables).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['actor', 'film', 'rental', 'payment']));
  });

  it("lists the project's own fixtures beside the shared ones, under names of their own", () => {
    expect(PROJECT_FIXTURE_NAMES).toEqual(
      expect.arrayContaining(['danbooru', 'fk-onto-unique-index', 'lago', 'zync']),
    );
    expect(PROJECT_FIXTURE_NAMES.filter((n) => FIXTURE_NAMES.includes(n))).toEqual([]);
    expect(PROJECT_FIXTURE_NAMES.some((n) => n.endsWith('.pglite'))).toBe(false);
    expect(ALL_FIXTURE_NAMES).toEqual([...FIXTURE_NAMES, ...PROJECT_FIXTURE_NAMES]);
    expect(fixtureSql('danbooru')).toContain(
      'CREATE UNIQUE INDEX index_login_sessions_on_login_id',
    );
  });

  it("imports a project fixture: the Rails foreign key onto a unique index's column", async () => {
    const design = await fixtureDesign('fk-onto-unique-index');
    const events = Object.values(design.tables).find((t) => t.name === 'user_events');
    expect(events?.constraints).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'foreignKey', name: 'fk_rails_89475bdf6f' }),
      ]),
    );
  });
});
