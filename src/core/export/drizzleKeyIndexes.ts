import type { Design, Index } from '../model/schema';
import { uniqueIndexBehind } from '../sql/referencedKey';

/**
 * Unique indexes that foreign keys reference (Rails' structure.sql keys most of its foreign keys
 * this way). drizzle-kit adds every foreign key before any index, and PostgreSQL refuses a foreign
 * key whose key does not exist yet, so such an index is declared as a unique constraint: the key
 * is then made with its table. The database gains a constraint of the index's name; the export
 * notes it. A foreign key onto an index unique() cannot say (DESC keys, INCLUDE) is left out.
 */
export interface ForeignKeyIndexes {
  /** Unique indexes declared as unique constraints. */
  indexes: Set<string>;
  /** Foreign keys (by id) onto an index drizzle cannot declare before them. */
  blocked: Set<string>;
}

export function foreignKeyIndexes(design: Design): ForeignKeyIndexes {
  const out: ForeignKeyIndexes = { indexes: new Set(), blocked: new Set() };
  for (const table of Object.values(design.tables))
    for (const k of table.constraints) {
      const referenced = k.kind === 'foreignKey' ? design.tables[k.refTableId] : undefined;
      const index = referenced && k.kind === 'foreignKey' && uniqueIndexBehind(k, referenced);
      if (!index) continue;
      if (declarableAsUnique(index)) out.indexes.add(index.id);
      else out.blocked.add(k.id);
    }
  return out;
}

export const BLOCKED_FOREIGN_KEY_NOTE =
  'references a unique index drizzle cannot declare as a constraint (DESC keys or INCLUDE columns), and drizzle-kit adds foreign keys before indexes: left out, add it in a migration after the index';

/** Whether drizzle's unique() can say everything the index says: plain btree keys on columns. */
export function declarableAsUnique(index: Index): boolean {
  return (
    index.method === 'btree' &&
    index.include.length === 0 &&
    index.elements.every(
      (e) => e.kind === 'column' && !e.descending && !e.nulls && !e.opclass && !e.collation,
    )
  );
}

export const UNIQUE_FOR_FOREIGN_KEY_NOTE =
  'a unique index foreign keys reference, declared as a unique constraint: drizzle-kit adds foreign keys before indexes, and PostgreSQL needs the key first (the database also has a constraint of this name)';
