import { afterAll, describe, expect, it } from 'vitest';
import { ALL_FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { freshDbFor } from '../../test/ormDb';
import { checkIntegrity } from '../model/integrity';
import type { Design } from '../model/schema';
import { generateDdl } from '../sql/generateDdl';
import { fixAllOfRule } from './fixAll';
import { lintDesign } from './lintDesign';
import { RULES } from './rules/index';
import { messyDesign } from '../../test/lintDesigns';
import type { Finding } from './types';

type PGlite = Awaited<ReturnType<typeof freshDbFor>>;

/**
 * "Fix all" of every rule, on every real-world fixture and on a design where most rules fire:
 * the rule's fixable findings go, no other rule finds something new where the fixes went (a fix
 * must follow the review's own advice: timestamptz, text, jsonb, identity...), and PostgreSQL
 * executes the fixed design's DDL.
 */

/**
 * Where a finding is, by rule and ids: messages carry counts other fixes change, and a rename
 * changes names, while ids stay.
 */
const place = (f: Finding) => `${f.rule}|${f.tableId}|${f.columnId ?? ''}`;

function tally(findings: Finding[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const f of findings) n.set(place(f), (n.get(place(f)) ?? 0) + 1);
  return n;
}

/** Findings of rules other than `ruleId` that `after` has more of, at their place, than `before`. */
function newFindings(before: Finding[], after: Finding[], ruleId: string): string[] {
  const was = tally(before);
  const now = tally(after.filter((f) => f.rule !== ruleId));
  return after
    .filter((f) => f.rule !== ruleId && (now.get(place(f)) ?? 0) > (was.get(place(f)) ?? 0))
    .map(
      (f) => `${f.rule} on ${f.column === null ? f.table : `${f.table}.${f.column}`}: ${f.message}`,
    );
}

/** Executes the DDL and rolls it back, so one database serves every rule of a fixture. */
async function expectPostgresAccepts(pg: PGlite, design: Design, what: string) {
  const ddl = generateDdl(design);
  expect(ddl.problems, what).toEqual([]);
  try {
    await pg.exec(`BEGIN;\n${ddl.text}\nROLLBACK;`);
  } catch (e) {
    await pg.exec('ROLLBACK;').catch(() => undefined);
    const { message, position } = e as { message: string; position?: string };
    const at = Number(position ?? 0) - 'BEGIN;\n'.length;
    throw new Error(`${what}: ${message}\n…${ddl.text.slice(Math.max(0, at - 200), at + 100)}…`, {
      cause: e,
    });
  }
}

async function checkEveryRule(design: Design, pg: PGlite) {
  const before = lintDesign(design);
  let fixedRules = 0;
  for (const rule of RULES) {
    if (!before.some((f) => f.rule === rule.id && f.fix)) continue;
    const result = fixAllOfRule(design, rule.id);
    const after = lintDesign(result.design);
    expect(result.applied, rule.id).toBeGreaterThan(0);
    expect(
      after.filter((f) => f.rule === rule.id && f.fix).map((f) => f.message),
      rule.id,
    ).toEqual([]);
    expect(result.remaining, rule.id).toBe(0);
    expect(
      newFindings(before, after, rule.id),
      `new findings after fixing every ${rule.id}`,
    ).toEqual([]);
    expect(checkIntegrity(result.design), rule.id).toBeUndefined();
    await expectPostgresAccepts(pg, result.design, `after fixing every ${rule.id}`);
    fixedRules++;
  }
  return fixedRules;
}

describe('fix all of a rule', () => {
  let pg: PGlite | undefined;
  afterAll(async () => pg?.close());

  it('the oracle can fail: a fix that adds a timestamp column is caught', () => {
    const d = messyDesign();
    const before = lintDesign(d);
    const t = d.tables.t_extra;
    if (!t) throw new Error('messyDesign lost its extra table');
    const broken = {
      ...d,
      tables: {
        ...d.tables,
        t_extra: {
          ...t,
          columns: [
            ...t.columns,
            { id: 'c_x', name: 'seen_at', type: 'timestamp(6) without time zone', nullable: true },
          ],
        },
      },
    };
    expect(newFindings(before, lintDesign(broken), 'missing-convention-column')).toEqual([
      expect.stringMatching(/^prefer-timestamptz on extra.seen_at: /),
    ]);
  });

  it('a design where most rules fire', async () => {
    const d = messyDesign();
    pg = await freshDbFor(d);
    expect(await checkEveryRule(d, pg)).toBeGreaterThan(8);
  }, 120_000);

  for (const name of ALL_FIXTURE_NAMES) {
    it(
      name,
      async () => {
        const d = await fixtureDesign(name);
        const db = await freshDbFor(d);
        try {
          await checkEveryRule(d, db);
        } finally {
          await db.close();
        }
      },
      300_000,
    );
  }
});
