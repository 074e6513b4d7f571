/**
 * PostgreSQL's parser on the UI thread (for the safety scan), with its .wasm where Vite put it.
 * Kept apart so that Node tests, which load the parser without a URL, never import `?url`.
 */
import parserWasmUrl from 'libpg-query/wasm/libpg-query.wasm?url';
import { loadParser, type PgParser } from './import/pgParser';

export function loadBrowserParser(): Promise<PgParser> {
  return loadParser({ wasmUrl: parserWasmUrl });
}
