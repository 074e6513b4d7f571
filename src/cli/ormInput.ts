/**
 * ORM schemas as SQL, for the usual SQL import: a Prisma schema through Prisma's own schema
 * engine (the SQL Prisma Migrate would write for it), a Drizzle schema module through drizzle-kit
 * (the SQL `drizzle-kit generate` would write). What the database does not get from the schema
 * comes back as notes for the import report.
 */
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPrismaSchema } from '../core/import/prisma';
import { err, ok, type Result } from '../core/result';
import { nodePrismaEngine } from './prismaEngine';

export interface OrmSql {
  sql: string;
  notes: string[];
}

/** A Prisma schema's SQL, or Prisma's own message (its line in it) when the engine refuses it. */
export function prismaSql(path: string, text: string): Result<OrmSql, string> {
  const file = path === '-' ? 'schema.prisma' : basename(path);
  const read = readPrismaSchema(nodePrismaEngine(), text, file);
  if (!read.ok)
    return err(
      read.error.line !== undefined
        ? `Prisma's schema engine refused it (line ${read.error.line}):\n${read.error.message}`
        : read.error.message,
    );
  return ok({
    sql: read.value.sql,
    notes: read.value.notes.map((n) => `${n.object}: ${n.message}.`),
  });
}

type DrizzleKitApi = {
  generateDrizzleJson(imports: Record<string, unknown>): unknown;
  generateMigration(from: unknown, to: unknown): Promise<string[]>;
};

export const DRIZZLE_KIT_MISSING =
  "reading a Drizzle schema needs drizzle-kit, which is not installed here or in the schema's project. Install it beside drizzle-orm (npm install -D drizzle-kit) and run the import again, or give the SQL drizzle-kit writes (npx drizzle-kit export > schema.sql).";

/**
 * A Drizzle schema module's SQL: the module is imported (TypeScript through tsx; it resolves
 * drizzle-orm from its own project) and drizzle-kit generates the migration from an empty
 * database. drizzle-kit is taken from the schema's project first (the version that matches its
 * drizzle-orm), else from Tablewright's own installation.
 */
export async function drizzleSql(path: string): Promise<Result<OrmSql, string>> {
  if (path === '-')
    return err(
      'a Drizzle schema is a module that imports drizzle-orm: give its path (tablewright import src/db/schema.ts), not standard input.',
    );
  const file = resolve(path);
  const kit = await loadDrizzleKit(file);
  if (!kit) return err(DRIZZLE_KIT_MISSING);
  let module: Record<string, unknown>;
  try {
    const { tsImport } = await import('tsx/esm/api');
    module = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const hint = /drizzle-orm/.test(message)
      ? " Install drizzle-orm in the schema's project (npm install drizzle-orm)."
      : '';
    return err(`the module could not be loaded: ${message.split('\n')[0]}.${hint}`);
  }
  let statements: string[];
  try {
    statements = await kit.generateMigration(
      kit.generateDrizzleJson({}),
      kit.generateDrizzleJson(module),
    );
  } catch (thrown) {
    return err(`drizzle-kit could not read the schema: ${(thrown as Error).message}`);
  }
  if (statements.length === 0)
    return err(
      'drizzle-kit found no table, enum or schema exported by the module: there is nothing to design from.',
    );
  // Schemas and enums first: drizzle-kit may list a table before the type one of its columns has.
  const early = (s: string) => /^\s*CREATE (SCHEMA|TYPE)\b/i.test(s);
  const ordered = [...statements.filter(early), ...statements.filter((s) => !early(s))];
  return ok({ sql: ordered.map((s) => s.trim()).join('\n\n') + '\n', notes: [] });
}

async function loadDrizzleKit(file: string): Promise<DrizzleKitApi | undefined> {
  for (const from of [file, import.meta.url]) {
    let resolved: string;
    try {
      resolved = createRequire(from).resolve('drizzle-kit/api');
    } catch {
      continue;
    }
    return (await import(pathToFileURL(resolved).href)) as DrizzleKitApi;
  }
  return undefined;
}
