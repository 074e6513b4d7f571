/**
 * SQL in, design out, with Postgres as the judge: the script runs statement by statement in a
 * scratch PGlite (never the worker's design database) created with the contrib extensions the
 * script asks for, and the design is read back from its catalog.
 */
import type { Extension, PGliteInterface } from '@electric-sql/pglite';
import { designFromRows, readCatalogRows, type AllCatalogRows } from '../../core/catalog';
import type { Design } from '../../core/model';
import {
  classifyStatement,
  contribModulesFor,
  dialectNotice,
  ImportReportBuilder,
  isAvailableExtension,
  BUILTIN_EXTENSIONS,
  preprocessScript,
  scriptExtensions,
  type ImportReport,
  type ImportTimings,
} from '../../core/import';
import { classifyDanger, dangerSummary } from '../../core/safety';
import { toPgError } from '../pgError';
import type { ImportProgress, ImportSqlOptions, ImportSqlOutcome } from '../protocol';
import { loadContribModules } from './contribModules';
import { loadParser, type ParserOptions } from './pgParser';
import { splitStatements, type SplitStatement } from './splitStatements';

/** The part of PGlite the import uses. */
export type ScratchDb = Pick<PGliteInterface, 'exec' | 'query' | 'close'>;

export interface ImportDeps {
  /** Creates an empty scratch database with these contrib extensions (they must be given at creation). */
  createScratch(extensions: Record<string, Extension>): Promise<ScratchDb>;
  parser?: ParserOptions;
  /**
   * Offered the scratch database after a successful read, with what it ran and the catalog rows
   * read; answering true keeps it open (the caller closes it later), false lets it close.
   */
  keep?: (kept: KeptScratch) => boolean;
}

/** A scratch database that ran a script, for an incremental read of the next one. */
export interface KeptScratch {
  scratch: ScratchDb;
  script: ReturnType<typeof preprocessScript>;
  statements: SplitStatement[];
  rows: AllCatalogRows;
  /** The design read from `rows`. */
  design: Design;
  report: ImportReport;
}

const quiet = { onNotice: () => {} };
const now = (): number => performance.now();
const round = (ms: number): number => Math.round(ms);

/**
 * Imports a script. Never throws: a script that cannot be imported at all (the scratch database
 * does not start) answers `ok: false` with a message; statements that fail are in the report.
 */
export async function importSql(
  sql: string,
  options: ImportSqlOptions,
  deps: ImportDeps,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportSqlOutcome> {
  const started = now();
  onProgress({ phase: 'parse', done: 0, total: 0 });
  let statements: SplitStatement[];
  const script = preprocessScript(sql);
  try {
    statements = splitStatements(await loadParser(deps.parser), script);
  } catch (thrown) {
    return failure(`PostgreSQL's parser could not be loaded: ${message(thrown)}`);
  }
  const parseMs = now() - started;
  const builder = new ImportReportBuilder(script.lines);
  builder.metaCommands(script.metaCommands);
  builder.copyData(script.copyData);

  const wanted = scriptExtensions(statements.map((s) => s.tree));
  const loadable = wanted.filter(
    (name) => isAvailableExtension(name) && !BUILTIN_EXTENSIONS.has(name),
  );
  onProgress({ phase: 'boot', done: 0, total: statements.length });
  const bootStarted = now();
  let pg: ScratchDb;
  try {
    pg = await deps.createScratch(await loadContribModules(contribModulesFor(loadable)));
  } catch (thrown) {
    return failure(`The scratch PostgreSQL (PGlite) could not start: ${message(thrown)}`);
  }
  const bootMs = now() - bootStarted;
  let kept = false;
  try {
    const executeStarted = now();
    await runStatements(pg, statements, builder, options.hung ?? [], (done, current) =>
      onProgress({
        phase: 'execute',
        done,
        total: statements.length,
        ...(current === undefined ? {} : { current }),
      }),
    );
    const executeMs = now() - executeStarted;

    onProgress({ phase: 'catalog', done: statements.length, total: statements.length });
    const catalogStarted = now();
    // pg_dump empties search_path for its session; read names as a fresh session would print them.
    await pg.exec('RESET ALL', quiet);
    const rows = await readCatalogRows(pg);
    const { design, notes } = designFromRows(rows, options);
    const readCatalogMs = now() - catalogStarted;
    const timings: ImportTimings = {
      parseMs: round(parseMs),
      bootMs: round(bootMs),
      executeMs: round(executeMs),
      readCatalogMs: round(readCatalogMs),
      totalMs: round(now() - started),
    };
    const report = builder.build({
      extensionsLoaded: loadable,
      notes: notes.map((n) => n.message),
      timings,
    });
    const dialect = dialectNotice(sql, report);
    if (dialect) report.dialect = dialect;
    kept = deps.keep?.({ scratch: pg, script, statements, rows, design, report }) ?? false;
    return { ok: true, cancelled: false, design, report };
  } catch (thrown) {
    return failure(`The design could not be read back from PostgreSQL: ${message(thrown)}`);
  } finally {
    if (!kept) await pg.close().catch(() => undefined);
  }
}

async function runStatements(
  pg: ScratchDb,
  statements: readonly SplitStatement[],
  builder: ImportReportBuilder,
  hung: readonly { index: number; reason: string }[],
  progress: (done: number, current?: number) => void,
): Promise<void> {
  const { rows } = await pg.query<{ rolname: string }>('SELECT rolname FROM pg_catalog.pg_roles');
  const roles = new Set(rows.map((r) => r.rolname));
  const hungReasons = new Map(hung.map((h) => [h.index, h.reason]));
  for (const [index, statement] of statements.entries()) {
    const hungReason = hungReasons.get(index);
    if (hungReason !== undefined) {
      // It stopped the database last time: reported, not run again.
      builder.decided(statement, { action: 'run' });
      builder.failedWith(statement, { message: hungReason });
      continue;
    }
    // Every statement is announced, so the client can name the one that hangs; the client
    // passes progress on to the UI at most every 100 ms.
    progress(index, index);
    if (statement.syntaxError || !statement.tree) {
      builder.decided(statement, { action: 'run' });
      const error = statement.syntaxError ?? {
        message: 'PostgreSQL could not parse this statement',
        position: 1,
      };
      builder.failedWith(statement, {
        message: error.message,
        code: '42601',
        position: error.position,
      });
      continue;
    }
    let decision = classifyStatement(statement.tree, statement.text, {
      roles,
      skippedExtensions: new Set(builder.skippedExtensions.keys()),
    });
    // What would act beyond the schema (programs, server files, roles...) is never run, and the
    // report says why (also where the statement was skipped anyway, e.g. COPY as "data").
    const dangers = classifyDanger({ [statement.tree.type]: statement.tree.fields });
    if (dangers.length > 0) {
      decision = {
        action: 'skip',
        kind: 'server',
        reason: `Not run, dangerous: ${dangerSummary(dangers)}`,
      };
    }
    builder.decided(statement, decision);
    if (decision.action === 'skip') continue;
    const text = decision.action === 'rewrite' ? decision.sql : statement.text;
    try {
      await pg.exec(text, quiet);
      builder.ran(statement);
    } catch (thrown) {
      builder.failedWith(statement, toPgError(thrown));
    }
  }
  progress(statements.length);
}

function failure(text: string): ImportSqlOutcome {
  return { ok: false, cancelled: false, error: { message: text } };
}

function message(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
