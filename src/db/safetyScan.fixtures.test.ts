import { describe, expect, it } from 'vitest';
import { generateDdl } from '../core/sql/generateDdl';
import { ALL_FIXTURE_NAMES, fixtureDesign } from '../test/fixtureDesigns';
import { loadParser } from './import/pgParser';
import { scanStatements } from './safetyScan';

/**
 * No false alarm on real work: the DDL the studio generates for every real schema (what the
 * checker scans before running it) has no statement flagged as dangerous. musicbrainz's C wrapper
 * of unaccent was one, and made the design unacceptable.
 */
describe('the safety scan on every fixture design', () => {
  it.each(ALL_FIXTURE_NAMES)(
    '%s: nothing flagged',
    async (name) => {
      const parser = await loadParser();
      const ddl = generateDdl(await fixtureDesign(name));
      const flagged = [...scanStatements(parser, ddl.statements)].map(
        ([i, d]) => `${ddl.statements[i]?.sql.slice(0, 120)}: ${d.map((x) => x.reason).join(' ')}`,
      );
      expect(flagged).toEqual([]);
    },
    240_000,
  );
});
