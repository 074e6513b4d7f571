import { describe, expect, it } from 'vitest';
import { lintDesign } from '../lint';
import { exampleDocument } from '../model';
import { setRuleEnabled } from './review';
import { addTable } from './tables';

// The example design is clean; a table of `money` without a primary key gives the review work.
const design = addTable(exampleDocument().design, {
  id: 't_ledger',
  name: 'ledger',
  columns: [{ id: 'c_ledger_amount', name: 'amount', type: 'money', nullable: false }],
});

describe('setRuleEnabled', () => {
  it('switches a rule off and on again, and the review follows', () => {
    const summary = (d: typeof design) => lintDesign(d).map((f) => `${f.rule}: ${f.message}`);
    const found = lintDesign(design);
    const rule = found[0]?.rule;
    expect(rule, 'the example design needs a finding for this test to mean anything').toBeDefined();
    const off = setRuleEnabled(design, rule!, false);
    expect(off.review?.disabledRules).toEqual([rule]);
    expect(lintDesign(off).some((f) => f.rule === rule)).toBe(false);
    const on = setRuleEnabled(off, rule!, true);
    expect(on.review?.disabledRules).toEqual([]);
    expect(summary(on)).toEqual(summary(design));
  });

  it('keeps the off list sorted whatever the order of switching', () => {
    const d = setRuleEnabled(setRuleEnabled(design, 'z-rule', false), 'a-rule', false);
    expect(d.review?.disabledRules).toEqual(['a-rule', 'z-rule']);
  });

  it('returns the same design when the rule is already as asked (no empty undo step)', () => {
    expect(setRuleEnabled(design, 'some-rule', true)).toBe(design);
    const off = setRuleEnabled(design, 'some-rule', false);
    expect(setRuleEnabled(off, 'some-rule', false)).toBe(off);
  });
});
