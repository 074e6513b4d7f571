import { primaryKeyOf } from '../model/design';
import type { Constraint, Design, ForeignKey } from '../model/schema';
import { updateTable } from './tables';

/**
 * Adds or removes a column from the table's primary key, creating or dropping the constraint as
 * needed. PK columns become NOT NULL, as PostgreSQL makes them.
 */
export function togglePrimaryKeyColumn(
  design: Design,
  tableId: string,
  columnId: string,
  on: boolean,
  newConstraintId: string,
): Design {
  return updateTable(design, tableId, (t) => {
    const pk = primaryKeyOf(t);
    const has = pk?.columnIds.includes(columnId) ?? false;
    if (has === on) return t;
    let constraints: Constraint[];
    if (on) {
      constraints = pk
        ? t.constraints.map((k) =>
            k === pk ? { ...pk, columnIds: [...pk.columnIds, columnId] } : k,
          )
        : [
            { id: newConstraintId, kind: 'primaryKey', columnIds: [columnId], include: [] },
            ...t.constraints,
          ];
    } else {
      const rest = pk ? pk.columnIds.filter((c) => c !== columnId) : [];
      constraints =
        rest.length && pk
          ? t.constraints.map((k) => (k === pk ? { ...pk, columnIds: rest } : k))
          : t.constraints.filter((k) => k !== pk);
    }
    const columns = on
      ? t.columns.map((c) => (c.id === columnId ? { ...c, nullable: false } : c))
      : t.columns;
    return { ...t, columns, constraints };
  });
}

/** Adds or removes a single-column UNIQUE constraint. */
export function toggleUniqueColumn(
  design: Design,
  tableId: string,
  columnId: string,
  on: boolean,
  newConstraintId: string,
): Design {
  return updateTable(design, tableId, (t) => {
    const existing = t.constraints.find(
      (k) => k.kind === 'unique' && k.columnIds.length === 1 && k.columnIds[0] === columnId,
    );
    if (Boolean(existing) === on) return t;
    const constraints: Constraint[] = on
      ? [
          ...t.constraints,
          { id: newConstraintId, kind: 'unique', columnIds: [columnId], include: [] },
        ]
      : t.constraints.filter((k) => k !== existing);
    return { ...t, constraints };
  });
}

export function addConstraint(design: Design, tableId: string, constraint: Constraint): Design {
  if (constraint.kind === 'primaryKey') {
    const t = design.tables[tableId];
    if (t && primaryKeyOf(t)) return design; // a table has at most one primary key
  }
  return updateTable(design, tableId, (t) =>
    t.constraints.some((k) => k.id === constraint.id)
      ? t
      : { ...t, constraints: [...t.constraints, constraint] },
  );
}

export type ForeignKeyInput = Omit<ForeignKey, 'kind' | 'onDelete' | 'onUpdate' | 'deferrable'> &
  Partial<Pick<ForeignKey, 'onDelete' | 'onUpdate' | 'deferrable'>>;

export function addForeignKey(design: Design, tableId: string, fk: ForeignKeyInput): Design {
  if (!design.tables[fk.refTableId]) return design;
  return addConstraint(design, tableId, {
    onDelete: 'noAction',
    onUpdate: 'noAction',
    deferrable: 'notDeferrable',
    ...fk,
    kind: 'foreignKey',
  });
}

/** Replace a constraint by id (same kind); used by the inspector to edit names, actions, expressions. */
export function updateConstraint(design: Design, tableId: string, constraint: Constraint): Design {
  return updateTable(design, tableId, (t) => {
    const i = t.constraints.findIndex((k) => k.id === constraint.id);
    if (i < 0) return t;
    const constraints = [...t.constraints];
    constraints[i] = constraint;
    return { ...t, constraints };
  });
}

export function deleteConstraint(design: Design, tableId: string, constraintId: string): Design {
  return updateTable(design, tableId, (t) => {
    const constraints = t.constraints.filter((k) => k.id !== constraintId);
    return constraints.length === t.constraints.length ? t : { ...t, constraints };
  });
}
