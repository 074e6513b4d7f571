import type { Design } from '../model';

/**
 * Switches a review rule on or off for this design. The off list is kept sorted so the same
 * switches always make the same document (stable saves, diffs and share links).
 */
export function setRuleEnabled(design: Design, ruleId: string, enabled: boolean): Design {
  const disabled = design.review.disabledRules;
  if (disabled.includes(ruleId) !== enabled) return design;
  const next = enabled ? disabled.filter((id) => id !== ruleId) : [...disabled, ruleId].sort();
  return { ...design, review: { ...design.review, disabledRules: next } };
}
