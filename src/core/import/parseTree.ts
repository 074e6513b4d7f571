/**
 * The little of PostgreSQL's parse tree (as libpg-query prints it to JSON) the import reads.
 * Core cannot import libpg-query's types, and needs only a few fields, so they are typed here
 * loosely and read defensively.
 */

/** A parse tree node: `{ "CreateStmt": { ... } }`. */
export type ParseNode = Record<string, unknown>;

/** A statement as the splitter hands it over: its node type and fields. */
export interface StatementTree {
  /** The node type, e.g. `CreateStmt`, `AlterTableStmt`. */
  type: string;
  fields: Record<string, unknown>;
}

/** The single `{ Type: fields }` entry of a statement node. */
export function statementTree(stmt: unknown): StatementTree | undefined {
  if (typeof stmt !== 'object' || stmt === null) return undefined;
  const entries = Object.entries(stmt as ParseNode);
  const first = entries[0];
  if (!first || typeof first[1] !== 'object' || first[1] === null) return undefined;
  return { type: first[0], fields: first[1] as Record<string, unknown> };
}

export function field(node: unknown, name: string): unknown {
  return typeof node === 'object' && node !== null
    ? (node as Record<string, unknown>)[name]
    : undefined;
}

export function stringField(node: unknown, name: string): string | undefined {
  const value = field(node, name);
  return typeof value === 'string' ? value : undefined;
}

export function listField(node: unknown, name: string): unknown[] {
  const value = field(node, name);
  return Array.isArray(value) ? value : [];
}

/** `{ String: { sval } }` nodes of a name list, e.g. `['public', 'mood']`. */
export function names(list: unknown): string[] {
  return (Array.isArray(list) ? list : []).flatMap((item) => {
    const value = stringField(field(item, 'String'), 'sval');
    return value === undefined ? [] : [value];
  });
}

/** A RangeVar as `schema.name` (or `name`). */
export function rangeVarName(node: unknown): string | undefined {
  const relname = stringField(node, 'relname');
  if (relname === undefined) return undefined;
  const schema = stringField(node, 'schemaname');
  return schema === undefined ? relname : `${schema}.${relname}`;
}

/** The roles a RoleSpec list names (only plain names: PUBLIC and CURRENT_USER always exist). */
export function namedRoles(specs: unknown[]): string[] {
  return specs.flatMap((spec) => {
    const role = field(spec, 'RoleSpec') ?? spec;
    return stringField(role, 'roletype') === 'ROLESPEC_CSTRING'
      ? [stringField(role, 'rolename') ?? '']
      : [];
  });
}
