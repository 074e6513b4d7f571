import type { ImportReport } from '../core/import/report';

/** The import report as lines for a terminal (stderr). */
export function formatReport(report: ImportReport, tables: number): string {
  const out = [
    `Imported ${tables} ${tables === 1 ? 'table' : 'tables'}: ${report.executed} of ${report.statements} statements ran.`,
  ];
  if (report.extensionsLoaded.length)
    out.push(`Extensions loaded: ${report.extensionsLoaded.join(', ')}.`);
  if (report.extensionsMissing.length)
    out.push(
      `Extensions PGlite does not ship (skipped with what needs them): ${report.extensionsMissing.join(', ')}.`,
    );
  for (const n of report.notes) out.push(`note: ${n}`);
  const rows = [
    ...report.skipped.map((s) => ({
      line: s.line,
      kind: 'skipped',
      text: s.text,
      reason: s.reason,
    })),
    ...report.failed.map((f) => ({ line: f.line, kind: 'FAILED', text: f.text, reason: f.reason })),
  ].sort((a, b) => a.line - b.line);
  for (const r of rows) out.push(`line ${r.line}: ${r.kind}: ${r.text}\n    ${r.reason}`);
  return out.join('\n') + '\n';
}
