import type { Design, Table } from '../model/schema';
import { dropTablesFromAreas } from './areas';
import { dropOrphanedThreads } from './discussion';

/** Replace one table through `fn`; a missing table leaves the design unchanged (ops are total). */
export function updateTable(design: Design, tableId: string, fn: (t: Table) => Table): Design {
  const table = design.tables[tableId];
  if (!table) return design;
  const next = fn(table);
  return next === table ? design : { ...design, tables: { ...design.tables, [tableId]: next } };
}

export interface AddTablePayload {
  id: string;
  name: string;
  schemaId?: string;
  columns?: Table['columns'];
  constraints?: Table['constraints'];
  comment?: string;
}

export function addTable(design: Design, p: AddTablePayload): Design {
  const schemaId = p.schemaId ?? Object.keys(design.schemas)[0];
  if (!schemaId || design.tables[p.id]) return design;
  const table: Table = {
    id: p.id,
    schemaId,
    name: p.name,
    columns: p.columns ?? [],
    constraints: p.constraints ?? [],
    indexes: [],
    inherits: [],
    storageParameters: [],
    ...(p.comment ? { comment: p.comment } : {}),
  };
  return { ...design, tables: { ...design.tables, [p.id]: table } };
}

export function renameTable(design: Design, tableId: string, name: string): Design {
  return updateTable(design, tableId, (t) => (t.name === name ? t : { ...t, name }));
}

export function setTableComment(design: Design, tableId: string, comment: string): Design {
  return updateTable(design, tableId, (t) => {
    const { comment: _old, ...rest } = t;
    return comment.trim() ? { ...rest, comment } : rest;
  });
}

/**
 * Deletes tables with their partitions (as DROP TABLE does), every foreign key elsewhere that
 * points at them, and the raw objects that belong to them (triggers, policies, ...).
 */
export function deleteTables(design: Design, tableIds: readonly string[]): Design {
  const doomed = new Set(tableIds.filter((id) => design.tables[id]));
  if (doomed.size === 0) return design;
  // Partitions of partitions too: repeat until nothing new joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const t of Object.values(design.tables)) {
      if (t.partitionOf && doomed.has(t.partitionOf.tableId) && !doomed.has(t.id)) {
        doomed.add(t.id);
        grew = true;
      }
    }
  }
  const tables: Design['tables'] = {};
  for (const [id, t] of Object.entries(design.tables)) {
    if (doomed.has(id)) continue;
    const constraints = t.constraints.filter(
      (k) => !(k.kind === 'foreignKey' && doomed.has(k.refTableId)),
    );
    const inherits = t.inherits?.filter((parent) => !doomed.has(parent));
    let next = constraints.length === t.constraints.length ? t : { ...t, constraints };
    if (inherits && inherits.length !== t.inherits?.length) next = { ...next, inherits };
    tables[id] = next;
  }
  const next: Design = { ...design, tables };
  if (design.extras)
    next.extras = design.extras.filter((x) => x.tableId === undefined || !doomed.has(x.tableId));
  return dropOrphanedThreads(dropTablesFromAreas(next, doomed));
}

export function renameDesign(design: Design, name: string): Design {
  return design.name === name ? design : { ...design, name };
}
