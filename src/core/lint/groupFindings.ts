import { RULES } from './rules/index';
import type { Finding, Severity } from './types';

/** The findings of one rule, as the review lists them. */
export interface FindingGroup {
  rule: string;
  title: string;
  severity: Severity;
  /** In lintDesign's order: by table, then column. */
  findings: Finding[];
  /** How many of them have a one-click fix. */
  fixable: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_RANK = new Map(RULES.map((r, i) => [r.id, i]));

/**
 * One group per rule, errors first, then warnings, then infos; within a severity in the order of
 * RULES (keys and integrity before types, names and documentation), so the list reads from what
 * breaks things to what is tidying. A thousand findings of one rule are one line until opened.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    let g = groups.get(f.rule);
    if (!g) {
      const rule = RULES.find((r) => r.id === f.rule);
      g = {
        rule: f.rule,
        title: rule?.title ?? f.rule,
        severity: f.severity,
        findings: [],
        fixable: 0,
      };
      groups.set(f.rule, g);
    }
    g.findings.push(f);
    if (f.fix) g.fixable++;
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (RULE_RANK.get(a.rule) ?? RULES.length) - (RULE_RANK.get(b.rule) ?? RULES.length) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
