import type { Constraint, Design, EnumType, Index, Table } from '../model/schema';
import { describeConstraint, describeIndex, describeTable, schemaNameOf } from './describe';
import {
  checkIdentifierLength,
  MAX_IDENTIFIER_BYTES,
  nameForMessage,
  qualifiedName,
  quoteIdent,
  utf8ByteLength,
} from './quote';
import { referenceableIndexColumns, sameColumnSet } from './referencedKey';
import type { DdlProblem } from './types';

/** What the generator leaves out of the DDL, and why. */
export interface Omissions {
  /** Ids of schemas, enums, tables, columns, constraints and indexes not to emit. */
  omitted: ReadonlySet<string>;
  problems: DdlProblem[];
}

/** A constraint or index name, or undefined when unnamed (an empty name counts as no name). */
export function givenName(entity: Constraint | Index): string | undefined {
  return entity.name ? entity.name : undefined;
}

/**
 * Finds every entity whose name PostgreSQL would refuse or mangle (empty, over 63 bytes, NUL, a
 * `pg_` schema), and everything that cannot be created without it, so the rest of the DDL still
 * executes. Each omission gets one problem worded for the person who made the design.
 */
export function findOmissions(design: Design): Omissions {
  const omitted = new Set<string>();
  const problems: DdlProblem[] = [];
  const omit = (id: string, entityId: string, message: string, partId?: string) => {
    omitted.add(id);
    problems.push(partId === undefined ? { entityId, message } : { entityId, partId, message });
  };

  for (const schema of Object.values(design.schemas)) {
    const why =
      checkIdentifierLength(schema.name, 'Schema name') ?? systemSchemaPrefix(schema.name);
    if (why) {
      omit(schema.id, schema.id, `${why} The schema and everything in it are left out of the DDL.`);
    }
  }

  const omittedEnumSpellings = new Map<string, EnumType>();
  for (const type of Object.values(design.enums)) {
    const why = omitted.has(type.schemaId)
      ? `Type "${nameForMessage(type.name)}" is left out of the DDL because its schema ${schemaLabel(design, type.schemaId)} is left out.`
      : withSuffix(
          checkIdentifierLength(type.name, 'Type name') ?? enumLabelProblem(type),
          ' The type is left out of the DDL.',
        );
    if (!why) continue;
    omit(type.id, type.id, why);
    for (const spelling of typeSpellings(schemaNameOf(design, type.schemaId), type.name)) {
      omittedEnumSpellings.set(spelling, type);
    }
  }

  const tables = Object.values(design.tables);
  for (const table of tables) {
    const why = omitted.has(table.schemaId)
      ? `Table "${nameForMessage(table.name)}" is left out of the DDL because its schema ${schemaLabel(design, table.schemaId)} is left out.`
      : withSuffix(
          checkIdentifierLength(table.name, 'Table name'),
          ' The table is left out of the DDL.',
        );
    if (why) {
      omit(table.id, table.id, why);
      continue;
    }
    omitColumns(design, table, omittedEnumSpellings, omit);
  }

  for (const table of tables) {
    if (omitted.has(table.id)) continue;
    for (const constraint of table.constraints) {
      const why = constraintProblem(design, table, constraint, omitted);
      if (why) omit(constraint.id, table.id, why, constraint.id);
    }
    for (const index of table.indexes) {
      const why = indexProblem(design, table, index, omitted);
      if (why) omit(index.id, table.id, why, index.id);
    }
  }

  // Last, because it depends on which keys survived above.
  for (const table of tables) {
    if (omitted.has(table.id)) continue;
    for (const constraint of table.constraints) {
      if (constraint.kind !== 'foreignKey' || omitted.has(constraint.id)) continue;
      const referenced = design.tables[constraint.refTableId];
      if (referenced && lostReferencedKey(referenced, constraint.refColumnIds, omitted)) {
        omit(
          constraint.id,
          table.id,
          `${describeConstraint(constraint)} on ${describeTable(design, table)} is left out of the DDL because the key it references on ${describeTable(design, referenced)} is left out.`,
          constraint.id,
        );
      }
    }
  }
  return { omitted, problems };
}

type LeaveOut = (id: string, entityId: string, message: string, partId?: string) => void;

function omitColumns(
  design: Design,
  table: Table,
  omittedEnumSpellings: Map<string, EnumType>,
  omit: LeaveOut,
): void {
  for (const column of table.columns) {
    // The common case, a valid name, must not pay for building a message.
    if (checkIdentifierLength(column.name) === undefined && omittedEnumSpellings.size === 0) {
      continue;
    }
    const where = ` in ${describeTable(design, table)}`;
    let why = withSuffix(
      checkIdentifierLength(column.name, 'Column name', where),
      ' The column is left out of the DDL.',
    );
    if (!why && omittedEnumSpellings.size > 0) {
      const type = omittedEnumSpellings.get(baseTypeName(column.type));
      if (type) {
        why = `Column "${nameForMessage(column.name)}"${where} is left out of the DDL because its type "${nameForMessage(type.name)}" is left out.`;
      }
    }
    if (why) omit(column.id, table.id, why, column.id);
  }
}

function constraintProblem(
  design: Design,
  table: Table,
  constraint: Constraint,
  omitted: ReadonlySet<string>,
): string | undefined {
  const on = () => ` on ${describeTable(design, table)}`;
  const name = givenName(constraint);
  if (name !== undefined && checkIdentifierLength(name) !== undefined) {
    return `${checkIdentifierLength(name, 'Constraint name', on())} The constraint is left out of the DDL.`;
  }
  if ('columnIds' in constraint) {
    const lost = firstOmittedColumn(table, constraint.columnIds, omitted);
    if (lost) {
      return `${describeConstraint(constraint)}${on()} is left out of the DDL because its column "${nameForMessage(lost)}" is left out.`;
    }
  }
  if (constraint.kind !== 'foreignKey') return undefined;
  const referenced = design.tables[constraint.refTableId];
  if (!referenced || omitted.has(referenced.id)) {
    const target = referenced ? ` ${describeTable(design, referenced)},` : ' a table that';
    return `${describeConstraint(constraint)}${on()} is left out of the DDL because it references${target} which is left out.`;
  }
  const lost = firstOmittedColumn(referenced, constraint.refColumnIds, omitted);
  if (lost) {
    return `${describeConstraint(constraint)}${on()} is left out of the DDL because it references column "${nameForMessage(lost)}" of ${describeTable(design, referenced)}, which is left out.`;
  }
  return undefined;
}

function indexProblem(
  design: Design,
  table: Table,
  index: Index,
  omitted: ReadonlySet<string>,
): string | undefined {
  const on = () => ` on ${describeTable(design, table)}`;
  const name = givenName(index);
  if (name !== undefined && checkIdentifierLength(name) !== undefined) {
    return `${checkIdentifierLength(name, 'Index name', on())} The index is left out of the DDL.`;
  }
  for (const element of index.elements) {
    const lost =
      element.kind === 'column'
        ? firstOmittedColumn(table, [element.columnId], omitted)
        : undefined;
    if (lost) {
      return `${describeIndex(index)}${on()} is left out of the DDL because its column "${nameForMessage(lost)}" is left out.`;
    }
  }
  const lost = firstOmittedColumn(table, index.include, omitted);
  if (lost) {
    return `${describeIndex(index)}${on()} is left out of the DDL because its column "${nameForMessage(lost)}" is left out.`;
  }
  return undefined;
}

/** The name of the first column among `columnIds` that is left out (or missing), if any. */
function firstOmittedColumn(
  table: Table,
  columnIds: readonly string[],
  omitted: ReadonlySet<string>,
): string | undefined {
  for (const id of columnIds) {
    if (!omitted.has(id) && table.columns.some((c) => c.id === id)) continue;
    return table.columns.find((c) => c.id === id)?.name ?? id;
  }
  return undefined;
}

/**
 * True when a foreign key's referenced columns matched a primary key, unique constraint or unique
 * index that is left out, and nothing that survives provides the same key: Postgres would refuse
 * the foreign key ("there is no unique constraint matching given keys").
 */
function lostReferencedKey(
  referenced: Table,
  refColumnIds: readonly string[],
  omitted: ReadonlySet<string>,
): boolean {
  let lost = false;
  for (const k of referenced.constraints) {
    if (
      (k.kind === 'primaryKey' || k.kind === 'unique') &&
      sameColumnSet(k.columnIds, refColumnIds)
    ) {
      if (!omitted.has(k.id)) return false;
      lost = true;
    }
  }
  for (const ix of referenced.indexes) {
    const columns = referenceableIndexColumns(ix);
    if (columns && sameColumnSet(columns, refColumnIds)) {
      if (!omitted.has(ix.id)) return false;
      lost = true;
    }
  }
  return lost;
}

function schemaLabel(design: Design, schemaId: string): string {
  return `"${nameForMessage(schemaNameOf(design, schemaId))}"`;
}

function systemSchemaPrefix(name: string): string | undefined {
  return name.startsWith('pg_')
    ? `Schema name "${nameForMessage(name)}" begins with "pg_", which PostgreSQL reserves for system schemas.`
    : undefined;
}

function enumLabelProblem(type: EnumType): string | undefined {
  for (const label of type.values) {
    const bytes = utf8ByteLength(label);
    if (bytes > MAX_IDENTIFIER_BYTES) {
      return `Type "${nameForMessage(type.name)}" has the value "${nameForMessage(label)}" of ${bytes} bytes; PostgreSQL allows at most ${MAX_IDENTIFIER_BYTES} bytes.`;
    }
  }
  return undefined;
}

function withSuffix(message: string | undefined, suffix: string): string | undefined {
  return message === undefined ? undefined : message + suffix;
}

/** A column type without array brackets, e.g. `"Other".mood` for `"Other".mood[]`. */
function baseTypeName(type: string): string {
  return type.replace(/(\s*\[\s*\d*\s*\])+\s*$/, '').trim();
}

/** The ways a column type could name this enum: minimal quoting, fully qualified, fully quoted. */
function typeSpellings(schema: string, name: string): string[] {
  const quoted = (s: string) => '"' + s.replaceAll('"', '""') + '"';
  const spellings = [
    qualifiedName(schema, name),
    quoteIdent(schema) + '.' + quoteIdent(name),
    quoted(schema) + '.' + quoted(name),
  ];
  if (schema === 'public') spellings.push(quoted(name));
  return spellings;
}
