import type { Column, Constraint, Design, Index, Table } from '../model/schema';
import {
  columnFieldsChanged,
  constraintDefinition,
  indexDefinition,
  isNotValid,
  pairById,
} from './compare';
import type { DesignChange } from './types';

/** The changes inside one table kept from A to B: columns, constraints, indexes. */
export function diffTable(a: Design, b: Design, x: Table, y: Table): DesignChange[] {
  const out: DesignChange[] = [];
  const t = y.name;
  const tableId = y.id;
  const columns = pairById(x.columns, y.columns);
  for (const c of columns.removed) {
    out.push({
      entity: 'column',
      action: 'removed',
      id: c.id,
      tableId,
      from: c.name,
      description: `column ${t}.${c.name} dropped`,
    });
  }
  for (const [c, d] of columns.kept) {
    if (c.name !== d.name) {
      out.push({
        entity: 'column',
        action: 'renamed',
        id: d.id,
        tableId,
        from: c.name,
        to: d.name,
        description: `column ${t}.${c.name} renamed to ${d.name}`,
      });
    }
    for (const field of columnFieldsChanged(a, b, c, d))
      out.push(columnChange(t, tableId, field, c, d));
  }
  for (const c of columns.added) {
    out.push({
      entity: 'column',
      action: 'added',
      id: c.id,
      tableId,
      to: c.name,
      description: `column ${t}.${c.name} added (${c.type})`,
    });
  }
  out.push(...diffParts('constraint', t, tableId, x.constraints, y.constraints, constraintText));
  out.push(...diffParts('index', t, tableId, x.indexes, y.indexes, indexDefinition));
  return out;
}

function columnValue(field: string, c: Column): string | undefined {
  switch (field) {
    case 'type':
      return c.collation ? `${c.type} COLLATE ${c.collation}` : c.type;
    case 'serial':
      return String(/serial/i.test(c.type));
    case 'nullable':
      return c.nullable ? 'NULL' : 'NOT NULL';
    case 'default':
      return c.default;
    case 'identity':
      return c.identity
        ? `${c.identity}${c.identityOptions ? ` (${c.identityOptions})` : ''}`
        : undefined;
    case 'generated':
      return c.generated ? `${c.generated} ${c.generatedKind ?? 'stored'}` : undefined;
    default:
      return c.comment;
  }
}

function columnChange(
  t: string,
  tableId: string,
  field: string,
  c: Column,
  d: Column,
): DesignChange {
  const from = columnValue(field, c);
  const to = columnValue(field, d);
  const change: DesignChange = {
    entity: 'column',
    action: 'changed',
    id: d.id,
    tableId,
    field,
    description: `column ${t}.${d.name}: ${field} ${from ?? '(none)'} -> ${to ?? '(none)'}`,
  };
  if (from !== undefined) change.from = from;
  if (to !== undefined) change.to = to;
  return change;
}

function constraintText(k: Constraint): string {
  return constraintDefinition(k) + (isNotValid(k) ? ' NOT VALID' : '');
}

/** Constraints and indexes alike: added, removed, renamed, redefined, comment changed. */
function diffParts<T extends Constraint | Index>(
  entity: 'constraint' | 'index',
  t: string,
  tableId: string,
  before: readonly T[],
  after: readonly T[],
  definition: (x: T) => string,
): DesignChange[] {
  const out: DesignChange[] = [];
  const label = (x: T) => `${entity} ${x.name ? `${x.name} ` : ''}on ${t}`;
  const pairs = pairById(before, after);
  for (const x of pairs.removed) {
    out.push({ entity, action: 'removed', id: x.id, tableId, description: `${label(x)} dropped` });
  }
  for (const [x, y] of pairs.kept) {
    if ((x.name ?? '') !== (y.name ?? '')) {
      const change: DesignChange = {
        entity,
        action: 'renamed',
        id: y.id,
        tableId,
        description: `${label(x)} renamed to ${y.name ?? '(default name)'}`,
      };
      if (x.name) change.from = x.name;
      if (y.name) change.to = y.name;
      out.push(change);
    }
    if (definition(x) !== definition(y)) {
      out.push({
        entity,
        action: 'changed',
        id: y.id,
        tableId,
        field: 'definition',
        from: definition(x),
        to: definition(y),
        description: `${label(y)} redefined`,
      });
    }
    if ((x.comment ?? '') !== (y.comment ?? '')) {
      out.push({
        entity,
        action: 'changed',
        id: y.id,
        tableId,
        field: 'comment',
        description: `${label(y)}: comment changed`,
      });
    }
  }
  for (const y of pairs.added) {
    out.push({ entity, action: 'added', id: y.id, tableId, description: `${label(y)} added` });
  }
  return out;
}
