import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { PGlite } from '@electric-sql/pglite';
import type { Design } from '../core/model';
import { runPrelude } from './ormDb';

/**
 * Runs an exported drizzle module through drizzle-kit, the way `drizzle-kit generate` would:
 * the module is written beside node_modules (so it resolves drizzle-orm), imported with tsx (it
 * is TypeScript), and drizzle-kit's programmatic API diffs it against an empty schema.
 */
const DIR = fileURLToPath(new URL('../../node_modules/.cache/tablewright-orm/', import.meta.url));

let counter = 0;

/** The exported module, imported. `name` only makes the file easy to find when a test fails. */
export async function importDrizzleModule(
  text: string,
  name: string,
): Promise<Record<string, unknown>> {
  mkdirSync(DIR, { recursive: true });
  const path = `${DIR}${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${process.pid}-${counter++}.ts`;
  writeFileSync(path, text);
  try {
    return (await tsImport(path, import.meta.url)) as Record<string, unknown>;
  } finally {
    rmSync(path, { force: true });
  }
}

/** The statements drizzle-kit generates to create the module's schema from nothing. */
export async function drizzleKitSql(module: Record<string, unknown>): Promise<string[]> {
  const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
  return generateMigration(generateDrizzleJson({}), generateDrizzleJson(module));
}

/**
 * Builds the drizzle-kit schema in `db`: drizzle's schemas and enums first, then the design's
 * objects no ORM declares (extensions, domains, sequences, functions: columns use them), then
 * the rest of drizzle's statements. Returns drizzle's statements PostgreSQL refused.
 */
export async function runDrizzleKitSql(
  db: PGlite,
  design: Design,
  statements: readonly string[],
): Promise<string[]> {
  const early = (s: string) => /^\s*CREATE (SCHEMA|TYPE)\b/i.test(s);
  const refused: string[] = [];
  const run = async (s: string) => {
    try {
      await db.exec(s);
    } catch (error) {
      refused.push(`${(error as Error).message}: ${s.slice(0, 200)}`);
    }
  };
  for (const s of statements.filter(early)) await run(s);
  // Schemas drizzle does not declare (an extensions schema) come from the design; the others exist.
  await runPrelude(db, design, false);
  for (const s of statements.filter((x) => !early(x))) await run(s);
  return refused;
}
