import { LineIndex } from './lines';
import { maskSqlLiterals } from './maskSqlLiterals';

/**
 * Which SQL dialect a script is written in, from markers PostgreSQL never writes: MySQL/MariaDB,
 * SQL Server, SQLite or Oracle, else PostgreSQL. People bring a MySQL dump to a PostgreSQL tool
 * and get a syntax error per statement; the first thing they need is one sentence naming what
 * the file is and what to do with it. Markers are looked for in code only (comments, strings,
 * quoted names and function bodies are blanked first), so a PostgreSQL file that merely mentions
 * `ENGINE=InnoDB` in a comment is not misread.
 */

/** A dialect Tablewright does not read. */
export type ForeignDialect = 'mysql' | 'sqlserver' | 'sqlite' | 'oracle';

/** One kind of marker found: what it is in words, where it first appears and how often. */
export interface DialectMarker {
  /** As a sentence names it: "backtick-quoted names", "ENGINE=InnoDB". */
  label: string;
  /** 1-based line of its first occurrence. */
  line: number;
  count: number;
}

/** The verdict: PostgreSQL, or a foreign dialect with the markers that show it, most telling first. */
export type DialectVerdict =
  { dialect: 'postgresql' } | { dialect: ForeignDialect; name: string; markers: DialectMarker[] };

interface MarkerRule {
  /** Matched against the masked text; `g` and `i` are added. */
  pattern: RegExp;
  /** Fixed words, or made from the matched text (e.g. "ENGINE=InnoDB", "int(11)"). */
  label: string | ((match: string) => string);
  /**
   * PostgreSQL refuses this outside comments and strings whatever surrounds it: enough alone.
   * Other markers are words a PostgreSQL file could use as names (`unsigned`, `number(...)`),
   * so they count only beside a second kind.
   */
  decisive?: boolean;
  /** Only as support for another marker of its dialect (valid PostgreSQL by itself). */
  supporting?: boolean;
}

const squash = (m: string) => m.replace(/\s+/g, '');

const RULES: Record<ForeignDialect, { name: string; rules: MarkerRule[] }> = {
  mysql: {
    name: 'MySQL',
    rules: [
      { pattern: /`[^`\n]+`/, label: 'backtick-quoted names', decisive: true },
      { pattern: /\bENGINE\s*=\s*\w+/, label: squash },
      { pattern: /\bAUTO_INCREMENT\b/, label: 'AUTO_INCREMENT' },
      { pattern: /\b(?:tiny|small|medium|big)?int(?:eger)?\s*\(\s*\d+\s*\)/, label: squash },
      { pattern: /\bUNSIGNED\b/, label: 'UNSIGNED' },
      { pattern: /\bDEFAULT\s+CHARSET\b/, label: 'DEFAULT CHARSET' },
      { pattern: /\bLOCK\s+TABLES\b/, label: 'LOCK TABLES' },
    ],
  },
  sqlserver: {
    name: 'SQL Server',
    rules: [
      {
        pattern: /\[[^\]\n]+\]\s*\.\s*\[[^\]\n]+\]/,
        label: 'bracket-quoted names like [dbo].[x]',
        decisive: true,
      },
      { pattern: /^[ \t]*GO[ \t]*;?[ \t]*$/m, label: 'GO lines', decisive: true },
      { pattern: /\bIDENTITY\s*\(\s*-?\d+\s*,\s*-?\d+\s*\)/, label: squash },
      // SSMS writes the type bracket-quoted: [nvarchar](max).
      {
        pattern: /\bN?VARCHAR\]?\s*\(\s*MAX\s*\)/,
        label: (m) => squash(m).replace(']', '').toUpperCase(),
      },
      { pattern: /\bNVARCHAR\b/, label: 'NVARCHAR' },
      { pattern: /\bSET\s+(?:ANSI_NULLS|QUOTED_IDENTIFIER)\b/, label: (m) => m.toUpperCase() },
    ],
  },
  sqlite: {
    name: 'SQLite',
    rules: [
      // As .dump writes it, a statement of its own at the start of a line: a PostgreSQL column
      // may be named pragma, but not start a line with `pragma x=`.
      {
        pattern: /^PRAGMA\s+\w+\s*[=;(]/m,
        label: (m) => m.replace(/\s*[=;(]$/, '').replace(/\s+/g, ' '),
        decisive: true,
      },
      { pattern: /\bAUTOINCREMENT\b/, label: 'AUTOINCREMENT' },
      { pattern: /\bsqlite_sequence\b/, label: 'sqlite_sequence' },
      { pattern: /^\s*BEGIN\s+TRANSACTION\s*;/m, label: 'BEGIN TRANSACTION;', supporting: true },
    ],
  },
  oracle: {
    name: 'Oracle',
    rules: [
      { pattern: /\bN?VARCHAR2\s*\(/, label: 'VARCHAR2' },
      { pattern: /\bNUMBER\s*\(/, label: 'NUMBER(…)' },
      { pattern: /\bCLOB\b/, label: 'CLOB' },
      { pattern: /\bSYSDATE\b/, label: 'SYSDATE' },
    ],
  },
};

const MYSQL_VERSION_COMMENT = 'MySQL version comments (/*!40101 … */)';

/** The dialect of a script, from its markers; PostgreSQL unless another one clearly shows. */
export function detectSqlDialect(text: string): DialectVerdict {
  const { masked, versionComments } = maskSqlLiterals(text);
  const lines = new LineIndex(text);
  let best: { dialect: ForeignDialect; markers: DialectMarker[]; weight: number } | undefined;
  for (const [dialect, { rules }] of Object.entries(RULES) as [
    ForeignDialect,
    (typeof RULES)[ForeignDialect],
  ][]) {
    const found: (DialectMarker & { rule: MarkerRule })[] = [];
    for (const rule of rules) {
      const marker = findMarker(masked, rule, lines);
      if (marker) found.push({ ...marker, rule });
    }
    if (dialect === 'mysql' && versionComments.length > 0) {
      found.push({
        label: MYSQL_VERSION_COMMENT,
        line: lines.line(versionComments[0] as number),
        count: versionComments.length,
        rule: { pattern: /$^/, label: '', decisive: versionComments.length > 1 },
      });
    }
    const counted = found.filter((m) => !m.rule.supporting);
    const clear = counted.some((m) => m.rule.decisive) || counted.length >= 2;
    if (!clear) continue;
    const weight = found.length;
    if (!best || weight > best.weight) {
      // In the order of the rules: the most telling first (what a sentence names).
      const markers = found.map(({ label, line, count }) => ({ label, line, count }));
      best = { dialect, markers, weight };
    }
  }
  if (!best) return { dialect: 'postgresql' };
  return { dialect: best.dialect, name: RULES[best.dialect].name, markers: best.markers };
}

function findMarker(masked: string, rule: MarkerRule, lines: LineIndex): DialectMarker | undefined {
  const flags = rule.pattern.flags.includes('m') ? 'gim' : 'gi';
  const pattern = new RegExp(rule.pattern.source, flags);
  let first: RegExpExecArray | undefined;
  let count = 0;
  for (const match of masked.matchAll(pattern)) {
    first ??= match;
    count++;
  }
  if (!first) return undefined;
  const label = typeof rule.label === 'string' ? rule.label : rule.label(first[0].trim());
  // A GO line's match starts on the line before when that one is blank (the `\s*` of `^\s*`).
  const at = first.index + (first[0].length - first[0].trimStart().length);
  return { label, line: lines.line(at), count };
}
