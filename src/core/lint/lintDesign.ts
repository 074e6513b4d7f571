import type { Design } from '../model/schema';
import { createLintContext } from './context';
import { RULES } from './rules/index';
import type { Finding, Rule, Severity } from './types';

export interface LintOptions {
  /** Rule ids to skip, on top of the design's own `review.disabledRules`. */
  disabled?: readonly string[];
  /** The rules to run; all of them by default (tests run one at a time). */
  rules?: readonly Rule[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The design review: every enabled rule over the design. Sorted so the same design always gives
 * the same list: by table, table-level findings before column ones, columns in table order, then
 * severity, rule and message.
 */
export function lintDesign(design: Design, options: LintOptions = {}): Finding[] {
  const disabled = new Set([...(options.disabled ?? []), ...design.review.disabledRules]);
  const context = createLintContext(design);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    if (!disabled.has(rule.id)) findings.push(...rule.check(design, context));
  }
  const columnOrder = new Map<string, number>();
  for (const t of context.tables)
    t.columns.forEach((c, i) => columnOrder.set(`${t.id}/${c.id}`, i));
  const position = (f: Finding) =>
    f.columnId === undefined ? -1 : (columnOrder.get(`${f.tableId}/${f.columnId}`) ?? -1);
  return findings.sort(
    (a, b) =>
      compare(a.table, b.table) ||
      compare(a.tableId, b.tableId) ||
      position(a) - position(b) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compare(a.rule, b.rule) ||
      compare(a.message, b.message),
  );
}
