// What a file or pasted text is, without reading it. Apart from readDesignText (inputKind.ts)
// because that pulls in @dbml/core, which takes seconds to load and only DBML needs: the CLI
// loads it for a DBML input only.

/** The kinds of input the studio and the CLI read. */
export type ImportKind = 'sql' | 'dbml' | 'json';

/**
 * What a file or pasted text is: a design file (JSON), DBML, or SQL. By extension when there is
 * one; pasted text by its first word (DBML starts with Table/Enum/Ref/Project/TableGroup, which
 * no SQL statement does).
 */
export function detectImportKind(fileName: string | undefined, text: string): ImportKind {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'dbml') return 'dbml';
  if (ext === 'sql' || ext === 'psql') return 'sql';
  const head = text.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  if (head.startsWith('{')) return 'json';
  if (
    /^(Table|Enum|Ref|Project|TableGroup|Note)\b/i.test(head) &&
    !/^(table)\s+\w+\s*;/i.test(head)
  )
    return 'dbml';
  return 'sql';
}
