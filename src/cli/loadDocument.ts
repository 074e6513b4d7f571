/**
 * Any input the CLI takes, as a design document: read with a size cap and decoded as the studio
 * does (readInput.ts), its kind told as the studio tells it (extension, else content), then a
 * design file parsed, DBML converted, or SQL run by PostgreSQL (PGlite). Input that yields errors
 * or nothing is never passed on as if it were a design.
 */
import { basename } from 'node:path';
import { detectImportKind, type ImportKind } from '../core/import/importKind';
import {
  railsImportReport,
  readRailsSchema,
  type RailsSchemaSql,
} from '../core/import/railsSchema';
import {
  emptyLayout,
  makeDocument,
  parseDesign,
  type Design,
  type DesignDocument,
} from '../core/model';
import { err, ok, type Result } from '../core/result';
import { importSql } from '../db/import/importSql';
import { layoutDesign } from '../layout/autoLayout';
import { formatReport } from './formatReport';
import { readInput } from './readInput';
import { nodeScratch } from './scratch';
import { designNameFromFile } from '../core/import/designName';

/** Exit codes (README, "Exit codes"). */
export const OK = 0;
export const BAD_INPUT = 1;
export const IMPORT_FAILED = 2;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** An input read as a design document. */
export interface LoadedInput {
  document: DesignDocument;
  kind: ImportKind;
  /** SQL statements PostgreSQL refused; the design lacks what they create. */
  failedStatements: number;
}

/**
 * An input that gave no design: `input` names it as messages do, `message` says why (a sentence
 * to follow the name), `exitCode` is BAD_INPUT or, when PostgreSQL could not read a SQL input,
 * IMPORT_FAILED.
 */
export interface LoadError {
  input: string;
  message: string;
  exitCode: typeof BAD_INPUT | typeof IMPORT_FAILED;
}

const KIND_NAMES: Record<ImportKind, string> = {
  sql: 'SQL',
  dbml: 'DBML',
  json: 'a design file',
  prisma: 'a Prisma schema',
  drizzle: 'a Drizzle schema',
  rails: 'a Rails schema.rb',
};

const EXTENSIONS: Record<ImportKind, string> = {
  sql: '.sql',
  dbml: '.dbml',
  json: '.json',
  prisma: '.prisma',
  drizzle: '.ts',
  rails: '.rb',
};

/** How messages name an input: its path, or "standard input" for -. */
export const inputLabel = (path: string) => (path === '-' ? 'standard input' : path);

export async function loadDocument(
  path: string,
  io: Io,
  /** `layout: false` when only the design is read (lint, diff): no auto-layout, tables at 0,0. */
  opts: { name?: string; layout?: boolean } = {},
): Promise<Result<LoadedInput, LoadError>> {
  const label = inputLabel(path);
  const refuse = (message: string, exitCode: LoadError['exitCode'] = BAD_INPUT) =>
    err<LoadError>({ input: label, message, exitCode });
  const read = await readInput(path);
  if (!read.ok) return refuse(read.error.message);
  if (read.value.compression === 'gzip')
    io.stderr(
      `Decompressed ${label} (gzip, ${read.value.text.length.toLocaleString('en')} characters).\n`,
    );
  if (read.value.bom && read.value.encoding !== 'utf-8')
    io.stderr(
      `Read ${label} as ${read.value.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (its byte-order mark says so).\n`,
    );
  const kind = detectImportKind(path === '-' ? undefined : basename(path), read.value.text);
  const name = opts.name ?? designName(path);

  if (kind === 'json') {
    const document = parseDesign(read.value.text);
    if (!document.ok) return refuse(document.error.message);
    const doc = opts.name
      ? { ...document.value, design: { ...document.value.design, name: opts.name } }
      : document.value;
    return ok({ document: doc, kind, failedStatements: 0 });
  }
  if (kind === 'dbml') {
    // Loaded here only: @dbml/core takes seconds to load, and SQL and design files do not need it.
    const { readDesignText } = await import('../core/import/inputKind');
    const design = readDesignText('dbml', read.value.text);
    if (!design.ok) return refuse(design.error.message);
    if (isEmpty(design.value.design))
      return refuse('the DBML has no table and no enum: there is nothing to design from.');
    return ok({
      document: await laidOut({ ...design.value.design, name }, opts.layout),
      kind,
      failedStatements: 0,
    });
  }

  // A Prisma or Drizzle schema becomes the SQL its ORM would write, then is read as SQL is.
  let sql = read.value.text;
  let ormNotes: string[] = [];
  if (kind === 'prisma' || kind === 'drizzle') {
    const { drizzleSql, prismaSql } = await import('./ormInput');
    const orm = kind === 'prisma' ? prismaSql(path, sql) : await drizzleSql(path);
    if (!orm.ok) return refuse(orm.error);
    sql = orm.value.sql;
    ormNotes = orm.value.notes;
  }
  // A schema.rb is read (never run) into the SQL Rails would have the database run.
  let rails: RailsSchemaSql | undefined;
  if (kind === 'rails') {
    const read = readRailsSchema(sql);
    if (!read.ok) return refuse(read.error.message);
    rails = read.value;
    sql = rails.sql;
  }
  const by = {
    prisma: "Prisma's schema engine, then ",
    drizzle: 'drizzle-kit, then ',
    rails: 'its Rails schema DSL as SQL, then ',
  };
  io.stderr(
    `Reading ${label} with ${kind === 'prisma' || kind === 'drizzle' || kind === 'rails' ? by[kind] : ''}PostgreSQL (PGlite)…\n`,
  );
  const result = await importSql(sql, { designName: name }, { createScratch: nodeScratch() });
  if (!result.ok) return refuse(result.error.message, IMPORT_FAILED);
  const { design, report } = result;
  report.notes.push(...ormNotes);
  if (rails) railsImportReport(report, rails);
  io.stderr(formatReport(label, design, report));
  if (isEmpty(design)) {
    const looks = detectImportKind(undefined, read.value.text);
    const hint =
      looks !== 'sql' && looks !== kind
        ? ` Its content looks like ${KIND_NAMES[looks]}: give it the ${EXTENSIONS[looks]} extension.`
        : '';
    const why =
      report.statements === 0
        ? 'it has no SQL statement'
        : report.executed === 0 && report.failed.length > 0
          ? `PostgreSQL refused every statement (${report.failed.length} failed, listed above)`
          : 'none of its statements creates a table, a type or another object the studio keeps';
    if (report.dialect) {
      const { sentence, advice, command } = report.dialect;
      return refuse(
        `${sentence} Nothing came out: ${why}. ${advice} For example: ${command}`,
        IMPORT_FAILED,
      );
    }
    return refuse(`nothing came out: ${why}.${hint}`, IMPORT_FAILED);
  }
  return ok({
    document: await laidOut(design, opts.layout),
    kind,
    failedStatements: report.failed.length,
  });
}

/** A design with nothing in it: no table, enum, view or other kept object, no schema but public. */
function isEmpty(design: Design): boolean {
  return (
    Object.keys(design.tables).length === 0 &&
    Object.keys(design.enums).length === 0 &&
    design.extras.length === 0 &&
    Object.values(design.schemas).every((s) => s.name === 'public')
  );
}

/**
 * Laid out as the studio would, so the design opens readable rather than piled at the origin;
 * `wanted` false leaves the layout empty (the caller reads the design only).
 */
async function laidOut(design: Design, wanted = true): Promise<DesignDocument> {
  const layout = emptyLayout();
  if (!wanted) return makeDocument(design, layout);
  // Loaded when a design is laid out (not for a design file): ELK takes seconds to load.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const tables = await layoutDesign(new ELK(), design, layout);
  return makeDocument(design, { ...layout, tables });
}

function designName(path: string): string {
  return path === '-' ? 'Imported design' : designNameFromFile(basename(path));
}
