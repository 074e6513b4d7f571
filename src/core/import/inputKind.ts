import { designFromDbml } from '../export/dbmlImport';
import { parseDesign, type Design, type Layout } from '../model';
import { err, ok, type Result } from '../result';

/**
 * What a file or pasted text is, and designs from the two kinds that need no database. Shared by
 * the studio's Import dialog and the CLI, so both read the same file the same way. (Not in the
 * package index: DBML pulls in @dbml/core, which the database worker has no use for.)
 */
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

/** A design read from text, with the layout a design file brings (DBML brings none). */
export interface DesignText {
  design: Design;
  layout?: Layout;
}

/** Why a design file or DBML gave no design: a sentence with its place, for the person who gave it. */
export interface DesignTextError {
  kind: 'dbml' | 'json';
  message: string;
}

/** A design from a design file or DBML; every failure is a sentence with its place. */
export function readDesignText(
  kind: 'dbml' | 'json',
  text: string,
): Result<DesignText, DesignTextError> {
  if (kind === 'json') {
    const doc = parseDesign(text);
    if (!doc.ok) return err({ kind, message: doc.error.message });
    return ok({ design: doc.value.design, layout: doc.value.layout });
  }
  const read = designFromDbml(text);
  if (!read.ok) {
    const where =
      read.error.line !== undefined
        ? ` (line ${read.error.line}${read.error.column !== undefined ? `, column ${read.error.column}` : ''})`
        : '';
    return err({ kind, message: `The DBML could not be read${where}: ${read.error.message}` });
  }
  return ok({ design: read.value });
}
