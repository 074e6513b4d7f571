import { designFromDbml } from '../export/dbmlImport';
import { parseDesign, type Design, type Layout } from '../model';
import { err, ok, type Result } from '../result';

/**
 * Designs from the two kinds of input that need no database. Shared by the studio's Import
 * dialog and the CLI, so both read the same file the same way. (Not in the package index: DBML
 * pulls in @dbml/core, which the database worker has no use for.)
 */
export { detectImportKind, type ImportKind } from './importKind';

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
