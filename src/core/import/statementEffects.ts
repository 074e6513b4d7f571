import { field, listField, names, stringField, type StatementTree } from './parseTree';

/** A table by schema and name (an unqualified name is in `public`), as a key. */
export type TableKey = string;

/**
 * What one statement of a DDL script does to the tables, when it is one of the few kinds whose
 * effect can be undone exactly and whose order against other statements can be reasoned about:
 * - `table`: CREATE TABLE (plain: no LIKE, INHERITS, PARTITION OF, OF type, IF NOT EXISTS);
 * - `constraint`: ALTER TABLE ... ADD CONSTRAINT name ... (named, so it can be dropped by name);
 * - `index`: CREATE INDEX name ON table (named, not CONCURRENTLY, no IF NOT EXISTS);
 * - `comment`: COMMENT ON TABLE / COLUMN.
 * `prelude` is any other statement that may open a script (schemas, types, extensions...), and
 * `opaque` one whose effect is not understood here (views, functions, SET, DO...).
 */
export type StatementEffect =
  | { kind: 'table'; table: TableKey; schema: string; name: string; refs: TableKey[] }
  | {
      kind: 'constraint';
      table: TableKey;
      schema: string;
      name: string;
      constraints: string[];
      refs: TableKey[];
      /** Only foreign keys: nothing another foreign key could reference. */
      onlyForeignKeys: boolean;
    }
  | {
      kind: 'index';
      table: TableKey;
      schema: string;
      name: string;
      index: string;
      /** A unique index: a foreign key may reference its columns. */
      unique: boolean;
    }
  | { kind: 'comment'; table: TableKey; target: string; undo: string }
  | { kind: 'prelude' }
  | { kind: 'opaque'; why: string };

const PRELUDE = new Set([
  'CreateSchemaStmt',
  'CreateEnumStmt',
  'CreateExtensionStmt',
  'CreateDomainStmt',
  'CompositeTypeStmt',
  'CreateSeqStmt',
  'CreateFunctionStmt',
  'CreateRangeStmt',
  'CommentStmt',
]);

export const tableKey = (schema: string, name: string): TableKey => JSON.stringify([schema, name]);

function relationOf(node: unknown): { schema: string; name: string; key: TableKey } | undefined {
  const name = stringField(node, 'relname');
  if (name === undefined || stringField(node, 'catalogname') !== undefined) return undefined;
  const schema = stringField(node, 'schemaname') ?? 'public';
  return { schema, name, key: tableKey(schema, name) };
}

const constraintOf = (node: unknown): unknown => field(node, 'Constraint');

function foreignKeyTarget(constraint: unknown): TableKey | undefined | null {
  if (stringField(constraint, 'contype') !== 'CONSTR_FOREIGN') return undefined;
  return relationOf(field(constraint, 'pktable'))?.key ?? null;
}

/** The effect of one parsed statement; never throws on trees it does not expect. */
export function statementEffect(tree: StatementTree | undefined): StatementEffect {
  if (!tree) return { kind: 'opaque', why: 'unparsed' };
  const f = tree.fields;
  switch (tree.type) {
    case 'CreateStmt':
      return createTableEffect(f);
    case 'AlterTableStmt':
      return alterTableEffect(f);
    case 'IndexStmt': {
      const relation = relationOf(field(f, 'relation'));
      const index = stringField(f, 'idxname');
      if (!relation || !index || field(f, 'concurrent') || field(f, 'if_not_exists'))
        return { kind: 'opaque', why: 'an unnamed or concurrent index' };
      return {
        kind: 'index',
        table: relation.key,
        schema: relation.schema,
        name: relation.name,
        index,
        unique: field(f, 'unique') === true,
      };
    }
    case 'CommentStmt': {
      const objtype = stringField(f, 'objtype');
      const parts = names(listField(field(field(f, 'object'), 'List'), 'items'));
      if (objtype === 'OBJECT_TABLE' && (parts.length === 1 || parts.length === 2)) {
        const [schema, name] = parts.length === 2 ? parts : ['public', parts[0]];
        return commentEffect(schema as string, name as string, 'TABLE', parts);
      }
      if (objtype === 'OBJECT_COLUMN' && (parts.length === 2 || parts.length === 3)) {
        const [schema, name] = parts.length === 3 ? parts : ['public', parts[0]];
        return commentEffect(schema as string, name as string, 'COLUMN', parts);
      }
      return { kind: 'prelude' };
    }
    default:
      return PRELUDE.has(tree.type) ? { kind: 'prelude' } : { kind: 'opaque', why: tree.type };
  }
}

function commentEffect(
  schema: string,
  name: string,
  what: 'TABLE' | 'COLUMN',
  parts: string[],
): StatementEffect {
  const target = parts.map(quote).join('.');
  return {
    kind: 'comment',
    table: tableKey(schema, name),
    target: `${what} ${target}`,
    undo: `COMMENT ON ${what} ${target} IS NULL`,
  };
}

function createTableEffect(f: Record<string, unknown>): StatementEffect {
  const relation = relationOf(field(f, 'relation'));
  if (!relation) return { kind: 'opaque', why: 'a table without a plain name' };
  if (
    listField(f, 'inhRelations').length > 0 ||
    field(f, 'partbound') !== undefined ||
    field(f, 'ofTypename') !== undefined ||
    field(f, 'if_not_exists') ||
    stringField(field(f, 'relation'), 'relpersistence') !== 'p'
  )
    return { kind: 'opaque', why: 'an inherited, typed or temporary table' };
  const refs: TableKey[] = [];
  for (const element of listField(f, 'tableElts')) {
    const column = field(element, 'ColumnDef');
    const constraints = column
      ? listField(column, 'constraints').map(constraintOf)
      : [constraintOf(element)];
    if (!column && constraints[0] === undefined) return { kind: 'opaque', why: 'LIKE in a table' };
    for (const constraint of constraints) {
      const target = foreignKeyTarget(constraint);
      if (target === null) return { kind: 'opaque', why: 'a foreign key to an odd name' };
      if (target !== undefined) refs.push(target);
    }
  }
  return { kind: 'table', table: relation.key, schema: relation.schema, name: relation.name, refs };
}

function alterTableEffect(f: Record<string, unknown>): StatementEffect {
  const relation = relationOf(field(f, 'relation'));
  if (!relation || stringField(f, 'objtype') !== 'OBJECT_TABLE' || field(f, 'missing_ok'))
    return { kind: 'opaque', why: 'ALTER of something other than a table' };
  const constraints: string[] = [];
  const refs: TableKey[] = [];
  let onlyForeignKeys = true;
  for (const cmd of listField(f, 'cmds')) {
    const alter = field(cmd, 'AlterTableCmd');
    const constraint = constraintOf(field(alter, 'def'));
    const name = stringField(constraint, 'conname');
    if (stringField(alter, 'subtype') !== 'AT_AddConstraint' || !name)
      return { kind: 'opaque', why: 'an ALTER TABLE other than ADD CONSTRAINT name' };
    // USING INDEX takes over an index another statement made: its undo is not a plain drop.
    if (stringField(constraint, 'indexname') !== undefined)
      return { kind: 'opaque', why: 'a constraint using an index' };
    const target = foreignKeyTarget(constraint);
    if (target === null) return { kind: 'opaque', why: 'a foreign key to an odd name' };
    if (target !== undefined) refs.push(target);
    else onlyForeignKeys = false;
    constraints.push(name);
  }
  if (constraints.length === 0) return { kind: 'opaque', why: 'an empty ALTER TABLE' };
  return {
    kind: 'constraint',
    table: relation.key,
    schema: relation.schema,
    name: relation.name,
    constraints,
    refs,
    onlyForeignKeys,
  };
}

/** A double-quoted identifier (always quoted: exact whatever the spelling). */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The column types a CREATE TABLE names (as `schema.name` or `name`), to spot row types of tables. */
export function columnTypeNames(tree: StatementTree | undefined): string[][] {
  if (tree?.type !== 'CreateStmt') return [];
  return listField(tree.fields, 'tableElts').flatMap((element) => {
    const column = field(element, 'ColumnDef');
    return column ? [names(listField(field(column, 'typeName'), 'names'))] : [];
  });
}
