/**
 * The Emscripten factory inside libpg-query, used directly (see pgParser.ts) so that the page
 * can tell it where its .wasm is: the package's own entry starts loading at import time from a
 * place a bundled worker cannot serve.
 */
declare module 'libpg-query/wasm/libpg-query.js' {
  export interface PgQueryWasm {
    _malloc(size: number): number;
    _free(pointer: number): void;
    _wasm_parse_query_raw(query: number): number;
    _wasm_free_parse_result(result: number): void;
    lengthBytesUTF8(text: string): number;
    stringToUTF8(text: string, pointer: number, maxBytes: number): void;
    UTF8ToString(pointer: number): string;
    getValue(pointer: number, type: 'i32'): number;
  }
  const createModule: (options?: {
    locateFile?: (path: string, scriptDirectory: string) => string;
    wasmBinary?: ArrayBuffer | Uint8Array;
  }) => Promise<PgQueryWasm>;
  export default createModule;
}
