import {
  findColumn,
  isPrimaryKeyColumn,
  isSingleColumnUnique,
  newId,
  uniqueName,
  type Column,
  type Design,
  type Layout,
  type TableColor,
} from '../core/model';
import * as ops from '../core/ops';
import { referencingType, typesMatchForReference } from '../core/model/typeNames';
import type { StudioStore } from './store';
import { freeSpotFor } from '../layout/freeSpotFor';
import { tableSize } from '../core/geometry/tableGeometry';

/**
 * Studio commands: what buttons and shortcuts do. Each is one undo step; they combine core ops
 * with fresh ids and layout so components stay thin.
 */

/**
 * Adds a table centred on `center` (flow coordinates), or at the nearest free spot: a new table
 * never lands on top of another one.
 */
export function addTableAt(store: StudioStore, center: { x: number; y: number }): string {
  const id = newId('t');
  store.getState().dispatchBoth((design, layout) => {
    const name = uniqueName(
      'new_table',
      Object.values(design.tables).map((t) => t.name),
    );
    const idColumn: Column = {
      id: newId('c'),
      name: 'id',
      type: 'bigint',
      nullable: false,
      identity: 'always',
    };
    const next = ops.addTable(design, {
      id,
      name,
      columns: [idColumn],
      constraints: [{ id: newId('k'), kind: 'primaryKey', columnIds: [idColumn.id], include: [] }],
    });
    const table = next.tables[id];
    const position = table
      ? freeSpotFor(design, layout, tableSize(table, undefined), center)
      : center;
    const nextLayout: Layout = {
      ...layout,
      tables: { ...layout.tables, [id]: { x: Math.round(position.x), y: Math.round(position.y) } },
    };
    return { design: next, layout: nextLayout };
  });
  store.getState().select({ tableIds: [id] });
  return id;
}

export function deleteTables(store: StudioStore, tableIds: string[]): void {
  if (tableIds.length === 0) return;
  store.getState().dispatchBoth((design, layout) => {
    const tables = { ...layout.tables };
    for (const id of tableIds) delete tables[id];
    return { design: ops.deleteTables(design, tableIds), layout: { ...layout, tables } };
  });
}

export function addColumn(store: StudioStore, tableId: string): string | undefined {
  const table = store.getState().design.tables[tableId];
  if (!table) return undefined;
  const column: Column = {
    id: newId('c'),
    name: ops.nextColumnName(table),
    type: 'text',
    nullable: true,
  };
  store.getState().dispatch((d) => ops.addColumn(d, tableId, column));
  return column.id;
}

export function setColumnPrimaryKey(
  store: StudioStore,
  tableId: string,
  columnId: string,
  on: boolean,
): void {
  store
    .getState()
    .dispatch((d) => ops.togglePrimaryKeyColumn(d, tableId, columnId, on, newId('k')));
}

export function setColumnUnique(
  store: StudioStore,
  tableId: string,
  columnId: string,
  on: boolean,
): void {
  store.getState().dispatch((d) => ops.toggleUniqueColumn(d, tableId, columnId, on, newId('k')));
}

export function setTableColor(
  store: StudioStore,
  tableIds: string[],
  color: TableColor | undefined,
): void {
  store.getState().setLayout((layout) => ops.setTablesColor(layout, tableIds, color));
}

export interface ConnectResult {
  constraintId: string;
  /** Set when the two columns' types differ: what to tell the user and the fix. */
  typeMismatch?: {
    tableId: string;
    columnId: string;
    columnName: string;
    has: string;
    wants: string;
    refName: string;
  };
}

/**
 * Creates a foreign key from a drag between two columns. The drag usually goes from the
 * referencing column to the referenced one; when it starts on a key column and ends on a plain
 * one, the user meant the other direction, so it is flipped.
 */
export function connectColumns(
  store: StudioStore,
  from: { tableId: string; columnId: string },
  to: { tableId: string; columnId: string },
): ConnectResult | undefined {
  const design = store.getState().design;
  let child = from;
  let parent = to;
  const isKey = (d: Design, end: typeof from) => {
    const t = d.tables[end.tableId];
    return !!t && (isPrimaryKeyColumn(t, end.columnId) || isSingleColumnUnique(t, end.columnId));
  };
  if (isKey(design, from) && !isKey(design, to)) [child, parent] = [to, from];
  if (child.tableId === parent.tableId && child.columnId === parent.columnId) return undefined;
  const childTable = design.tables[child.tableId];
  const parentTable = design.tables[parent.tableId];
  const childCol = childTable && findColumn(childTable, child.columnId);
  const parentCol = parentTable && findColumn(parentTable, parent.columnId);
  if (!childTable || !parentTable || !childCol || !parentCol) return undefined;
  const constraintId = newId('k');
  const name = uniqueName(
    `${childTable.name}_${childCol.name}_fkey`,
    childTable.constraints.map((k) => k.name ?? ''),
  );
  store.getState().dispatch((d) =>
    ops.addForeignKey(d, child.tableId, {
      id: constraintId,
      name,
      columnIds: [child.columnId],
      refTableId: parent.tableId,
      refColumnIds: [parent.columnId],
    }),
  );
  const wants = parentCol.type;
  if (typesMatchForReference(childCol.type, wants)) return { constraintId };
  return {
    constraintId,
    typeMismatch: {
      tableId: child.tableId,
      columnId: child.columnId,
      columnName: childCol.name,
      has: childCol.type,
      wants: referencingType(wants),
      refName: `${parentTable.name}.${parentCol.name}`,
    },
  };
}
