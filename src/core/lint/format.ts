import { findingsToSarif } from './sarif';
import type { Finding } from './types';

export type FindingsFormat = 'text' | 'json' | 'sarif';

/** A finding as data (the fix becomes its label): what `--format json` prints. */
export interface FindingJson {
  rule: string;
  severity: Finding['severity'];
  table: string;
  column: string | null;
  message: string;
  tableId: string;
  columnId: string | null;
  /** The quick fix's label, or null when the finding has none. */
  fix: string | null;
}

export function findingToJson(f: Finding): FindingJson {
  return {
    rule: f.rule,
    severity: f.severity,
    table: f.table,
    column: f.column,
    message: f.message,
    tableId: f.tableId,
    columnId: f.columnId ?? null,
    fix: f.fix?.label ?? null,
  };
}

/** Findings as a report: aligned lines for people, JSON for scripts, SARIF 2.1.0 for code-scanning tools. */
export function formatFindings(findings: readonly Finding[], format: FindingsFormat): string {
  if (format === 'json') return JSON.stringify(findings.map(findingToJson), null, 2) + '\n';
  if (format === 'sarif') return JSON.stringify(findingsToSarif(findings), null, 2) + '\n';
  return formatText(findings);
}

function formatText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'The review found nothing to report.\n';
  const where = (f: Finding) => (f.column === null ? f.table : `${f.table}.${f.column}`);
  const width = Math.min(40, Math.max(...findings.map((f) => where(f).length)));
  const lines = findings.map(
    (f) => `${f.severity.padEnd(7)} ${where(f).padEnd(width)}  ${f.message}  [${f.rule}]`,
  );
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    '',
    `${plural(findings.length, 'finding')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info.`,
  );
  return lines.join('\n') + '\n';
}
