import { isSerial, plainType } from '../model/pgType';
import type { Column, Constraint, Design, Index, Table } from '../model/schema';
import { addColumn, addConstraint, updateColumn, updateConstraint } from '../ops/index';
import { addIndex } from '../ops/indexes';
import { btreeKeys } from './keys';
import { conventionalName, NAME_LABEL } from './names';
import { typeInfo } from './typeInfo';

/**
 * Ops the quick fixes need beyond src/core/ops. Each is (design, ...) => design, total (a missing
 * table or column leaves the design unchanged) and deterministic, so a fix applied twice in tests
 * or in two tabs gives the same ids.
 */

/** An id not yet used in the design, derived from `seed` (so the same fix gives the same id). */
export function lintId(design: Design, prefix: 'k' | 'i' | 'c', seed: string): string {
  const taken = new Set<string>();
  for (const t of Object.values(design.tables)) {
    taken.add(t.id);
    for (const c of t.columns) taken.add(c.id);
    for (const k of t.constraints) taken.add(k.id);
    for (const i of t.indexes) taken.add(i.id);
  }
  for (const rec of [design.schemas, design.enums, design.notes])
    for (const id of Object.keys(rec)) taken.add(id);
  for (const x of design.extras) taken.add(x.id);
  let hash = 0x811c9dc5; // FNV-1a: short, stable, good enough to keep ids apart
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  const base = `${prefix}_lint_${(hash >>> 0).toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

const SERIAL_OF: Record<string, string> = {
  integer: 'serial',
  bigint: 'bigserial',
  smallint: 'smallserial',
};

/** `type` in the same kind as `current`: a serial column stays serial, a plain one stays plain. */
function sameKind(current: string | undefined, type: string): string {
  const serialNow = current !== undefined && isSerial(current);
  if (!serialNow) return plainType(type);
  const t = typeInfo(plainType(type));
  return !t.array && SERIAL_OF[t.base] ? (SERIAL_OF[t.base] as string) : type;
}

/**
 * Changes a column's type and, so that the DDL still executes, the same column of the table's
 * partition parent, partitions and inheritance relatives (PostgreSQL requires the types to
 * match), and, so that foreign keys keep matching, every column referencing any of them. Only
 * the column asked for may become serial; the others get the plain integer type.
 */
export function changeColumnType(
  design: Design,
  tableId: string,
  columnId: string,
  type: string,
): Design {
  let next = design;
  const queue: Array<[string, string, string]> = [[tableId, columnId, type]];
  const seen = new Set([`${tableId}/${columnId}`]);
  const push = (t: string, c: string, ty: string) => {
    if (seen.has(`${t}/${c}`)) return;
    seen.add(`${t}/${c}`);
    queue.push([t, c, ty]);
  };
  for (let item = queue.shift(); item; item = queue.shift()) {
    const [atTable, atColumn, atType] = item;
    next = updateColumn(next, atTable, atColumn, { type: atType });
    const here = next.tables[atTable];
    const name = here?.columns.find((c) => c.id === atColumn)?.name;
    for (const parentId of [here?.partitionOf?.tableId, ...(here?.inherits ?? [])]) {
      const parent = parentId
        ? next.tables[parentId]?.columns.find((c) => c.name === name)
        : undefined;
      if (parentId && parent) push(parentId, parent.id, sameKind(parent.type, atType));
    }
    for (const t of Object.values(next.tables)) {
      if (t.partitionOf?.tableId === atTable || t.inherits?.includes(atTable)) {
        const child = t.columns.find((c) => c.name === name);
        if (child) push(t.id, child.id, sameKind(child.type, atType));
      }
      for (const k of t.constraints) {
        if (k.kind !== 'foreignKey' || k.refTableId !== atTable) continue;
        const child = k.columnIds[k.refColumnIds.indexOf(atColumn)];
        if (child) push(t.id, child, plainType(atType));
      }
    }
  }
  return next;
}

/**
 * The key a column copies: following single-column foreign keys up while the referenced column
 * has the same base type, so a type fix changes the key and every copy of it together.
 */
export function referencedRoot(
  design: Design,
  tableId: string,
  columnId: string,
): [string, string] {
  const seen = new Set<string>();
  let at: [string, string] = [tableId, columnId];
  for (;;) {
    const [t, c] = at;
    seen.add(`${t}/${c}`);
    const table = design.tables[t];
    const column = table?.columns.find((x) => x.id === c);
    const fk = table?.constraints.find(
      (k) => k.kind === 'foreignKey' && k.columnIds.length === 1 && k.columnIds[0] === c,
    );
    if (!column || fk?.kind !== 'foreignKey') return at;
    const refId = fk.refColumnIds[0] ?? '';
    const ref = design.tables[fk.refTableId]?.columns.find((x) => x.id === refId);
    if (
      !ref ||
      seen.has(`${fk.refTableId}/${refId}`) ||
      typeInfo(ref.type).base !== typeInfo(column.type).base
    )
      return at;
    at = [fk.refTableId, refId];
  }
}

/** A btree index on exactly these columns, named as CREATE INDEX would name it. */
export function addColumnsIndex(design: Design, tableId: string, columnIds: string[]): Design {
  const table = design.tables[tableId];
  if (!table) return design;
  const names = columnIds.map((id) => table.columns.find((c) => c.id === id)?.name ?? id);
  const index: Index = {
    id: lintId(design, 'i', `${tableId}/index/${columnIds.join(',')}`),
    name: conventionalName(design, table, NAME_LABEL.index, names),
    unique: false,
    method: 'btree',
    elements: columnIds.map((columnId) => ({ kind: 'column', columnId })),
    include: [],
  };
  return addIndex(design, tableId, index);
}

/**
 * A single-column foreign key found by the review, named as PostgreSQL would name it and with
 * ON DELETE RESTRICT: it forbids deleting a referenced row, as NO ACTION (what the application
 * relied on so far, if anything) would, but as a stated choice (the fk-on-delete rule asks for
 * one). When no plain index starts with the column, one comes with it, as fk-without-index asks.
 */
export function addInferredForeignKey(
  design: Design,
  tableId: string,
  columnId: string,
  refTableId: string,
  refColumnId: string,
): Design {
  const table = design.tables[tableId];
  const column = table?.columns.find((c) => c.id === columnId);
  const ref = design.tables[refTableId];
  if (!table || !column || !ref?.columns.some((c) => c.id === refColumnId)) return design;
  let next = addConstraint(design, tableId, {
    id: lintId(design, 'k', `${tableId}/fk/${columnId}`),
    kind: 'foreignKey',
    name: conventionalName(design, table, NAME_LABEL.foreignKey, [column.name]),
    columnIds: [columnId],
    refTableId,
    refColumnIds: [refColumnId],
    onDelete: 'restrict',
    onUpdate: 'noAction',
    deferrable: 'notDeferrable',
  });
  if (!leadsAnIndex(table, columnId)) next = addColumnsIndex(next, tableId, [columnId]);
  return next;
}

/** Whether a whole-table btree key or index starts with the column (what fk-without-index asks). */
export function leadsAnIndex(table: Table, columnId: string): boolean {
  return btreeKeys(table).some((k) => k.where === '' && k.leadingColumns[0] === columnId);
}

/** The table's partitions and inheritance children, their children, and so on. */
export function descendantsOf(design: Design, tableId: string): string[] {
  const out: string[] = [];
  const visit = (id: string) => {
    for (const t of Object.values(design.tables)) {
      if (out.includes(t.id) || !(t.partitionOf?.tableId === id || t.inherits?.includes(id)))
        continue;
      out.push(t.id);
      visit(t.id);
    }
  };
  visit(tableId);
  return out;
}

/** Adds a column to a table and to its descendants, which PostgreSQL requires to have it too. */
export function addColumnEverywhere(design: Design, tableId: string, column: Column): Design {
  let next = addColumn(design, tableId, column);
  for (const child of descendantsOf(design, tableId)) {
    if (next.tables[child]?.columns.some((c) => c.name === column.name)) continue;
    next = addColumn(next, child, {
      ...column,
      id: lintId(next, 'c', `${child}/column/${column.name}`),
    });
  }
  return next;
}

/**
 * Changes a column and the same-named column of every descendant: PostgreSQL requires a child's
 * column to be NOT NULL where its parent's is ("must be marked NOT NULL" on ATTACH PARTITION).
 */
export function updateColumnEverywhere(
  design: Design,
  tableId: string,
  columnId: string,
  patch: Partial<Column>,
): Design {
  const name = design.tables[tableId]?.columns.find((c) => c.id === columnId)?.name;
  let next = updateColumn(design, tableId, columnId, patch);
  for (const child of descendantsOf(design, tableId)) {
    const column = next.tables[child]?.columns.find((c) => c.name === name);
    if (column) next = updateColumn(next, child, column.id, patch);
  }
  return next;
}

/** Gives an unnamed constraint the name PostgreSQL would have chosen for it. */
export function nameConstraint(design: Design, tableId: string, constraintId: string): Design {
  const table = design.tables[tableId];
  const k = table?.constraints.find((x) => x.id === constraintId);
  if (!table || !k || k.name) return design;
  return updateConstraint(design, tableId, {
    ...k,
    name: suggestedConstraintName(design, table, k),
  });
}

export function suggestedConstraintName(design: Design, table: Table, k: Constraint): string {
  const columnName = (id: string) => table.columns.find((c) => c.id === id)?.name ?? id;
  switch (k.kind) {
    case 'primaryKey':
      return conventionalName(design, table, NAME_LABEL.primaryKey, []);
    case 'unique':
    case 'foreignKey':
      return conventionalName(design, table, NAME_LABEL[k.kind], k.columnIds.map(columnName));
    case 'check': {
      // PostgreSQL names a check after the first column its expression mentions.
      const first = table.columns.find((c) =>
        new RegExp(`\\b${escapeRegExp(c.name)}\\b`).test(k.expression),
      );
      return conventionalName(design, table, NAME_LABEL.check, first ? [first.name] : []);
    }
    case 'exclude':
      return conventionalName(design, table, NAME_LABEL.exclude, []);
  }
}

/**
 * A named CHECK constraint; its name follows PostgreSQL's convention for the first column. The
 * table's partitions and inheritance children get it too, by the same name: ATTACH PARTITION and
 * INHERIT refuse a child that lacks a CHECK of its parent ("child table is missing constraint").
 */
export function addCheck(
  design: Design,
  tableId: string,
  columnName: string,
  expression: string,
): Design {
  const table = design.tables[tableId];
  if (!table) return design;
  const name = conventionalName(design, table, NAME_LABEL.check, [columnName]);
  let next = design;
  for (const id of [tableId, ...descendantsOf(design, tableId)]) {
    if (next.tables[id]?.constraints.some((k) => k.kind === 'check' && k.name === name)) continue;
    next = addConstraint(next, id, {
      id: lintId(next, 'k', `${id}/check/${expression}`),
      kind: 'check',
      name,
      expression,
    });
  }
  return next;
}

/** Whether SQL text mentions the column by name (bare or quoted). */
export function mentionsColumn(sql: string, columnName: string): boolean {
  return new RegExp(`(^|[^a-z0-9_$])"?${escapeRegExp(columnName)}"?([^a-z0-9_$]|$)`, 'i').test(sql);
}

/**
 * The expressions of a table and its descendants that PostgreSQL requires to be IMMUTABLE: index
 * expressions and predicates, generated columns, EXCLUDE constraints and partition keys. A type
 * change of a column they mention can break them: date(col) is immutable on a timestamp and only
 * stable on a timestamptz, so CREATE INDEX then fails.
 */
export function immutableExpressions(design: Design, tableId: string): string[] {
  return [tableId, ...descendantsOf(design, tableId)].flatMap((id) => {
    const t = design.tables[id];
    if (!t) return [];
    return [
      ...t.indexes.flatMap((i) => [
        i.where ?? '',
        ...i.elements.map((e) => (e.kind === 'expression' ? e.expression : '')),
      ]),
      ...t.columns.map((c) => c.generated ?? ''),
      ...t.constraints.map((k) => (k.kind === 'exclude' ? k.definition : '')),
      // A plain partition key (`RANGE (created_at)`) takes any type; an expression in it may not.
      /\(.*\(/.test(t.partitionBy ?? '') ? (t.partitionBy ?? '') : '',
    ].filter((sql) => sql !== '');
  });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
