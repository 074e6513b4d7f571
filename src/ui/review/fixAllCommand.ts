import { fixAllOfRule, type FindingGroup, type FixAllResult } from '../../core/lint';
import type { StudioStore } from '../../state/store';

/**
 * "Fix all" of a rule: every fix applied in turn inside one dispatch, so the whole batch is one
 * undo step; fixAllOfRule re-checks each finding on the evolving design and skips stale ones.
 * Returns the sentence the review announces.
 */
export function fixAllOfRuleCommand(store: StudioStore, group: FindingGroup): string {
  let result: FixAllResult | undefined;
  store.getState().dispatch((d) => {
    result = fixAllOfRule(d, group.rule);
    return result.design;
  });
  if (!result || result.applied === 0) return `Nothing to fix for “${group.title}”.`;
  const fixed = group.fixable - result.remaining;
  const parts = [
    `Fixed ${fixed} of ${group.fixable} “${group.title}” finding${group.fixable === 1 ? '' : 's'} in one step (Ctrl+Z undoes it).`,
  ];
  if (result.remaining > 0) parts.push(`${result.remaining} could not be fixed automatically.`);
  return parts.join(' ');
}
