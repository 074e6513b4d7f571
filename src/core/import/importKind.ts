// What a file or pasted text is, without reading it. Apart from readDesignText (inputKind.ts)
// because that pulls in @dbml/core, which takes seconds to load and only DBML needs: the CLI
// loads it for a DBML input only.

/**
 * The kinds of input the studio and the CLI read. A Drizzle schema is a TypeScript or JavaScript
 * module: only the CLI can run it (through drizzle-kit); the studio says so.
 */
export type ImportKind = 'sql' | 'dbml' | 'json' | 'prisma' | 'drizzle' | 'rails';

/** A Prisma schema's blocks: DBML has `enum x {` too, but never a model, datasource or generator. */
const PRISMA_BLOCK = /^\s*(datasource|generator|model)\s+\w+\s*\{/m;

/** What every Rails `db/schema.rb` opens with: `ActiveRecord::Schema[7.1].define(…) do`. */
const RAILS_SCHEMA = /^\s*ActiveRecord::Schema(\[[\d.]+\])?\.define\b/m;
/** A pasted part of one: `create_table "users" … do |t|`, which no SQL is. */
const RAILS_TABLE = /^\s*create_table\s*\(?\s*["':][^\n]*\bdo\s*\|\s*\w+\s*\|/m;

/**
 * What a file or pasted text is: a design file (JSON), DBML, a Prisma schema, a Drizzle schema
 * module, a Rails schema.rb, or SQL. By extension when there is one; pasted text by its first
 * word (DBML starts with Table/Enum/Ref/Project/TableGroup, which no SQL statement does), a Prisma
 * block, an import of drizzle-orm, or `ActiveRecord::Schema…define`.
 */
export function detectImportKind(fileName: string | undefined, text: string): ImportKind {
  // A gzip file is read decompressed: `schema.sql.gz` is SQL.
  const ext = fileName
    ?.toLowerCase()
    .replace(/\.gz$/, '')
    .match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'dbml') return 'dbml';
  if (ext === 'sql' || ext === 'psql') return 'sql';
  if (ext === 'prisma') return 'prisma';
  if (ext === 'rb') return 'rails';
  if (ext && ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].includes(ext)) return 'drizzle';
  const head = text.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  if (head.startsWith('{')) return 'json';
  if (/^\s*import\b[^;]*['"]drizzle-orm(\/[\w-]+)*['"]/m.test(text)) return 'drizzle';
  if (PRISMA_BLOCK.test(text)) return 'prisma';
  if (RAILS_SCHEMA.test(text) || RAILS_TABLE.test(text)) return 'rails';
  if (
    /^(Table|Enum|Ref|Project|TableGroup|Note)\b/i.test(head) &&
    !/^(table)\s+\w+\s*;/i.test(head)
  )
    return 'dbml';
  return 'sql';
}
