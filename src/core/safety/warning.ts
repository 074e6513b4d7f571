import type { Danger } from './classifyDanger';

/** A statement of a design or script that must not run unseen, with why. */
export interface DangerousStatement {
  /** The statement as written. */
  text: string;
  /** 1-based line in the text it came from, when known. */
  line?: number;
  dangers: Danger[];
}

/** One line per reason: "why it is dangerous", for the Problems panel and the export dialog. */
export function dangerSummary(dangers: readonly Danger[]): string {
  return dangers.map((d) => d.reason).join(' ');
}

const firstLine = (text: string, max = 120): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/**
 * The warning at the top of an SQL export: SQL comments (so the file still runs as it is) naming
 * each dangerous statement and why, for whoever is about to run it on a real server.
 */
export function dangerHeader(statements: readonly DangerousStatement[]): string {
  if (statements.length === 0) return '';
  const lines = [
    '-- WARNING: this script contains statements that act beyond the schema on a real server.',
    '-- Read them before running this file, and never run it as a superuser without doing so:',
  ];
  for (const s of statements) {
    lines.push(
      `--   ${s.line !== undefined ? `line ${s.line}: ` : ''}${firstLine(s.text).replace(/\n/g, ' ')}`,
    );
    for (const d of s.dangers) lines.push(`--     ${d.reason}`);
  }
  return `${lines.join('\n')}\n\n`;
}
