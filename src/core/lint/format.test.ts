import { describe, expect, it } from 'vitest';
import { runLint } from '../../cli/lint';
import { formatFindings } from './format';
import { lintDesign } from './lintDesign';
import { RULES } from './rules/index';
import { design } from '../../test/lintDesigns';

const sample = () =>
  design(
    {
      name: 'orders',
      schemaId: 's_shop',
      columns: [
        ['id', 'integer'],
        ['total', 'real'],
      ],
    },
    {
      name: 'notes',
      columns: [
        ['id', 'bigint'],
        ['body', 'json'],
      ],
      pk: ['id'],
    },
  );
const withShop = () => {
  const d = sample();
  return { ...d, schemas: { ...d.schemas, s_shop: { id: 's_shop', name: 'shop' } } };
};

describe('formatFindings', () => {
  it('text: one line per finding with severity, place, message and rule, then a count', () => {
    const text = formatFindings(lintDesign(withShop()), 'text');
    expect(text).toMatch(/^warning notes\.body {2,}body is json\. Use jsonb/m);
    expect(text).toMatch(/^error {3}shop\.orders {2,}shop\.orders has no primary key\./m);
    expect(text).toMatch(/\[no-primary-key\]\n/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 findings: 1 error, 2 warnings, 0 info.');
    expect(formatFindings([], 'text')).toBe('The review found nothing to report.\n');
  });

  it('json: plain data, null column for table-level findings, the fix as its label', () => {
    const json = JSON.parse(formatFindings(lintDesign(withShop()), 'json')) as Array<
      Record<string, unknown>
    >;
    expect(json[1]).toEqual({
      rule: 'no-primary-key',
      severity: 'error',
      table: 'shop.orders',
      column: null,
      message: expect.stringContaining('has no primary key'),
      tableId: 't_orders',
      columnId: null,
      fix: null,
    });
    expect(json[0]).toMatchObject({ table: 'notes', column: 'body', fix: 'Change body to jsonb' });
  });

  it('sarif: a 2.1.0 log with the rules and results at logical locations', () => {
    const log = JSON.parse(formatFindings(lintDesign(withShop()), 'sarif'));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.rules).toHaveLength(RULES.length);
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'no-primary-key',
      shortDescription: { text: expect.any(String) },
      fullDescription: { text: expect.any(String) },
      help: { text: expect.stringContaining('Practice:') },
      defaultConfiguration: { level: 'error' },
    });
    expect(run.tool.driver.rules.some((r: { helpUri?: string }) => r.helpUri)).toBe(false);
    const levels = run.results.map((r: { level: string }) => r.level);
    expect(levels).toEqual(['warning', 'error', 'warning']);
    expect(run.results[0].locations[0].logicalLocations[0]).toEqual({
      name: 'body',
      fullyQualifiedName: 'public.notes.body',
      kind: 'column',
    });
    expect(run.results[1].locations[0].logicalLocations[0]).toEqual({
      name: 'orders',
      fullyQualifiedName: 'shop.orders',
      kind: 'table',
    });
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.message.text.length).toBeGreaterThan(0);
    }
  });

  it('info findings are SARIF notes', () => {
    const d = design({
      name: 't',
      columns: [
        ['id', 'bigint'],
        ['flag', 'boolean', { nullable: true }],
      ],
      pk: ['id'],
    });
    const log = JSON.parse(formatFindings(lintDesign(d), 'sarif'));
    expect(log.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['note']);
  });
});

describe('runLint', () => {
  it('exits 1 when there is an error-level finding, 0 otherwise', async () => {
    const bad = await runLint(withShop(), 'json');
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.output)).toHaveLength(3);
    const ok = await runLint(
      design({ name: 't', columns: [['id', 'bigint', { identity: 'always' }]], pk: ['id'] }),
      'text',
    );
    expect(ok).toEqual({ output: 'The review found nothing to report.\n', exitCode: 0 });
  });
});
