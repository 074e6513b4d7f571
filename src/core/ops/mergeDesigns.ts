import { checkIntegrity } from '../model/integrity';
import type { Design, Table } from '../model/schema';
import { reconcileIds } from './reconcileIds';

export interface MergeResult {
  design: Design;
  /** Ids of the tables (and drawn extras) that came in and need a place on the canvas. */
  addedIds: string[];
  /** What was left out, for the import report. */
  notes: string[];
}

/**
 * Merges an imported design into the current one without overwriting anything: a table, enum or
 * object that already exists by (schema, name) keeps the current version; foreign keys of
 * incoming tables that point at such a table are kept when the referenced columns exist there.
 */
export function mergeDesigns(current: Design, incoming: Design): MergeResult {
  const matched = reconcileIds(current, incoming);
  const notes: string[] = [];
  const addedIds: string[] = [];
  const tables: Design['tables'] = { ...current.tables };
  for (const t of Object.values(matched.tables)) {
    if (current.tables[t.id]) {
      notes.push(`Kept your table "${t.name}"; the imported one of the same name was not merged.`);
      continue;
    }
    tables[t.id] = t;
    addedIds.push(t.id);
  }
  const present = new Set(Object.keys(tables));
  for (const id of addedIds) {
    const t = tables[id] as Table;
    const constraints = t.constraints.filter((k) => {
      if (k.kind !== 'foreignKey') return true;
      const ref = tables[k.refTableId];
      const ok =
        !!ref &&
        present.has(ref.id) &&
        k.refColumnIds.every((c) => ref.columns.some((col) => col.id === c));
      if (!ok)
        notes.push(
          `Left out foreign key ${k.name ?? ''} on "${t.name}": the table it references in your design lacks its columns.`.replace(
            '  ',
            ' ',
          ),
        );
      return ok;
    });
    if (constraints.length !== t.constraints.length) tables[id] = { ...t, constraints };
  }
  const currentExtraNames = new Set(
    current.extras.map((x) => `${x.kind}:${x.schemaId ?? ''}:${x.name}`),
  );
  const extras = [...current.extras];
  for (const x of matched.extras) {
    if (
      currentExtraNames.has(`${x.kind}:${x.schemaId ?? ''}:${x.name}`) ||
      extras.some((e) => e.id === x.id)
    )
      continue;
    extras.push(x);
    if (x.columns) addedIds.push(x.id);
  }
  const design: Design = {
    ...current,
    schemas: { ...matched.schemas, ...current.schemas },
    enums: { ...matched.enums, ...current.enums },
    tables,
    ...(extras.length ? { extras } : {}),
  };
  const problem = checkIntegrity(design);
  if (problem) throw new Error(`mergeDesigns produced an inconsistent design: ${problem.message}`);
  return { design, addedIds, notes };
}
