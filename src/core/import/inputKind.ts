import { designFromDbml } from '../export/dbmlImport';
import { parseDesign, type Design, type Layout } from '../model';

/**
 * Designs from the two kinds of input that need no database. Shared by the studio's Import
 * dialog and the CLI, so both read the same file the same way. (Not in the package index: DBML
 * pulls in @dbml/core, which the database worker has no use for.)
 */
export { detectImportKind, type ImportKind } from './importKind';

/** A design from a design file or DBML; every failure is a sentence with its place. */
export function readDesignText(
  kind: 'dbml' | 'json',
  text: string,
): { ok: true; design: Design; layout?: Layout } | { ok: false; message: string } {
  if (kind === 'json') {
    const doc = parseDesign(text);
    if (!doc.ok) return { ok: false, message: doc.error.message };
    return { ok: true, design: doc.value.design, layout: doc.value.layout };
  }
  const read = designFromDbml(text);
  if (!read.ok) {
    const where =
      read.error.line !== undefined
        ? ` (line ${read.error.line}${read.error.column !== undefined ? `, column ${read.error.column}` : ''})`
        : '';
    return { ok: false, message: `The DBML could not be read${where}: ${read.error.message}` };
  }
  return { ok: true, design: read.value };
}
