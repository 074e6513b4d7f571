import type { Design } from '../model/schema';
import { qualifiedLabel, type OrmNote } from './ormNames';

/**
 * Indexes the design keeps as SQL (an access method the model does not describe, such as
 * pgvector's hnsw): no ORM here can declare them, so the export says so for each, instead of
 * leaving them out without a word.
 */
export function keptIndexNotes(design: Design, orm: string, suffix = ''): OrmNote[] {
  return design.extras.flatMap((x): OrmNote[] => {
    const table = x.kind === 'index' && x.tableId ? design.tables[x.tableId] : undefined;
    if (!table) return [];
    const method = /\bUSING\s+(\w+)/i.exec(x.sql)?.[1];
    return [
      {
        object: qualifiedLabel(design, table.schemaId, table.name),
        what: 'index',
        name: x.name,
        message: `${method ? `a ${method} index` : 'an index'} the design keeps as SQL, which ${orm} cannot declare: run its CREATE INDEX in a migration${suffix}`,
      },
    ];
  });
}
