/** Why DBML text could not become a design: the first problem, where it is (1-based). */
export interface DbmlImportError {
  message: string;
  line?: number;
  column?: number;
}

interface Diagnostic {
  message?: unknown;
  location?: { start?: { line?: unknown; column?: unknown } };
}

/**
 * @dbml/core throws a CompilerError holding `diags` (message + start line/column, both 1-based);
 * anything else it throws is an Error or a string. The first diagnostic is the one to fix first:
 * the later ones often follow from it.
 */
export function dbmlErrorOf(error: unknown): DbmlImportError {
  const diags = (error as { diags?: unknown } | null)?.diags;
  if (Array.isArray(diags) && diags.length > 0) {
    const first = diags[0] as Diagnostic;
    const line = first.location?.start?.line;
    const column = first.location?.start?.column;
    const where =
      typeof line === 'number'
        ? `Line ${line}${typeof column === 'number' ? `, column ${column}` : ''}: `
        : '';
    const more =
      diags.length > 1
        ? ` (and ${diags.length - 1} more problem${diags.length > 2 ? 's' : ''})`
        : '';
    const result: DbmlImportError = {
      message: `${where}${String(first.message ?? 'invalid DBML')}${more}`,
    };
    if (typeof line === 'number') result.line = line;
    if (typeof column === 'number') result.column = column;
    return result;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `The DBML could not be read: ${message}` };
}
