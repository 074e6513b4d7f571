/** Moved to core so the CLI reads files as the studio does; kept here for the studio's imports. */
export { detectImportKind, readDesignText, type ImportKind } from '../core/import/inputKind';
