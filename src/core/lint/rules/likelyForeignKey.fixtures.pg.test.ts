import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../../test/fixtureDesigns';
import { snapshotFactory, type CreateDb } from '../../../test/fidelity';
import { run } from '../../../test/lintDesigns';
import { loadDesign } from '../../../test/sampleDb';
import { foreignKeysOf } from '../../model/design';
import { checkIntegrity } from '../../model/integrity';
import type { Design } from '../../model/schema';
import { fixAllOfRule } from '../fixAll';
import { likelyForeignKey } from './likelyForeignKey';

/**
 * The rule on real schemas: gisia (GitLab-derived Rails, 87 tables, 6 foreign keys) relates its
 * tables by `*_id` columns; schemas that declare their keys (pagila, musicbrainz) get nothing.
 */

const foreignKeyCount = (d: Design) =>
  Object.values(d.tables).reduce((n, t) => n + foreignKeysOf(t).length, 0);

/** `table.column -> target.column` of each finding's fix, applied alone. */
function guesses(d: Design): string[] {
  return run(likelyForeignKey, d).map((f) => {
    const after = f.fix?.apply(d).tables[f.tableId];
    const fk = after && foreignKeysOf(after).find((k) => k.columnIds[0] === f.columnId);
    const target = fk && d.tables[fk.refTableId];
    const column = target?.columns.find((c) => c.id === fk?.refColumnIds[0]);
    return `${f.table}.${f.column} -> ${target ? `${target.name}.${column?.name}` : 'no fix'}`;
  });
}

let createDb: CreateDb;
beforeAll(async () => {
  createDb = await snapshotFactory();
});

describe('likely-foreign-key on real schemas', () => {
  it('gisia: 99 findings, every one fixable, fix all accepted by PostgreSQL', async () => {
    const d = await fixtureDesign('gisia');
    const found = guesses(d);
    expect(found).toHaveLength(99);
    expect(found).toEqual(
      expect.arrayContaining([
        'merge_request_diffs.project_id -> projects.id',
        'merge_request_diffs.merge_request_id -> merge_requests.id',
        'ci_pipelines.project_id -> projects.id',
        // Rails' namespace: Ci::BuildNeed belongs_to :build is Ci::Build.
        'ci_build_needs.build_id -> ci_builds.id',
        'ci_builds.stage_id -> ci_stages.id',
        // A tree: namespaces.parent_id.
        'namespaces.parent_id -> namespaces.id',
        'work_items.parent_id -> work_items.id',
      ]),
    );
    const places = found.map((g) => g.split(' -> ')[0] ?? g);
    // No table answers to author, or to commit as GitLab's legacy ci_builds.commit_id means it.
    expect(places).not.toContain('merge_requests.author_id');
    expect(places).not.toContain('ci_builds.commit_id');
    // Polymorphic pairs are polymorphic-association's: notes.noteable_id beside noteable_type.
    expect(places).not.toContain('notes.noteable_id');
    // Partitions of notes and activities take their parent's keys.
    expect(
      places.filter((p) => /^(issue|epic|merge_request)_(notes|activities)\./.test(p)),
    ).toEqual([]);

    const result = fixAllOfRule(d, likelyForeignKey.id);
    expect(result).toMatchObject({ applied: 99, skipped: 0, remaining: 0 });
    expect(checkIntegrity(result.design)).toBeUndefined();
    expect(foreignKeyCount(result.design)).toBe(foreignKeyCount(d) + 99);
    expect(run(likelyForeignKey, result.design)).toEqual([]);

    const { db, ddlErrors } = await loadDesign(createDb, result.design);
    try {
      expect(ddlErrors).toEqual([]);
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND conparentid = 0",
      );
      expect(rows[0]?.n).toBe(foreignKeyCount(d) + 99);
    } finally {
      await db.close();
    }
  }, 300_000);

  it('danbooru: an integer copy of a bigint key is reported with no fix', async () => {
    const findings = run(likelyForeignKey, await fixtureDesign('danbooru'));
    const mismatch = findings.filter((f) => !f.fix);
    expect(mismatch.map((f) => `${f.table}.${f.column}`)).toEqual(['ai_tags.media_asset_id']);
    expect(mismatch[0]?.message).toContain(
      'media_asset_id is integer and media_assets.id is bigint',
    );
  }, 120_000);

  it.each(['pagila', 'musicbrainz', 'chinook', 'adventureworks', 'sanbase', 'zync'])(
    '%s declares its keys: no findings',
    async (name) => {
      expect(guesses(await fixtureDesign(name))).toEqual([]);
    },
    120_000,
  );
});
