export type { Finding, Fix, Rule, Severity } from './types';
export type { LintContext } from './context';
export { createLintContext } from './context';
export { lintDesign, type LintOptions } from './lintDesign';
export { formatFindings, findingToJson, type FindingJson, type FindingsFormat } from './format';
export { findingsToSarif } from './sarif';
export { RULES, ruleById } from './rules/index';
export { fixAllOfRule, type FixAllResult } from './fixAll';
export { groupFindings, type FindingGroup } from './groupFindings';
