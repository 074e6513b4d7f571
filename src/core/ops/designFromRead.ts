import type { Design, Table } from '../model';
import { keepAreas } from './areas';
import { keepThreads } from './discussion';
import { keepWrittenForm } from './keepWrittenForm';
import { reconcileIdsWith } from './reconcileIds';
import { deepEqual, shareUnchanged } from './shareUnchanged';

/**
 * What the last read became: the design read (ids as the reader gave them), the design it
 * became, and the id map between them. The next read starts from it when the design is still
 * that one.
 */
export interface ReadMemo {
  read: Design;
  result: Design;
  map: ReadonlyMap<string, string>;
}

/**
 * The design that SQL read back from PostgreSQL (`read`, fresh ids, catalog spellings) becomes
 * when it replaces `current`: ids kept (a rename stays a rename), the person's spelling where
 * PostgreSQL means the same, unchanged tables the same objects, areas and threads kept (less
 * those about what the SQL no longer has), and what SQL cannot say (notes, review settings,
 * saved queries) as the person left it.
 *
 * With the memo of the last read, when `current` is still what that read became, only the tables
 * that differ from the last read are reconciled: typing changes a table or two, and reconciling
 * the other 1,000 again gives them back as they are (the DDL pane's property test holds the two
 * ways equal).
 */
export function designFromRead(
  current: Design,
  read: Design,
  memo?: ReadMemo,
): { design: Design; memo: ReadMemo } {
  const incremental = memo && memo.result === current ? changedSince(memo, read) : undefined;
  let reconciled: Design;
  let map: Map<string, string>;
  if (!incremental) {
    ({ design: reconciled, map } = reconcileIdsWith(current, read));
  } else {
    const { changed, unchanged, known } = incremental;
    const sub = reconcileIdsWith(current, { ...read, tables: changed }, known);
    map = sub.map;
    const tables: Record<string, Table> = {};
    for (const id of Object.keys(read.tables)) {
      const to = map.get(id) ?? id;
      tables[to] = (unchanged.has(id) ? memo?.result.tables[to] : sub.design.tables[to]) as Table;
    }
    reconciled = { ...sub.design, tables };
  }
  const written = keepWrittenForm(current, reconciled);
  const design = shareUnchanged(
    current,
    keepThreads(
      current,
      keepAreas(current, {
        ...written,
        id: current.id,
        name: current.name,
        notes: current.notes,
        review: current.review,
        queries: current.queries,
      }),
    ),
  );
  return { design, memo: { read, result: design, map } };
}

/**
 * The tables of `read` that differ from the last read's, and the ids of those that do not (with
 * what they became last time), or undefined when anything beyond the tables changed.
 */
function changedSince(memo: ReadMemo, read: Design) {
  const last = memo.read;
  if (!deepEqual(last.schemas, read.schemas) || !deepEqual(last.enums, read.enums)) return;
  const changed: Record<string, Table> = {};
  const unchanged = new Set<string>();
  const known = new Map<string, string>();
  const keep = (id: string) => {
    const to = memo.map.get(id);
    if (to !== undefined) known.set(id, to);
  };
  for (const schemaId of Object.keys(read.schemas)) keep(schemaId);
  for (const enumId of Object.keys(read.enums)) keep(enumId);
  for (const [id, table] of Object.entries(read.tables)) {
    const before = last.tables[id];
    const became = memo.result.tables[memo.map.get(id) ?? id];
    if (!before || !became || !(before === table || deepEqual(before, table))) {
      changed[id] = table;
      continue;
    }
    unchanged.add(id);
    keep(id);
    for (const part of [...table.columns, ...table.constraints, ...table.indexes]) keep(part.id);
  }
  return { changed, unchanged, known };
}
