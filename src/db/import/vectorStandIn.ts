/**
 * A stand-in for pgvector, which PGlite does not ship: an SQL-only extension named `vector` with
 * its types (`vector`, `halfvec`, `sparsevec`, each taking a dimension), its index access methods
 * (`hnsw`, `ivfflat`) and their operator classes. Enough for PostgreSQL to accept and read back a
 * schema that stores embeddings (a design keeps no data and runs no similarity search), so such
 * tables are no longer lost on import: without it, every table with a `vector(1536)` column was
 * skipped, and the exported SQL silently lacked it.
 *
 * The types reuse built-in C functions through LANGUAGE internal (text's input and output, bit's
 * typmod parser, which keeps the dimension as written), so `format_type` prints `vector(1536)`.
 * The access methods reuse btree's handler: their indexes build on empty tables and read back
 * with `pg_get_indexdef` as written. What it cannot take is said
 * in STAND_IN_NOTES (core/import/extensions.ts).
 */
import type { Extension } from '@electric-sql/pglite';

/** pgvector's own control-file comment, so the catalog reader sees no user comment. */
const CONTROL = `comment = 'vector data type and ivfflat and hnsw access methods'
default_version = '0.8.0'
relocatable = true
`;

const TYPES = ['vector', 'halfvec', 'sparsevec'] as const;

/** Operator classes per access method, as pgvector 0.8 names them, with the type each is for. */
const OPERATOR_CLASSES: Record<'hnsw' | 'ivfflat', readonly [string, string][]> = {
  hnsw: [
    ...TYPES.flatMap((t) =>
      ['l2', 'ip', 'cosine', 'l1'].map((op): [string, string] => [`${t}_${op}_ops`, t]),
    ),
    ['bit_hamming_ops', 'bit'],
    ['bit_jaccard_ops', 'bit'],
  ],
  ivfflat: [
    ...['l2', 'ip', 'cosine'].map((op): [string, string] => [`vector_${op}_ops`, 'vector']),
    ...['l2', 'ip', 'cosine'].map((op): [string, string] => [`halfvec_${op}_ops`, 'halfvec']),
    ['bit_hamming_ops', 'bit'],
  ],
};

function typeSql(t: string): string {
  return `CREATE TYPE ${t};
CREATE FUNCTION ${t}_in(cstring, oid, integer) RETURNS ${t} LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textin';
CREATE FUNCTION ${t}_out(${t}) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textout';
CREATE FUNCTION ${t}_typmod_in(cstring[]) RETURNS integer LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'bittypmodin';
CREATE TYPE ${t} (INPUT = ${t}_in, OUTPUT = ${t}_out, TYPMOD_IN = ${t}_typmod_in, INTERNALLENGTH = VARIABLE, STORAGE = external);
CREATE FUNCTION ${t}_cmp(${t}, ${t}) RETURNS integer LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'bttextcmp';
`;
}

/** The extension's script: what `CREATE EXTENSION vector` runs in the stand-in. */
export const VECTOR_STAND_IN_SQL =
  TYPES.map(typeSql).join('') +
  (['hnsw', 'ivfflat'] as const)
    .map(
      (am) =>
        `CREATE FUNCTION ${am}handler(internal) RETURNS index_am_handler LANGUAGE internal AS 'bthandler';
CREATE ACCESS METHOD ${am} TYPE INDEX HANDLER ${am}handler;
` +
        OPERATOR_CLASSES[am]
          .map(
            ([name, t]) =>
              `CREATE OPERATOR CLASS ${name} FOR TYPE ${t} USING ${am} AS FUNCTION 1 ${t === 'bit' ? 'bitcmp' : `${t}_cmp`}(${t}, ${t});\n`,
          )
          .join(''),
    )
    .join('');

/** Where PGlite's PostgreSQL looks for extension control files and scripts. */
const EXTENSION_DIR = '/pglite/share/postgresql/extension';

interface FsLike {
  writeFile(path: string, data: string): void;
}

/** The stand-in as a PGlite extension: its files are written once the database has started. */
export const vectorStandIn: Extension = {
  name: 'vector',
  setup: async (pg) => ({
    init: async () => {
      const fs = (pg as unknown as { Module: { FS: FsLike } }).Module.FS;
      fs.writeFile(`${EXTENSION_DIR}/vector.control`, CONTROL);
      fs.writeFile(`${EXTENSION_DIR}/vector--0.8.0.sql`, VECTOR_STAND_IN_SQL);
    },
  }),
};
