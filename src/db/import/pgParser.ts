/**
 * PostgreSQL's own parser (libpg-query, PG 18 grammar, compiled to WASM) in Node and in the
 * database worker. libpg-query's entry module starts fetching its .wasm when imported, from the
 * directory of the importing script, which Vite does not serve; so the Emscripten factory is used
 * directly and told where the .wasm is (`wasmUrl`, from a `?url` import in the worker). In Node
 * the factory finds the file next to itself.
 *
 * Locations in the parse result are UTF-8 byte offsets (see `splitStatements`).
 */
import createModule, { type PgQueryWasm } from 'libpg-query/wasm/libpg-query.js';
import { err, ok, type Result } from '../../core/result';

/** One statement of a parse result, as libpg-query prints it. */
export interface RawStatement {
  stmt: unknown;
  /** UTF-8 byte offset of the statement in the parsed text; absent means 0. */
  stmt_location?: number;
  /** Its length in bytes; absent or 0 means "to the end of the text". */
  stmt_len?: number;
}

/**
 * Why SQL does not parse: PostgreSQL's message, and its position. Unlike the tree's locations
 * (UTF-8 bytes), the position is PostgreSQL's cursor position: 1-based, in characters
 * (scanner_errposition counts them with pg_mbstrlen_with_len); 0 when there is none.
 */
export interface SqlSyntaxError {
  message: string;
  position: number;
}

export interface PgParser {
  /** The statements, or the syntax error with its position. */
  parse(sql: string): Result<RawStatement[], SqlSyntaxError>;
  /** The syntax error, if any, without building the statements (cheaper on a big script). */
  check?(sql: string): SqlSyntaxError | undefined;
}

export interface ParserOptions {
  /** Where the browser fetches libpg-query.wasm from; Node finds it by itself. */
  wasmUrl?: string;
}

let loading: Promise<PgParser> | undefined;

/** The parser, loaded once per thread. */
export function loadParser(options: ParserOptions = {}): Promise<PgParser> {
  loading ??= createModule(
    options.wasmUrl === undefined ? {} : { locateFile: () => options.wasmUrl as string },
  ).then((wasm) => ({
    parse: (sql: string) => parseWith(wasm, sql, true),
    check: (sql: string) => {
      const r = parseWith(wasm, sql, false);
      return r.ok ? undefined : r.error;
    },
  }));
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The PgQueryParseResult struct: parse tree, stderr buffer, error (pointers, 4 bytes each). */
function parseWith(
  wasm: PgQueryWasm,
  sql: string,
  withTree: boolean,
): Result<RawStatement[], SqlSyntaxError> {
  if (sql.trim() === '') return ok([]);
  const size = wasm.lengthBytesUTF8(sql) + 1;
  const query = wasm._malloc(size);
  let result = 0;
  try {
    wasm.stringToUTF8(sql, query, size);
    result = wasm._wasm_parse_query_raw(query);
    if (!result) throw new Error('libpg-query could not allocate memory');
    const tree = wasm.getValue(result, 'i32');
    const error = wasm.getValue(result + 8, 'i32');
    if (error) {
      // PgQueryError: message, funcname, filename, lineno, cursorpos.
      const messagePointer = wasm.getValue(error, 'i32');
      const cursor = wasm.getValue(error + 16, 'i32');
      const message = messagePointer ? wasm.UTF8ToString(messagePointer) : 'syntax error';
      return err({ message, position: Math.max(0, cursor) });
    }
    if (!withTree) return ok([]);
    const parsed = JSON.parse(tree ? wasm.UTF8ToString(tree) : '{}') as { stmts?: RawStatement[] };
    return ok(parsed.stmts ?? []);
  } finally {
    wasm._free(query);
    if (result) wasm._wasm_free_parse_result(result);
  }
}
