import type { Constraint, Design, Index, Table } from '../model/schema';
import { nameForMessage } from './quote';

/**
 * How problem messages name things: the names a person gave them (not SQL-quoted), long names cut
 * short, and unnamed constraints described by kind.
 */

export function schemaNameOf(design: Design, schemaId: string): string {
  return design.schemas[schemaId]?.name ?? 'public';
}

/** `table "orders"`, or `table "sales.orders"` outside `public`. */
export function describeTable(design: Design, table: Table): string {
  const schema = schemaNameOf(design, table.schemaId);
  const name = schema === 'public' ? table.name : `${schema}.${table.name}`;
  return `table "${nameForMessage(name)}"`;
}

const CONSTRAINT_NOUNS: Record<Constraint['kind'], string> = {
  primaryKey: 'primary key',
  unique: 'unique constraint',
  check: 'check constraint',
  foreignKey: 'foreign key',
  exclude: 'exclusion constraint',
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `Foreign key "orders_customer_fk"`, or `The primary key` / `A unique constraint` when unnamed. */
export function describeConstraint(constraint: Constraint): string {
  const noun = CONSTRAINT_NOUNS[constraint.kind];
  if (constraint.name) return `${capitalize(noun)} "${nameForMessage(constraint.name)}"`;
  return constraint.kind === 'primaryKey' ? `The ${noun}` : `A ${noun}`;
}

/** `Index "orders_placed_idx"`, or `An index` when unnamed. */
export function describeIndex(index: Index): string {
  return index.name ? `Index "${nameForMessage(index.name)}"` : 'An index';
}
