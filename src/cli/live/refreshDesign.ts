/**
 * `pull --into`: the design a person keeps, brought up to date with what the database holds
 * now, as the studio does after a DDL edit (src/app/ddlEditing.ts): tables, columns, constraints
 * and indexes that are still there keep their ids (so positions and colours stay), types keep the
 * spelling the person wrote where PostgreSQL means the same, comments the database lacks are
 * kept from the design, the design's notes, review settings and saved queries stay, new tables
 * are placed beside their neighbours, and removed ones are named.
 */
import type { Design, DesignDocument, Layout, Table } from '../../core/model';
import { keepWrittenForm } from '../../core/ops/keepWrittenForm';
import { reconcileIds } from '../../core/ops/reconcileIds';
import { placeNewTables } from '../../layout/placeNewTables';

export interface Refreshed {
  document: DesignDocument;
  /** Qualified names of tables that are new (placed near their neighbours). */
  added: string[];
  /** Qualified names of the design's tables the database no longer has. */
  removed: string[];
  /** How many of the design's tables are still there (ids and layout kept). */
  kept: number;
}

export function refreshDesign(previous: DesignDocument, pulled: Design): Refreshed {
  const prev = previous.design;
  const reconciled = keepWrittenForm(prev, reconcileIds(prev, pulled));
  const tables: Design['tables'] = {};
  for (const [id, table] of Object.entries(reconciled.tables))
    tables[id] = keepComments(prev.tables[id], table);
  const design: Design = {
    ...reconciled,
    tables,
    id: prev.id,
    name: prev.name,
    notes: prev.notes,
    review: prev.review,
    queries: prev.queries,
  };
  const kept: Layout['tables'] = {};
  const fresh: string[] = [];
  for (const id of Object.keys(design.tables)) {
    const entry = previous.layout.tables[id];
    if (entry) kept[id] = entry;
    else fresh.push(id);
  }
  const base: Layout = { ...previous.layout, tables: kept };
  const placed = fresh.length > 0 ? placeNewTables(design, base, fresh) : {};
  const qualified = (d: Design, t: Table) => `${d.schemas[t.schemaId]?.name ?? 'public'}.${t.name}`;
  return {
    document: {
      ...previous,
      design,
      layout: { ...base, tables: { ...kept, ...placed } },
    },
    added: fresh.map((id) => qualified(design, design.tables[id]!)),
    removed: Object.values(prev.tables)
      .filter((t) => !design.tables[t.id])
      .map((t) => qualified(prev, t)),
    kept: Object.keys(kept).length,
  };
}

/** The database's comments win; where it has none, the design's stay. */
function keepComments(before: Table | undefined, table: Table): Table {
  if (!before) return table;
  const columns = table.columns.map((c) => {
    const old = before.columns.find((o) => o.id === c.id);
    return c.comment === undefined && old?.comment !== undefined
      ? { ...c, comment: old.comment }
      : c;
  });
  const comment = table.comment ?? before.comment;
  return {
    ...table,
    columns,
    ...(comment !== undefined ? { comment } : {}),
  };
}
