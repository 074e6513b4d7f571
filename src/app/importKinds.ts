import type { readDesignText as readDesignTextNow } from '../core/import/inputKind';
import type { ImportReport } from '../core/import/report';
import { err, ok, type Result } from '../core/result';

/** Moved to core so the CLI reads files as the studio does; kept here for the studio's imports. */
export { detectImportKind, type ImportKind } from '../core/import/importKind';

/**
 * A design from a design file or DBML (core's readDesignText), loaded when first used: DBML
 * needs @dbml/core, megabytes of JavaScript that opening the Import dialog for SQL never does.
 */
export async function readDesignText(
  ...args: Parameters<typeof readDesignTextNow>
): Promise<ReturnType<typeof readDesignTextNow>> {
  const { readDesignText: read } = await import('../core/import/inputKind');
  return read(...args);
}

/** A Prisma schema as SQL for the usual import, with what the database does not get as notes. */
export async function readPrismaSql(
  text: string,
): Promise<Result<{ sql: string; notes: string[] }, { message: string }>> {
  const [{ browserPrismaEngine }, { readPrismaSchema }] = await Promise.all([
    import('./prismaEngine'),
    import('../core/import/prisma'),
  ]);
  let engine;
  try {
    engine = await browserPrismaEngine();
  } catch (thrown) {
    return err({
      message: `Prisma's schema engine could not be loaded: ${(thrown as Error).message}. Reload the page and try again.`,
    });
  }
  const read = readPrismaSchema(engine, text);
  if (!read.ok)
    return err({
      message:
        read.error.line !== undefined
          ? `Prisma's schema engine refused the schema (line ${read.error.line}):\n${read.error.message}`
          : read.error.message,
    });
  return ok({
    sql: read.value.sql,
    notes: read.value.notes.map((n) => `${n.object}: ${n.message}.`),
  });
}

/**
 * A Rails db/schema.rb as SQL for the usual import (read, never run), with its notes; `finish`
 * turns the import report's lines into the schema.rb's and adds the notes.
 */
export async function readRailsSql(
  text: string,
): Promise<Result<{ sql: string; finish(report: ImportReport): void }, { message: string }>> {
  const { readRailsSchema, railsImportReport } = await import('../core/import/railsSchema');
  const read = readRailsSchema(text);
  if (!read.ok) return read;
  return ok({ sql: read.value.sql, finish: (report) => railsImportReport(report, read.value) });
}

/**
 * Why the studio does not read a Drizzle schema itself: it is a program (a TypeScript module
 * importing drizzle-orm) and the browser has no safe way to run one. The CLI does.
 */
export const DRIZZLE_IN_STUDIO =
  'A Drizzle schema is a TypeScript module, a program the studio cannot run safely in the browser. ' +
  'Import it with the command line, then open the design file it writes here:';
export const DRIZZLE_CLI_COMMAND =
  'npx tablewright import src/db/schema.ts -o schema.tablewright.json';
