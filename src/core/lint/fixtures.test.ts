import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { expectGolden } from '../../test/golden';
import { formatFindings } from './format';
import { lintDesign } from './lintDesign';
import { RULES } from './rules/index';
import { expectFixesResolve } from '../../test/lintDesigns';

const GOLDEN = fileURLToPath(new URL('./__golden__/pagila.json', import.meta.url));

describe('the review on real-world schemas', () => {
  for (const name of FIXTURE_NAMES) {
    it(`${name}: every rule runs, findings point at real tables, and fixes resolve them`, async () => {
      const design = await fixtureDesign(name);
      const findings = lintDesign(design);
      for (const f of findings) {
        const table = design.tables[f.tableId];
        expect(table, f.message).toBeDefined();
        if (f.columnId) expect(table?.columns.some((c) => c.id === f.columnId)).toBe(true);
        expect(f.message.length).toBeGreaterThan(20);
      }
      expect(formatFindings(findings, 'json')).toBe(formatFindings(lintDesign(design), 'json'));
      // A few fixes of each rule, applied to the real design: each must leave valid, generatable DDL.
      for (const rule of RULES) expectFixesResolve(rule, design, 2);
    }, 120_000);
  }

  it('pagila: the findings match the golden file', async () => {
    const text = formatFindings(lintDesign(await fixtureDesign('pagila')), 'json');
    expectGolden(GOLDEN, text);
  }, 120_000);
});
