import { newId } from '../model/ids';
import { checkIntegrity } from '../model/integrity';
import { AREA_LIMITS, type Area, type Design, type Table } from '../model/schema';
import { addTablesToArea, createArea } from './areas';
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
 * Subject areas come along (see {@link mergeAreas}); `freshAreaId` names one whose id is taken.
 */
export function mergeDesigns(
  current: Design,
  incoming: Design,
  freshAreaId: () => string = () => newId('a'),
): MergeResult {
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
  const design = mergeAreas(
    {
      ...current,
      schemas: { ...matched.schemas, ...current.schemas },
      enums: { ...matched.enums, ...current.enums },
      tables,
      ...(extras.length ? { extras } : {}),
    },
    matched.areas,
    freshAreaId,
    notes,
  );
  const problem = checkIntegrity(design);
  if (problem) throw new Error(`mergeDesigns produced an inconsistent design: ${problem.message}`);
  return { design, addedIds, notes };
}

/**
 * The incoming subject areas (their table ids already reconciled) added to `design`, never moving
 * one of the person's tables out of the area it is in: an area takes the tables that came in and
 * the person's tables that are in no area yet. An area named as one of the person's adds its
 * tables to that one (as a table of the same name is the person's); any other keeps its name and
 * colour, with a fresh id when its id is taken.
 */
function mergeAreas(
  design: Design,
  incoming: readonly Area[],
  freshAreaId: () => string,
  notes: string[],
): Design {
  const grouped = new Set(design.areas.flatMap((a) => a.tableIds));
  let merged = design;
  for (const area of incoming) {
    const tableIds = area.tableIds.filter(
      (id) => Object.hasOwn(merged.tables, id) && !grouped.has(id),
    );
    const same = merged.areas.find((a) => a.name === area.name);
    if (same) {
      merged = addTablesToArea(merged, same.id, tableIds);
      continue;
    }
    if (tableIds.length === 0 && area.tableIds.length > 0) {
      notes.push(
        `Left out subject area "${area.name}": its tables are in subject areas of yours already.`,
      );
      continue;
    }
    if (merged.areas.length >= AREA_LIMITS.areas) {
      notes.push(
        `Left out subject area "${area.name}": a design holds at most ${AREA_LIMITS.areas} areas.`,
      );
      continue;
    }
    const id = merged.areas.some((a) => a.id === area.id) ? freshAreaId() : area.id;
    merged = createArea(merged, { id, name: area.name, color: area.color, tableIds });
  }
  return merged;
}
