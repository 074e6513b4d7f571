import { renderMigrationSql } from './renderMigrationSql';
import type { Migration, MigrationMode } from './types';

/**
 * Plain SQL migration files, `<timestamp>_<name>.up.sql` and `<timestamp>_<name>.down.sql`, as a map
 * of path -> contents. The timestamp is given (e.g. `20250101120000`): the core reads no clock.
 */
export function exportSqlFiles(
  migration: Migration,
  options: { timestamp: string; name: string; mode: MigrationMode },
): Record<string, string> {
  const base = `${options.timestamp}_${slug(options.name)}`;
  return {
    [`${base}.up.sql`]: renderMigrationSql(migration, 'up', options.mode),
    [`${base}.down.sql`]: renderMigrationSql(migration, 'down', options.mode),
  };
}

/** A file-name-safe form of a migration name: lower case, words joined by `_`. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'migration'
  );
}
