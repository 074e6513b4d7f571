import type { ParseError } from './document';
import type { Design } from './schema';
import { checkThreads } from './discussionIntegrity';

/**
 * Referential checks zod cannot express: every id a design mentions exists, ids are unique, and
 * record keys match the ids inside. Returns the first problem, worded for a person.
 */
export function checkIntegrity(design: Design): ParseError | undefined {
  const seen = new Set<string>();
  const dup = (id: string, where: string): ParseError | undefined => {
    if (seen.has(id))
      return {
        message: `The design is damaged: id "${id}" is used twice (${where}).`,
        path: where,
      };
    seen.add(id);
    return undefined;
  };
  for (const [key, s] of Object.entries(design.schemas)) {
    if (key !== s.id)
      return {
        message: `The design is damaged: schema key "${key}" does not match its id.`,
        path: `design.schemas.${key}`,
      };
    const d = dup(s.id, `design.schemas.${key}`);
    if (d) return d;
  }
  for (const [key, e] of Object.entries(design.enums)) {
    if (key !== e.id || !design.schemas[e.schemaId]) {
      return {
        message: `The design is damaged: enum "${e.name}" is inconsistent.`,
        path: `design.enums.${key}`,
      };
    }
    const d = dup(e.id, `design.enums.${key}`);
    if (d) return d;
  }
  for (const [key, n] of Object.entries(design.notes)) {
    if (key !== n.id)
      return { message: `The design is damaged: note key "${key}" does not match its id.` };
  }
  for (const [key, t] of Object.entries(design.tables)) {
    const at = `design.tables.${key}`;
    if (key !== t.id)
      return {
        message: `The design is damaged: table key "${key}" does not match its id.`,
        path: at,
      };
    if (!design.schemas[t.schemaId])
      return {
        message: `The design is damaged: table "${t.name}" belongs to a schema that does not exist.`,
        path: at,
      };
    const d = dup(t.id, at);
    if (d) return d;
    const columnIds = new Set<string>();
    for (const c of t.columns) {
      const dc = dup(c.id, `${at}.columns`);
      if (dc) return dc;
      columnIds.add(c.id);
    }
    const missing = (ids: string[]) => ids.find((cid) => !columnIds.has(cid));
    for (const k of t.constraints) {
      const dk = dup(k.id, `${at}.constraints`);
      if (dk) return dk;
      if ('columnIds' in k && missing(k.columnIds)) {
        return {
          message: `The design is damaged: a constraint on "${t.name}" names a column that does not exist.`,
          path: `${at}.constraints`,
        };
      }
      if (k.kind === 'foreignKey') {
        const ref = design.tables[k.refTableId];
        const refIds = new Set(ref?.columns.map((c) => c.id));
        if (
          !ref ||
          k.refColumnIds.some((cid) => !refIds.has(cid)) ||
          k.refColumnIds.length !== k.columnIds.length
        ) {
          return {
            message: `The design is damaged: a foreign key on "${t.name}" points at a table or column that does not exist.`,
            path: `${at}.constraints`,
          };
        }
      }
    }
    for (const ix of t.indexes) {
      const di = dup(ix.id, `${at}.indexes`);
      if (di) return di;
      const cols = ix.elements.flatMap((e) => (e.kind === 'column' ? [e.columnId] : []));
      if (missing(cols) || missing(ix.include)) {
        return {
          message: `The design is damaged: an index on "${t.name}" names a column that does not exist.`,
          path: `${at}.indexes`,
        };
      }
    }
    for (const k of t.constraints) {
      if ((k.kind === 'primaryKey' || k.kind === 'unique') && k.include && missing(k.include)) {
        return {
          message: `The design is damaged: a constraint on "${t.name}" includes a column that does not exist.`,
          path: `${at}.constraints`,
        };
      }
    }
    const parent = t.partitionOf ? design.tables[t.partitionOf.tableId] : undefined;
    if (t.partitionOf && (!parent || parent.id === t.id)) {
      return {
        message: `The design is damaged: table "${t.name}" is a partition of a table that does not exist.`,
        path: `${at}.partitionOf`,
      };
    }
  }
  return checkExtras(design, dup) ?? checkAreas(design, dup) ?? checkThreads(design, dup);
}

/** Subject areas: unique ids, and each names only tables that exist, each table in one area at most. */
function checkAreas(
  design: Design,
  dup: (id: string, where: string) => ParseError | undefined,
): ParseError | undefined {
  const areaOf = new Map<string, string>();
  for (const [i, area] of design.areas.entries()) {
    const at = `design.areas.${i}`;
    const d = dup(area.id, at);
    if (d) return d;
    for (const tableId of area.tableIds) {
      if (!Object.hasOwn(design.tables, tableId))
        return {
          message: `The design is damaged: subject area "${area.name}" names a table that does not exist.`,
          path: `${at}.tableIds`,
        };
      const other = areaOf.get(tableId);
      if (other !== undefined)
        return {
          message: `The design is damaged: table "${design.tables[tableId]?.name}" is in subject area "${other}" and again in "${area.name}"; a table belongs to one area at most.`,
          path: `${at}.tableIds`,
        };
      areaOf.set(tableId, area.name);
    }
  }
  return undefined;
}

/**
 * Raw objects: unique ids, and the schema and table they belong to exist. `dependsOn` may name
 * things that are gone (a table deleted under a view): the DDL check reports that, not the parser.
 */
function checkExtras(
  design: Design,
  dup: (id: string, where: string) => ParseError | undefined,
): ParseError | undefined {
  for (const [i, x] of design.extras.entries()) {
    const at = `design.extras.${i}`;
    const d = dup(x.id, at);
    if (d) return d;
    if (x.schemaId !== undefined && !design.schemas[x.schemaId]) {
      return {
        message: `The design is damaged: ${x.kind} "${x.name}" belongs to a schema that does not exist.`,
        path: at,
      };
    }
    if (x.tableId !== undefined && !design.tables[x.tableId]) {
      return {
        message: `The design is damaged: ${x.kind} "${x.name}" belongs to a table that does not exist.`,
        path: at,
      };
    }
  }
  return undefined;
}
