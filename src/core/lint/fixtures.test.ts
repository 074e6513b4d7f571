import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { formatFindings } from './format';
import { lintDesign } from './lintDesign';
import { RULES } from './rules/index';
import { expectFixesResolve } from './testing';

/** Run with UPDATE_GOLDEN=1 to rewrite the expected findings from the current rules. */
const update = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = new URL('./__golden__/pagila.json', import.meta.url);

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
    if (update || !existsSync(GOLDEN)) {
      mkdirSync(new URL('./__golden__/', import.meta.url), { recursive: true });
      writeFileSync(GOLDEN, text);
    }
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  }, 120_000);
});
