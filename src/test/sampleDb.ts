import type { PGlite } from '@electric-sql/pglite';
import { contribModulesFor, isAvailableExtension, BUILTIN_EXTENSIONS } from '../core/import';
import type { Design } from '../core/model';
import { generateDdl } from '../core/sql';
import { loadContribModules } from '../db/import/contribModules';
import { toPgError } from '../db/pgError';
import type { CreateDb } from './fidelity';

const quiet = { onNotice: () => {} };

/**
 * A fresh database with the design's tables: its contrib extensions loaded, its generated DDL run
 * statement by statement (a refused statement is reported, not fatal: the rest still loads).
 */
export async function loadDesign(
  createDb: CreateDb,
  design: Design,
): Promise<{ db: PGlite; ddlErrors: string[] }> {
  const names = design.extras.filter((x) => x.kind === 'extension').map((x) => x.name);
  const loadable = names.filter((n) => isAvailableExtension(n) && !BUILTIN_EXTENSIONS.has(n));
  const db = await createDb(await loadContribModules(contribModulesFor(loadable)));
  const ddlErrors: string[] = [];
  for (const statement of generateDdl(design).statements) {
    try {
      await db.exec(statement.sql, quiet);
    } catch (thrown) {
      ddlErrors.push(toPgError(thrown).message);
    }
  }
  await db.exec('RESET ALL; SET client_min_messages = warning;', quiet);
  return { db, ddlErrors };
}
