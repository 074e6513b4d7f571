import { PGlite } from '@electric-sql/pglite';
import { contribModulesFor } from '../core/import';
import type { Design } from '../core/model';
import { generateDdl } from '../core/sql/generateDdl';
import { loadContribModules } from '../db/import/contribModules';

/**
 * Fresh databases for the ORM verifications, with the contrib extensions the design creates
 * loaded (pgcrypto, uuid-ossp, citext...). Booted cold once per test file, then each one from the
 * first one's data directory, which takes a fraction of the time.
 */
let template: Promise<Blob> | undefined;

async function dataDir(): Promise<Blob> {
  const db = await PGlite.create();
  const data = await db.dumpDataDir('gzip');
  await db.close();
  return data;
}

const quiet = { onNotice: () => {} };

/** A fresh database able to create the design's extensions. Close it when done. */
export async function freshDbFor(design: Design): Promise<PGlite> {
  template ??= dataDir();
  const names = design.extras.filter((x) => x.kind === 'extension').map((x) => x.name);
  const extensions = await loadContribModules(contribModulesFor(names));
  const db = await PGlite.create({ loadDataDir: await template, extensions });
  await db.exec('SET client_min_messages = warning', quiet);
  return db;
}

/**
 * Runs the design's DDL statement by statement and returns what PostgreSQL refused (an extension
 * PGlite lacks, say): the import fidelity test's business, not the exporters', so the ORM tests
 * only need the two databases to share the same refusals.
 */
export async function execDesignDdl(
  db: PGlite,
  design: Design,
  filter: (kind: string) => boolean = () => true,
): Promise<string[]> {
  const refused: string[] = [];
  for (const statement of generateDdl(design).statements) {
    if (!filter(statement.kind)) continue;
    try {
      await db.exec(statement.sql, quiet);
    } catch (error) {
      refused.push(`${(error as Error).message}: ${statement.sql.slice(0, 120)}`);
    }
  }
  return refused;
}

/**
 * The design's objects no ORM declares, which come before the tables (schemas, extensions,
 * domains, sequences, functions; enum types too when `withEnums`): what an ORM's tables use.
 * Failures are ignored: the design's own DDL fails the same way in the expected database.
 */
export async function runPrelude(db: PGlite, design: Design, withEnums: boolean): Promise<void> {
  const statements = generateDdl(design).statements;
  const firstTable = statements.findIndex((s) => s.kind === 'table');
  const kinds = new Set(['schema', 'setting', 'extra', ...(withEnums ? ['enum'] : [])]);
  for (const s of (firstTable < 0 ? statements : statements.slice(0, firstTable)).filter((x) =>
    kinds.has(x.kind),
  )) {
    try {
      await db.exec(s.sql, quiet);
    } catch {
      // See above.
    }
  }
}
