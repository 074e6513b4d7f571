import type { readDesignText as readDesignTextNow } from '../core/import/inputKind';

/** Moved to core so the CLI reads files as the studio does; kept here for the studio's imports. */
export { detectImportKind, type ImportKind } from '../core/import/importKind';

/**
 * A design from a design file or DBML (core's readDesignText), loaded when first used: DBML
 * needs @dbml/core, megabytes of JavaScript that opening the Import dialog for SQL never does.
 */
export async function readDesignText(
  ...args: Parameters<typeof readDesignTextNow>
): Promise<ReturnType<typeof readDesignTextNow>> {
  const { readDesignText: read } = await import('../core/import/inputKind');
  return read(...args);
}
