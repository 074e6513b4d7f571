import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ImportReport } from '../core/import/report';
import { emptyLayout, makeDocument, parseDesign, type DesignDocument } from '../core/model';
import { err, ok, type Result } from '../core/result';
import { importSql } from '../db/import/importSql';
import { layoutDesign } from '../layout/autoLayout';

/** A design read from a file: a design JSON document, or SQL that Postgres reads (with its report). */
export interface Loaded {
  doc: DesignDocument;
  report?: ImportReport;
}

export async function readInput(path: string): Promise<Result<string, string>> {
  try {
    return ok(path === '-' ? await readStdin() : await readFile(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return err(
      code === 'ENOENT'
        ? `${path}: no such file.`
        : code === 'EISDIR'
          ? `${path} is a directory, not a file.`
          : `${path}: ${(e as Error).message}`,
    );
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `.json` files are design documents; anything else is SQL. */
export async function loadDesign(path: string, name?: string): Promise<Result<Loaded, string>> {
  const text = await readInput(path);
  if (!text.ok) return text;
  if (/\.json$/i.test(path) || text.value.trimStart().startsWith('{')) {
    const parsed = parseDesign(text.value);
    return parsed.ok ? ok({ doc: parsed.value }) : err(`${path}: ${parsed.error.message}`);
  }
  return importSqlFile(text.value, name ?? baseName(path));
}

export async function importSqlFile(
  sql: string,
  designName: string,
): Promise<Result<Loaded, string>> {
  const outcome = await importSql(
    sql,
    { designName },
    { createScratch: (extensions) => PGlite.create({ extensions }) },
  );
  if (!outcome.ok) return err(outcome.error.message);
  const layout = emptyLayout();
  const tables = await layoutDesign(new ELK(), outcome.design, layout);
  return ok({ doc: makeDocument(outcome.design, { ...layout, tables }), report: outcome.report });
}

function baseName(path: string): string {
  if (path === '-') return 'Imported design';
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.(sql|psql|txt)$/i, '') || 'Imported design';
}
