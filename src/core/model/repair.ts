import type { Constraint, Design, Table } from './schema';
import { repairThreads } from './discussionIntegrity';

/** One thing dropped from a stored design because it pointed at something that does not exist. */
export interface Repair {
  /** A sentence for the person whose design it is, naming the table and the thing dropped. */
  message: string;
  /** Where it was, e.g. `design.tables.t_orders.constraints`. */
  path: string;
}

/** The notice for a stored design opened repaired: what was dropped, in a few sentences. */
export function repairNotice(name: string, repairs: readonly Repair[]): string {
  const shown = repairs.slice(0, 5).map((r) => r.message);
  const more = repairs.length - shown.length;
  return [
    `“${name}” referred to things that no longer exist; it was opened without them.`,
    ...shown,
    ...(more > 0 ? [`…and ${more} more.`] : []),
  ].join(' ');
}

const constraintLabel = (k: Constraint): string => {
  const kind = {
    primaryKey: 'primary key',
    unique: 'unique constraint',
    check: 'check constraint',
    foreignKey: 'foreign key',
    exclude: 'exclusion constraint',
  }[k.kind];
  return k.name ? `${kind} "${k.name}"` : kind;
};

/**
 * The design without its dangling references: what `checkIntegrity` would refuse, where dropping
 * the one thing that dangles leaves a sound design (a foreign key to a table that is gone, an index
 * on a column that is gone, a partition of a missing parent...). For the person's own stored
 * designs only, so a design saved by a faulty build still opens; links and files are refused.
 * What cannot be mended this way (duplicate ids, a table in a missing schema) is left for
 * `checkIntegrity` to refuse.
 */
export function repairDangling(design: Design): { design: Design; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const tables: Design['tables'] = {};
  for (const [key, table] of Object.entries(design.tables)) {
    tables[key] = repairTable(design, table, `design.tables.${key}`, repairs);
  }
  const extras = design.extras.filter((x, i) => {
    const missing =
      x.tableId !== undefined && !design.tables[x.tableId]
        ? 'a table'
        : x.schemaId !== undefined && !design.schemas[x.schemaId]
          ? 'a schema'
          : undefined;
    if (missing)
      repairs.push({
        message: `Dropped ${x.kind} "${x.name}": it belonged to ${missing} that no longer exists.`,
        path: `design.extras.${i}`,
      });
    return !missing;
  });
  const areas = repairAreas(design, repairs);
  const threads = repairThreads(design, repairs);
  if (repairs.length === 0) return { design, repairs };
  return { design: { ...design, tables, extras, areas, threads }, repairs };
}

/** Areas without the tables that are gone, and without a second listing of a table (the first area keeps it). */
function repairAreas(design: Design, repairs: Repair[]): Design['areas'] {
  const placed = new Set<string>();
  return design.areas.map((area, i) => {
    const tableIds = area.tableIds.filter((id) => {
      const keep = Object.hasOwn(design.tables, id) && !placed.has(id);
      placed.add(id);
      return keep;
    });
    if (tableIds.length === area.tableIds.length) return area;
    const dropped = area.tableIds.length - tableIds.length;
    repairs.push({
      message: `Took ${dropped === 1 ? 'a table' : `${dropped} tables`} out of subject area “${area.name}”: ${dropped === 1 ? 'it no longer exists or is' : 'they no longer exist or are'} in another area.`,
      path: `design.areas.${i}.tableIds`,
    });
    return { ...area, tableIds };
  });
}

function repairTable(design: Design, table: Table, at: string, repairs: Repair[]): Table {
  const columnIds = new Set(table.columns.map((c) => c.id));
  const has = (id: string) => columnIds.has(id);
  const drop = (what: string, why: string, where: string) =>
    repairs.push({ message: `Dropped the ${what} of "${table.name}": ${why}.`, path: where });
  let changed = false;

  const constraints = table.constraints.flatMap((k): Constraint[] => {
    if ('columnIds' in k && !k.columnIds.every(has)) {
      drop(constraintLabel(k), 'it named a column that no longer exists', `${at}.constraints`);
      return [];
    }
    if (k.kind === 'foreignKey') {
      const ref = design.tables[k.refTableId];
      const refIds = new Set(ref?.columns.map((c) => c.id));
      if (
        !ref ||
        !k.refColumnIds.every((id) => refIds.has(id)) ||
        k.refColumnIds.length !== k.columnIds.length
      ) {
        drop(
          constraintLabel(k),
          'it pointed at a table or column that no longer exists',
          `${at}.constraints`,
        );
        return [];
      }
    }
    if ((k.kind === 'primaryKey' || k.kind === 'unique') && !k.include.every(has)) {
      drop(
        `INCLUDE columns that no longer exist from the ${constraintLabel(k)}`,
        'the key itself is kept',
        `${at}.constraints`,
      );
      return [{ ...k, include: k.include.filter(has) }];
    }
    return [k];
  });
  if (
    constraints.length !== table.constraints.length ||
    constraints.some((k, i) => k !== table.constraints[i])
  )
    changed = true;

  const indexes = table.indexes.flatMap((ix) => {
    const label = ix.name ? `index "${ix.name}"` : 'an unnamed index';
    if (!ix.elements.every((e) => e.kind !== 'column' || has(e.columnId))) {
      drop(label, 'it was on a column that no longer exists', `${at}.indexes`);
      return [];
    }
    if (!ix.include.every(has)) {
      drop(
        `INCLUDE columns that no longer exist from ${label}`,
        'the index itself is kept',
        `${at}.indexes`,
      );
      return [{ ...ix, include: ix.include.filter(has) }];
    }
    return [ix];
  });
  if (indexes.length !== table.indexes.length || indexes.some((ix, i) => ix !== table.indexes[i]))
    changed = true;

  let next: Table = changed ? { ...table, constraints, indexes } : table;
  const parent = table.partitionOf ? design.tables[table.partitionOf.tableId] : undefined;
  if (table.partitionOf && (!parent || parent.id === table.id)) {
    const { partitionOf: _gone, ...rest } = next;
    next = rest;
    drop(
      'tie to a partitioned parent',
      'the parent no longer exists, so it is an ordinary table now',
      `${at}.partitionOf`,
    );
  }
  if (!next.inherits.every((id) => design.tables[id])) {
    next = { ...next, inherits: next.inherits.filter((id) => design.tables[id]) };
    drop('INHERITS parents that no longer exist', 'the other parents are kept', `${at}.inherits`);
  }
  const clusterTargets = new Set([...next.indexes, ...next.constraints].map((x) => x.id));
  if (next.clusterOn !== undefined && !clusterTargets.has(next.clusterOn)) {
    const { clusterOn: _gone, ...rest } = next;
    next = rest;
    drop('CLUSTER ON', 'the index it named no longer exists', `${at}.clusterOn`);
  }
  return next;
}
