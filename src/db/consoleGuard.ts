/**
 * Statements PGlite cannot run in the SQL console without breaking the connection: after
 * `COPY … TO/FROM PROGRAM` every later query of the session answers nothing at all (no rows, no
 * error: measured with PGlite 0.5 in Node), and `COPY … FROM STDIN` waits for data no one sends.
 * They are refused before they run, with a Postgres-shaped error.
 */
import { loadParser, type ParserOptions } from './import/pgParser';
import type { PgError } from './protocol';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

/** Why the console refuses `sql`, or undefined when it may run (or does not parse: Postgres says why). */
export async function consoleRefusal(
  sql: string,
  parser: ParserOptions = {},
): Promise<PgError | undefined> {
  let parsed;
  try {
    parsed = (await loadParser(parser)).parse(sql);
  } catch {
    return undefined;
  }
  if (!parsed.ok) return undefined;
  for (const { stmt } of parsed.value) {
    const copy = isNode(stmt) ? stmt.CopyStmt : undefined;
    if (!isNode(copy)) continue;
    if (copy.is_program === true) {
      return {
        message:
          'COPY … PROGRAM is not run: the browser’s PostgreSQL (PGlite) has no shell, and on a real server it runs a command as the database’s operating-system user.',
        code: '0A000',
        hint: 'Nothing of this SQL ran. Use INSERT … VALUES for sample rows.',
      };
    }
    if (copy.is_from === true && copy.filename === undefined) {
      return {
        message: 'COPY … FROM STDIN needs data sent by a client; the console has none to send.',
        code: '0A000',
        hint: 'Nothing of this SQL ran. Use INSERT … VALUES for sample rows.',
      };
    }
  }
  return undefined;
}
