import type { Decision } from './classify';
import { createdNames, explainFailure, type LostObject } from './dependents';
import type { LineIndex } from './lines';
import type { StatementTree } from './parseTree';
import type { CopyData, MetaCommand } from './preprocess';
import {
  reportText,
  type ImportPgError,
  type ImportReport,
  type ImportTimings,
  type SkippedStatement,
} from './report';

/** A statement of the script: its text and where it starts in the original file. */
export interface ScriptStatement {
  /** 0-based UTF-16 offset of its first character in the original file. */
  from: number;
  text: string;
  /** Its parse tree, when it parsed. */
  tree?: StatementTree;
}

/** Data statements listed one by one up to this many; the rest are counted in a note. */
const MAX_LISTED_DATA = 100;

const META_REASONS: Record<string, string> = {
  c: 'psql’s \\connect: the design is the database being read, so there is nothing to connect to.',
  connect:
    'psql’s \\connect: the design is the database being read, so there is nothing to connect to.',
  i: 'psql’s \\include: the included file is not read; import it on its own.',
  include: 'psql’s \\include: the included file is not read; import it on its own.',
  ir: 'psql’s \\include_relative: the included file is not read; import it on its own.',
  copy: 'psql’s \\copy reads a file on the client; a design keeps no data.',
  restrict: 'pg_dump’s \\restrict guard for psql; not SQL.',
  unrestrict: 'pg_dump’s \\unrestrict guard for psql; not SQL.',
};

/**
 * Collects what happened to each statement into an {@link ImportReport}, and remembers what was
 * not created so later failures can be explained by it.
 */
export class ImportReportBuilder {
  private statements = 0;
  private executed = 0;
  private listedData = 0;
  private unlistedData = 0;
  private readonly skipped: ImportReport['skipped'] = [];
  private readonly failed: ImportReport['failed'] = [];
  private readonly notes: string[] = [];
  private readonly lost: LostObject[] = [];
  /** The last data statement listed, and how many like it followed (see joinsDataRun). */
  private dataRun: { entry: SkippedStatement; target: string; count: number } | undefined;
  /** Skipped extensions and the schema each was to be created in. */
  readonly skippedExtensions = new Map<string, string | undefined>();
  /** The line of each skipped extension's CREATE EXTENSION, for the reasons that name it. */
  private readonly extensionLines = new Map<string, number>();

  constructor(private readonly lines: LineIndex) {}

  metaCommands(commands: readonly MetaCommand[]): void {
    for (const c of commands) {
      const reason =
        META_REASONS[c.command] ??
        `A psql meta-command (\\${c.command}); PostgreSQL itself does not understand it, and it does not change the schema.`;
      this.skipped.push({ line: c.line, text: reportText(c.text), reason });
    }
  }

  copyData(blocks: readonly CopyData[]): void {
    if (blocks.length === 0) return;
    const rows = blocks.reduce((sum, b) => sum + b.rows, 0);
    this.notes.push(
      `The data of ${blocks.length} COPY … FROM stdin ${blocks.length === 1 ? 'statement' : 'statements'} (${rows} ${rows === 1 ? 'row' : 'rows'}) was skipped: a design keeps no data.`,
    );
  }

  /** A statement was classified: counts it, and records a skip or a rewrite. */
  decided(statement: ScriptStatement, decision: Decision): void {
    this.statements++;
    // Any other statement in between ends a run of data statements.
    if (decision.action !== 'skip' || decision.kind !== 'data') this.dataRun = undefined;
    if (decision.action === 'run') return;
    if (decision.action === 'rewrite') {
      this.notes.push(`Line ${this.line(statement)}: ${decision.note}`);
      return;
    }
    const line = this.line(statement);
    let cause = `line ${line} was skipped (${lowerFirst(decision.reason).replace(/\.$/, '')})`;
    if (decision.kind === 'extension' && decision.extension !== undefined) {
      this.skippedExtensions.set(decision.extension, extensionSchema(statement.tree));
      if (!this.extensionLines.has(decision.extension))
        this.extensionLines.set(decision.extension, line);
      cause = `PGlite does not ship the extension "${decision.extension}" (line ${line})`;
    }
    if (decision.kind === 'data' && this.joinsDataRun(statement, decision.reason)) return;
    if (decision.kind === 'data' && this.listedData >= MAX_LISTED_DATA) {
      this.unlistedData++;
      return;
    }
    if (decision.kind === 'data') this.listedData++;
    this.skip(statement, decision.reason, cause);
    if (decision.kind === 'data') this.startDataRun(statement);
  }

  /**
   * Consecutive data statements into the same place (an Ecto or pg_dump structure file ends with
   * one `INSERT INTO schema_migrations ... VALUES (...)` per migration: hundreds) are one row of
   * the report, saying how many and down to which line, instead of a row each.
   */
  private joinsDataRun(statement: ScriptStatement, reason: string): boolean {
    const run = this.dataRun;
    if (!run || this.skipped.at(-1) !== run.entry || run.target !== dataTarget(statement.text))
      return false;
    run.count++;
    run.entry.reason = `${reason} So do the ${run.count} statements like it that follow (to line ${this.line(statement)}).`;
    return true;
  }

  private startDataRun(statement: ScriptStatement): void {
    const entry = this.skipped.at(-1);
    const target = dataTarget(statement.text);
    this.dataRun = entry && target ? { entry, target, count: 0 } : undefined;
  }

  /** A statement ran: what it creates exists again (a later CREATE of a skipped name). */
  ran(statement: ScriptStatement): void {
    this.executed++;
    if (!statement.tree || this.lost.length === 0) return;
    const created = new Set(createdNames(statement.tree).map((n) => n.toLowerCase()));
    for (let i = this.lost.length - 1; i >= 0; i--) {
      if ((this.lost[i] as LostObject).names.some((n) => created.has(n.toLowerCase())))
        this.lost.splice(i, 1);
    }
  }

  /** A statement failed in PostgreSQL: explained by an earlier skip, or reported as a failure. */
  failedWith(statement: ScriptStatement, error: ImportPgError): void {
    const explanation = explainFailure(error, this.lost, this.skippedExtensions);
    if (explanation?.kind === 'lost') {
      const { object, name } = explanation;
      this.skip(statement, `Needs "${name}", which does not exist: ${object.cause}.`, object.cause);
      return;
    }
    if (explanation?.kind === 'extension') {
      // Where the extension was asked for, as every other reason says where it points.
      const created = this.extensionLines.get(explanation.extension);
      const at = created === undefined ? '' : ` (line ${created})`;
      const cause = `PGlite does not ship the extension "${explanation.extension}"${at}`;
      const reason = explanation.certain
        ? `Needs "${explanation.name}" from the extension "${explanation.extension}"${at}, which PGlite does not ship.`
        : `Needs "${explanation.name}", probably from the skipped extension "${explanation.extension}"${at} (PGlite does not ship it): ${error.message}`;
      this.skip(statement, reason, explanation.certain ? cause : `probably: ${cause}`);
      return;
    }
    const line = this.line(statement);
    const entry: ImportReport['failed'][number] = {
      line,
      text: reportText(statement.text),
      error,
      reason: error.message,
    };
    if (error.position !== undefined) {
      const offset = statement.from + codePointsToUnits(statement.text, error.position - 1);
      entry.errorLine = this.lines.line(offset);
      entry.errorColumn = this.lines.column(offset);
      entry.reason = `${error.message} (line ${entry.errorLine}, column ${entry.errorColumn})`;
    }
    this.failed.push(entry);
    this.loseWhatItCreates(statement, `line ${line} failed (${error.message})`);
  }

  note(message: string): void {
    this.notes.push(message);
  }

  build(extra: {
    extensionsLoaded: string[];
    notes?: string[];
    timings?: ImportTimings;
  }): ImportReport {
    const notes = [...this.notes, ...(extra.notes ?? [])];
    if (this.unlistedData > 0) {
      notes.push(
        `${this.unlistedData} more statements that only change data were skipped (the first ${MAX_LISTED_DATA} are listed).`,
      );
    }
    const report: ImportReport = {
      statements: this.statements,
      executed: this.executed,
      skipped: [...this.skipped].sort((a, b) => a.line - b.line),
      failed: this.failed,
      extensionsLoaded: extra.extensionsLoaded,
      extensionsMissing: [...this.skippedExtensions.keys()],
      notes,
    };
    if (extra.timings) report.timings = extra.timings;
    return report;
  }

  private skip(statement: ScriptStatement, reason: string, cause: string): void {
    this.skipped.push({ line: this.line(statement), text: reportText(statement.text), reason });
    this.loseWhatItCreates(statement, cause);
  }

  private loseWhatItCreates(statement: ScriptStatement, cause: string): void {
    if (!statement.tree) return;
    const names = createdNames(statement.tree).filter((n) => n !== '');
    if (names.length > 0) this.lost.push({ names, line: this.line(statement), cause });
  }

  private line(statement: ScriptStatement): number {
    return this.lines.line(statement.from);
  }
}

function extensionSchema(tree: StatementTree | undefined): string | undefined {
  const options = tree?.fields.options;
  if (!Array.isArray(options)) return undefined;
  for (const option of options) {
    const element = (
      option as { DefElem?: { defname?: string; arg?: { String?: { sval?: string } } } }
    ).DefElem;
    if (element?.defname === 'schema') return element.arg?.String?.sval;
  }
  return undefined;
}

/**
 * Where a data statement writes, from its text before the first parenthesis (`INSERT INTO
 * public."schema_migrations" `, `SELECT pg_catalog.setval`); undefined when it has none, and then
 * it joins no run. Only a grouping key for the report: nothing runs on it.
 */
function dataTarget(text: string): string | undefined {
  const open = text.indexOf('(');
  return open > 0 ? text.slice(0, open).replace(/\s+/g, ' ').trim().toLowerCase() : undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** UTF-16 units taken by the first `count` code points of `text` (PostgreSQL counts code points). */
function codePointsToUnits(text: string, count: number): number {
  let units = 0;
  for (let seen = 0; seen < count && units < text.length; seen++) {
    const unit = text.charCodeAt(units);
    units += unit >= 0xd800 && unit <= 0xdbff && units + 1 < text.length ? 2 : 1;
  }
  return units;
}
