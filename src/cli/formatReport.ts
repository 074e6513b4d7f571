import type { ImportReport } from '../core/import/report';
import type { Design } from '../core/model';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The import report for a terminal: what the file is when it is not PostgreSQL's SQL, a summary line, then what was skipped or failed and why. */
export function formatReport(source: string, design: Design, report: ImportReport): string {
  const tables = Object.keys(design.tables).length;
  const extras = design.extras.length;
  const lines: string[] = [];
  // Another database's SQL: what the file is and what to do come first, the errors below.
  if (report.dialect) {
    const { sentence, advice, command } = report.dialect;
    lines.push(sentence, advice, `  ${command}`, '');
  }
  const timing = report.timings ? ` in ${seconds(report.timings.totalMs)}` : '';
  lines.push(
    `Imported ${tables} ${tables === 1 ? 'table' : 'tables'} and ${extras} other ${extras === 1 ? 'object' : 'objects'} from ${source}${timing}: ` +
      `${report.statements} statements, ${report.executed} ran, ${report.skipped.length} skipped (meta-commands included), ${report.failed.length} failed.`,
  );
  if (report.extensionsLoaded.length > 0)
    lines.push(`Extensions loaded: ${report.extensionsLoaded.join(', ')}.`);
  if (report.extensionsMissing.length > 0)
    lines.push(`Extensions PGlite does not ship: ${report.extensionsMissing.join(', ')}.`);
  if (report.skipped.length > 0) {
    lines.push('', 'Skipped:');
    for (const s of report.skipped) lines.push(`  line ${s.line}: ${s.text}`, `    ${s.reason}`);
  }
  if (report.failed.length > 0) {
    lines.push('', 'Failed:');
    for (const f of report.failed) lines.push(`  line ${f.line}: ${f.text}`, `    ${f.reason}`);
  }
  if (report.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of report.notes) lines.push(`  ${n}`);
  }
  if (report.timings) {
    const t = report.timings;
    lines.push(
      '',
      `Time: parse ${seconds(t.parseMs)}, start PostgreSQL ${seconds(t.bootMs)}, execute ${seconds(t.executeMs)}, read catalog ${seconds(t.readCatalogMs)}.`,
    );
  }
  return lines.join('\n') + '\n';
}
