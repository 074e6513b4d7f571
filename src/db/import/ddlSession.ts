/**
 * The DDL pane's reader: the first read (and any read that cannot be incremental) is an ordinary
 * import whose scratch database is then kept; the next text runs again only the statements that
 * changed, undoing what the removed or changed ones made, and re-reads only the tables they touched.
 * The result is the full read's exactly or it is not used: whenever the plan is unsure, or anything
 * fails (an error, a surprise in the catalog), the whole script is read again in a fresh database.
 */
import {
  designFromRows,
  designFromTouched,
  readOtherRows,
  readTableRows,
  type AllCatalogRows,
} from '../../core/catalog';
import type { ColumnRow, ConstraintRow, IndexRow, TableRow } from '../../core/catalog/queries';
import type { Design } from '../../core/model';
import {
  classifyStatement,
  columnTypeNames,
  planIncrementalRead,
  preprocessScript,
  statementEffect,
  tableKey,
  type ImportReport,
  type PlannedStatement,
  type TableKey,
} from '../../core/import';
import { classifyDanger } from '../../core/safety';
import type { ImportProgress, ImportSqlOptions, ImportSqlOutcome } from '../protocol';
import { importSql, type ImportDeps, type KeptScratch, type ScratchDb } from './importSql';
import { loadParser, type PgParser } from './pgParser';
import { splitByChunks, type SplitStatement } from './splitStatements';

interface Session {
  scratch: ScratchDb;
  statements: PlannedStatement[];
  rows: AllCatalogRows;
  /** The design read from `rows`: an incremental read builds again only the touched tables. */
  design: Design;
  extensionsLoaded: string[];
  extensionsMissing: string[];
}

const quiet = { onNotice: () => {} };
const now = (): number => performance.now();

const planned = (s: SplitStatement): PlannedStatement => ({
  text: s.text,
  effect: statementEffect(s.tree),
  columnTypes: columnTypeNames(s.tree),
});

const SERIAL_TYPES = new Set([
  'smallserial',
  'serial',
  'bigserial',
  'serial2',
  'serial4',
  'serial8',
]);

/**
 * The parser, remembering the statements of the last text: typing changes one statement, and
 * parsing the other thousands again would cost more than running the changed one.
 */
function rememberingParser(parser: PgParser): PgParser {
  let last = new Map<string, ReturnType<PgParser['parse']>>();
  let current = new Map<string, ReturnType<PgParser['parse']>>();
  return {
    parse(sql) {
      const known = current.get(sql) ?? last.get(sql);
      const result = known ?? parser.parse(sql);
      current.set(sql, result);
      return result;
    },
    /** Called once per text: what the text before did not use is forgotten. */
    nextText() {
      last = current;
      current = new Map();
    },
  } as PgParser & { nextText(): void };
}

/** Reads DDL text into a design, incrementally over the last text read when that is exact. */
export function createDdlReader(deps: ImportDeps) {
  let session: Session | undefined;
  let parser: (PgParser & { nextText(): void }) | undefined;
  // What each statement of the last text does, by its text: most of a new text is the same.
  let known = new Map<string, PlannedStatement>();
  const plannedOf = (s: SplitStatement): PlannedStatement => known.get(s.text) ?? planned(s);

  const close = async (s: Session | undefined) => {
    if (s) await s.scratch.close().catch(() => undefined);
  };

  /** The ordinary import; its scratch database becomes the session when the script suits one. */
  async function fullRead(
    sql: string,
    options: ImportSqlOptions,
    reason: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportSqlOutcome> {
    let fresh: Session | undefined;
    const keep = (kept: KeptScratch): boolean => {
      const clean =
        kept.report.failed.length === 0 &&
        kept.report.skipped.length === 0 &&
        kept.script.metaCommands.length === 0 &&
        kept.script.copyData.length === 0;
      if (!clean) return false;
      fresh = {
        scratch: kept.scratch,
        statements: kept.statements.map(planned),
        rows: kept.rows,
        design: kept.design,
        extensionsLoaded: kept.report.extensionsLoaded,
        extensionsMissing: kept.report.extensionsMissing,
      };
      return true;
    };
    const outcome = await importSql(sql, options, { ...deps, keep }, onProgress);
    // A read with errors leaves the session at the last script that read cleanly: fixing the
    // error is then an incremental read from there.
    if (fresh) {
      await close(session);
      session = fresh;
    }
    if (outcome.ok) outcome.report.ddlRead = { mode: 'full', reason };
    return outcome;
  }

  async function read(
    sql: string,
    options: ImportSqlOptions,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportSqlOutcome> {
    if (!session) return fullRead(sql, options, 'the first read', onProgress);
    if (options.hung?.length) return fullRead(sql, options, 'a statement hung', onProgress);
    const started = now();
    const phases: Record<string, number> = {};
    let lapAt = started;
    const lap = (name: string) => {
      const t = now();
      phases[name] = Math.round((t - lapAt) * 10) / 10;
      lapAt = t;
    };
    const script = preprocessScript(sql);
    lap('preprocess');
    if (script.metaCommands.length || script.copyData.length)
      return fullRead(sql, options, 'psql commands or COPY data', onProgress);
    let split: SplitStatement[];
    try {
      parser ??= rememberingParser(await loadParser(deps.parser)) as PgParser & {
        nextText(): void;
      };
      parser.nextText();
      split = splitByChunks(parser, script);
      lap('split');
    } catch {
      return fullRead(sql, options, 'the parser did not load', onProgress);
    }
    if (split.some((s) => s.syntaxError || !s.tree))
      return fullRead(sql, options, 'a syntax error', onProgress);
    const statements = split.map(plannedOf);
    known = new Map(statements.map((p) => [p.text, p]));
    const planning = planIncrementalRead(session.statements, statements);
    if (!planning.ok) return fullRead(sql, options, planning.reason, onProgress);
    const { plan } = planning;
    lap('plan');
    const parseMs = now() - started;

    // Whatever the import would rewrite or skip is read in full, as the import does it.
    const roles = new Set<string>();
    for (const i of plan.redo) {
      const s = split[i] as SplitStatement;
      const tree = s.tree as NonNullable<SplitStatement['tree']>;
      const decision = classifyStatement(tree, s.text, { roles, skippedExtensions: new Set() });
      if (decision.action !== 'run' || classifyDanger({ [tree.type]: tree.fields }).length)
        return fullRead(sql, options, 'a statement the import rewrites or skips', onProgress);
    }

    lap('classify');
    const current = session;
    const db = current.scratch;
    onProgress?.({ phase: 'execute', done: 0, total: plan.redo.length });
    const executeStarted = now();
    try {
      // One transaction: a refused statement leaves the database at the last script read.
      await db.exec('BEGIN', quiet);
      for (const undo of plan.undo) await db.exec(undo, quiet);
      for (const i of plan.redo) await db.exec((split[i] as SplitStatement).text, quiet);
      await db.exec('COMMIT', quiet);
    } catch {
      await db.exec('ROLLBACK', quiet).catch(() => undefined);
      // The full read finds every error with its exact place in the text.
      return fullRead(sql, options, 'a statement failed', onProgress);
    }
    const executeMs = now() - executeStarted;
    lap('execute');

    onProgress?.({ phase: 'catalog', done: plan.redo.length, total: plan.redo.length });
    const catalogStarted = now();
    let merged: { rows: AllCatalogRows; touched: Set<string> } | undefined;
    try {
      const serial = plan.redo.some((i) =>
        (statements[i] as PlannedStatement).columnTypes.some((t) =>
          SERIAL_TYPES.has(t[t.length - 1] ?? ''),
        ),
      );
      merged = await mergedRows(db, current.rows, statements, plan.tables, !serial);
    } catch {
      merged = undefined;
    }
    if (!merged) {
      // The database no longer matches what the session knows: start again from scratch.
      session = undefined;
      await close(current);
      return fullRead(sql, options, 'the catalog changed beyond the edited tables', onProgress);
    }
    lap('catalog');
    const { rows, touched } = merged;
    const { design, notes } =
      designFromTouched(rows, current.design, touched, options) ?? designFromRows(rows, options);
    lap('design');
    session = { ...current, statements, rows, design };
    const report: ImportReport = {
      statements: statements.length,
      executed: statements.length,
      skipped: [],
      failed: [],
      extensionsLoaded: current.extensionsLoaded,
      extensionsMissing: current.extensionsMissing,
      notes: notes.map((n) => n.message),
      timings: {
        parseMs: Math.round(parseMs),
        bootMs: 0,
        executeMs: Math.round(executeMs),
        readCatalogMs: Math.round(now() - catalogStarted),
        totalMs: Math.round(now() - started),
        phases,
        sentAt: performance.timeOrigin + now(),
      },
      ddlRead: { mode: 'incremental', undone: plan.undo.length, ran: plan.redo.length },
    };
    return { ok: true, cancelled: false, design, report };
  }

  return {
    read,
    /** Closes the kept scratch database. */
    dispose: async () => {
      const s = session;
      session = undefined;
      await close(s);
    },
  };
}

export type DdlReader = ReturnType<typeof createDdlReader>;

/**
 * The last rows with those of `touched` tables read again, in the order a full read gives them:
 * tables in the order the script creates them, then each table's parts in the order of the
 * statements that made them. Undefined when anything beyond the tables changed.
 */
async function mergedRows(
  db: ScratchDb,
  last: AllCatalogRows,
  statements: PlannedStatement[],
  touched: Set<TableKey>,
  noNewSequences: boolean,
): Promise<{ rows: AllCatalogRows; touched: Set<string> } | undefined> {
  const other = await otherRows(db, last, noNewSequences);
  if (!other) return undefined;

  const schemaName = new Map(other.schemas.map((s) => [String(s.oid), s.name]));
  const keyOf = (t: TableRow) => tableKey(schemaName.get(String(t.schema_oid)) ?? '', t.name);
  const staleOids = new Set(
    last.tables.filter((t) => touched.has(keyOf(t))).map((t) => String(t.oid)),
  );
  const wanted = [...touched].map((k) => JSON.parse(k) as [string, string]);
  const { rows: found } = await db.query<{ oid: number }>(
    `SELECT c.oid FROM pg_catalog.pg_class c
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_catalog.json_to_recordset($1::json) AS w(s text, n text) ON w.s = n.nspname AND w.n = c.relname
     WHERE c.relkind IN ('r', 'p')`,
    [JSON.stringify(wanted.map(([s, n]) => ({ s, n })))],
  );
  const fresh = await readTableRows(
    db,
    found.map((r) => String(r.oid)),
  );
  const keep = <T extends { table_oid: unknown }>(rows: T[]) =>
    rows.filter((r) => !staleOids.has(String(r.table_oid)));
  const tables = [...last.tables.filter((t) => !staleOids.has(String(t.oid))), ...fresh.tables];

  // Where each object's statement is in the script: the full read's order is creation order.
  const createdAt = new Map<TableKey, number>();
  const partAt = new Map<string, number>();
  statements.forEach((s, i) => {
    const e = s.effect;
    if (e.kind === 'table') createdAt.set(e.table, i);
    if (e.kind === 'constraint') for (const c of e.constraints) partAt.set(`${e.table}\0${c}`, i);
    if (e.kind === 'index') partAt.set(`${e.table}\0${e.index}`, i);
  });
  const tableAt = new Map<string, number>();
  const keyByOid = new Map<string, TableKey>();
  for (const t of tables) {
    const at = createdAt.get(keyOf(t));
    if (at === undefined) return undefined; // a table no CREATE TABLE made
    tableAt.set(String(t.oid), at);
    keyByOid.set(String(t.oid), keyOf(t));
  }
  const rank = (oid: unknown) => tableAt.get(String(oid)) ?? Number.MAX_SAFE_INTEGER;
  const partRank = (tableOid: unknown, name: string) =>
    partAt.get(`${keyByOid.get(String(tableOid))}\0${name}`) ?? rank(tableOid);
  const KIND: Record<string, number> = { p: 0, u: 1, c: 2, x: 3 };
  const byOrder =
    <T>(...keys: ((row: T) => number)[]) =>
    (a: T, b: T) => {
      for (const k of keys) {
        const d = k(a) - k(b);
        if (d !== 0) return d;
      }
      return 0;
    };
  const rows: AllCatalogRows = {
    ...other,
    tables: tables.sort(byOrder<TableRow>((t) => rank(t.oid))),
    columns: [...keep(last.columns), ...fresh.columns].sort(
      byOrder<ColumnRow>(
        (c) => rank(c.table_oid),
        (c) => c.attnum,
      ),
    ),
    constraints: [...keep(last.constraints), ...fresh.constraints].sort(
      byOrder<ConstraintRow>(
        (c) => rank(c.table_oid),
        (c) => KIND[c.kind] ?? 4,
        (c) => partRank(c.table_oid, c.name),
        (c) => Number(c.oid),
      ),
    ),
    indexes: [...keep(last.indexes), ...fresh.indexes].sort(
      byOrder<IndexRow>(
        (i) => rank(i.table_oid),
        (i) => partRank(i.table_oid, i.name),
        (i) => Number(i.oid),
      ),
    ),
  };
  return { rows, touched: new Set(found.map((r) => String(r.oid))) };
}

/**
 * Schemas, enums and the objects kept verbatim, which the statements an incremental read runs
 * (tables, their constraints, indexes and comments) never make, with one exception: a serial
 * column's sequence. When there were none before and no serial column was added, they are the
 * last read's (dependencies only order kept-verbatim objects: with none, they are not used);
 * otherwise they are read again and must not have changed.
 */
async function otherRows(
  db: ScratchDb,
  last: AllCatalogRows,
  noNewSequences: boolean,
): Promise<Omit<AllCatalogRows, 'tables' | 'columns' | 'constraints' | 'indexes'> | undefined> {
  const { schemas, enums, extras, dependencies, unsupported } = last;
  const before = { schemas, enums, extras, dependencies, unsupported };
  const noExtras = Object.values(extras).every((rows: unknown[]) => rows.length === 0);
  if (noExtras && unsupported.length === 0 && noNewSequences) return before;
  const now = await readOtherRows(db);
  const same = (a: typeof before) => JSON.stringify({ ...a, dependencies: [] });
  return same(now) === same(before) ? now : undefined;
}
