import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../model/integrity';
import { fixAllOfRule } from './fixAll';
import { groupFindings } from './groupFindings';
import { lintDesign } from './lintDesign';
import { design, messyDesign } from '../../test/lintDesigns';

describe('fixAllOfRule', () => {
  it('applies every fix of the rule, each on the design the previous ones left', () => {
    const result = fixAllOfRule(messyDesign(), 'prefer-timestamptz');
    expect(result).toMatchObject({ applied: 2, skipped: 0, remaining: 0 });
    expect(lintDesign(result.design).filter((f) => f.rule === 'prefer-timestamptz')).toEqual([]);
    // Nothing left to do: a second "fix all" changes nothing.
    expect(fixAllOfRule(result.design, 'prefer-timestamptz')).toMatchObject({
      applied: 0,
      skipped: 0,
    });
  });

  it('skips a finding an earlier fix already resolved, instead of fixing it twice', () => {
    // The referencing column follows its key to text: fixing the key resolves both findings, and
    // fixing the copy again would add a second CHECK.
    const d = design(
      { name: 'account', columns: [['code', 'varchar(20)']], pk: ['code'] },
      {
        name: 'invoice',
        columns: [
          ['id', 'bigint', { identity: 'always' }],
          ['account_code', 'varchar(20)'],
        ],
        pk: ['id'],
        fks: [[['account_code'], 'account', ['code']]],
      },
    );
    expect(lintDesign(d).filter((f) => f.rule === 'prefer-text')).toHaveLength(2);
    const result = fixAllOfRule(d, 'prefer-text');
    expect(result).toMatchObject({ applied: 1, skipped: 1, remaining: 0 });
    expect(
      result.design.tables.t_invoice?.columns.find((c) => c.name === 'account_code')?.type,
    ).toBe('text');
    const checks = Object.values(result.design.tables).flatMap((t) =>
      t.constraints.filter((k) => k.kind === 'check'),
    );
    expect(checks).toHaveLength(1);
    expect(checkIntegrity(result.design)).toBeUndefined();
  });

  it('matches findings whose message an earlier fix changed (counts), by their fix', () => {
    // "3 of 5 tables have created_at": the count grows as the column is added to each table.
    const result = fixAllOfRule(messyDesign(), 'missing-convention-column');
    expect(result).toMatchObject({ applied: 2, skipped: 0, remaining: 0 });
    const added = Object.values(result.design.tables).flatMap((t) =>
      t.columns.filter((c) => c.id.startsWith('c_lint_')),
    );
    // The review's own advice, not the majority's timestamp: prefer-timestamptz must not flag it.
    expect(added.map((c) => c.type)).toEqual(['timestamptz', 'timestamptz']);
  });

  it('leaves the design alone for an unknown rule or one without fixes', () => {
    const d = messyDesign();
    expect(fixAllOfRule(d, 'no-such-rule').design).toBe(d);
    expect(fixAllOfRule(d, 'missing-table-comment')).toMatchObject({ design: d, applied: 0 });
  });
});

describe('groupFindings', () => {
  it('one group per rule with its count, errors first, then warnings, then infos', () => {
    const d = messyDesign();
    const findings = lintDesign(d);
    const groups = groupFindings(findings);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(findings.length);
    expect(new Set(groups.map((g) => g.rule)).size).toBe(groups.length);
    const ranks = groups.map((g) => ({ error: 0, warning: 1, info: 2 })[g.severity]);
    expect(ranks).toEqual([...ranks].sort());
    const ts = groups.find((g) => g.rule === 'prefer-timestamptz');
    expect(ts).toMatchObject({
      title: 'timestamp without time zone',
      severity: 'warning',
      fixable: 2,
    });
    expect(ts?.findings.map((f) => f.column)).toEqual(['created_at', 'created_at']);
  });
});

describe('fixes PostgreSQL would refuse are not offered', () => {
  it('no timestamptz fix for a column an index expression uses: date(col) is not immutable on timestamptz', () => {
    const d = design({
      name: 'visit',
      columns: [
        ['id', 'bigint', { identity: 'always' }],
        ['at', 'timestamp'],
        ['left_at', 'timestamp'],
      ],
      pk: ['id'],
    });
    const visit = d.tables.t_visit;
    visit?.indexes.push({
      id: 'i_day',
      name: 'visit_day_idx',
      unique: false,
      method: 'btree',
      elements: [{ kind: 'expression', expression: 'date(at)' }],
      include: [],
    });
    const found = lintDesign(d).filter((f) => f.rule === 'prefer-timestamptz');
    expect(found.map((f) => [f.column, Boolean(f.fix)])).toEqual([
      ['at', false],
      ['left_at', true],
    ]);
    expect(fixAllOfRule(d, 'prefer-timestamptz')).toMatchObject({ applied: 1, remaining: 0 });
  });

  it('a unique index is not redundant beside a DEFERRABLE unique constraint: foreign keys need the index', () => {
    const d = design({
      name: 'ticket',
      columns: [
        ['id', 'bigint', { identity: 'always' }],
        ['number', 'integer'],
      ],
      pk: ['id'],
      unique: [['number']],
      indexes: [{ columns: ['number'], unique: true }],
    });
    expect(lintDesign(d).filter((f) => f.rule === 'redundant-index')).toHaveLength(1);
    const ticket = d.tables.t_ticket;
    if (ticket)
      ticket.constraints = ticket.constraints.map((k) =>
        k.kind === 'unique' ? { ...k, deferrable: 'initiallyDeferred' } : k,
      );
    expect(lintDesign(d).filter((f) => f.rule === 'redundant-index')).toEqual([]);
  });
});
