import parserWasmUrl from 'libpg-query/wasm/libpg-query.wasm?url';
import { loadParser } from '../db/import/pgParser';
import type { DraftError } from '../state/ddlDraft';

/**
 * PostgreSQL's own parser on the UI thread: a syntax error is marked at its exact place as the
 * user types, before any database is involved. Parsing even a large schema takes milliseconds.
 */
export async function checkSyntax(sql: string): Promise<DraftError | undefined> {
  let parser;
  try {
    parser = await loadParser({ wasmUrl: parserWasmUrl });
  } catch {
    return undefined; // without the parser, Postgres itself reports syntax errors a moment later
  }
  const error = parser.check ? parser.check(sql) : resultError(parser.parse(sql));
  if (!error) return undefined;
  // Postgres counts positions in characters (code points), JavaScript strings in UTF-16 units.
  const { message, position } = error;
  const from = position > 0 ? codePointToUnit(sql, position - 1) : 0;
  const line = sql.slice(0, from).split('\n').length;
  return { message, from, to: Math.min(sql.length, from + 1), line, code: '42601' };
}

function resultError<E>(r: { ok: true } | { ok: false; error: E }): E | undefined {
  return r.ok ? undefined : r.error;
}

function codePointToUnit(text: string, codePoints: number): number {
  let unit = 0;
  for (let i = 0; i < codePoints && unit < text.length; i++)
    unit += (text.codePointAt(unit) ?? 0) > 0xffff ? 2 : 1;
  return unit;
}
