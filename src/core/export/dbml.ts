import type { Column, Constraint, Design, EnumType, Index, Table } from '../model/schema';
import { schemaNameOf } from '../sql/describe';
import { qualifiedName, quoteIdent } from '../sql/quote';
import {
  dbmlComment,
  dbmlDefault,
  dbmlExpression,
  dbmlName,
  dbmlQualified,
  dbmlString,
  dbmlType,
} from './dbmlSyntax';
import { renderRefs, renderTableGroups } from './dbmlRefs';
import { sortedTables } from './mermaid';
import { renderAreaGroups } from './dbmlAreas';

/** What `toDbml` writes besides tables, enums and references. */
export interface DbmlOptions {
  /**
   * A `TableGroup` per schema that has tables, when the design has no subject areas (DBML holds a
   * table in one group only, and the person's own areas come first). Default false.
   */
  tableGroups?: boolean;
  /** A `Project` block with the design's name and `database_type: 'PostgreSQL'`. Default true. */
  project?: boolean;
}

/**
 * The design as DBML (dbdiagram.io's language): enums, tables with their columns, keys, indexes,
 * checks and notes, one `Ref` per foreign key, subject areas as `TableGroup`s, sticky notes. What DBML cannot hold (exclusion
 * constraints, partial-index predicates, views and functions...) is named in `//` comments.
 * Tables are sorted by schema and name, enums likewise: the text is stable.
 */
export function toDbml(design: Design, options: DbmlOptions = {}): string {
  const blocks: string[] = [];
  if ((options.project ?? true) && design.name.trim() !== '') {
    blocks.push(`Project ${dbmlName(design.name)} {\n  database_type: 'PostgreSQL'\n}`);
  }
  const enums = sortedEnums(design);
  // DBML refuses an enum without values; its columns keep the type name as a plain string.
  const enumTypes = enumSpellings(
    design,
    enums.filter((e) => e.values.length > 0),
  );
  for (const type of enums) blocks.push(renderEnum(design, type));
  const tables = sortedTables(design);
  for (const table of tables) blocks.push(renderTable(design, table, enumTypes));
  const refs = renderRefs(design, tables);
  if (refs.length > 0) blocks.push(refs.join('\n'));
  if (design.areas.length > 0) blocks.push(...renderAreaGroups(design, tables));
  else if (options.tableGroups) blocks.push(...renderTableGroups(design, tables));
  for (const note of Object.values(design.notes)) {
    blocks.push(`Note ${dbmlName(note.id)} {\n  ${dbmlString(note.text)}\n}`);
  }
  const extras = design.extras;
  if (extras.length > 0) {
    const kinds = [...new Set(extras.map((x) => x.kind))].sort().join(', ');
    blocks.push(
      dbmlComment(
        `Not representable in DBML, kept in the design's SQL: ${extras.length} objects (${kinds}).`,
      ).join('\n'),
    );
  }
  return blocks.join('\n\n') + '\n';
}

function sortedEnums(design: Design): EnumType[] {
  const key = (e: EnumType) => schemaNameOf(design, e.schemaId) + '\0' + e.name;
  return Object.values(design.enums).sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
}

/** The SQL spellings of each enum type a column may carry, to the DBML reference to write. */
function enumSpellings(design: Design, enums: EnumType[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const type of enums) {
    const schema = schemaNameOf(design, type.schemaId);
    const ref = dbmlQualified(schema, type.name);
    map.set(`${quoteIdent(schema)}.${quoteIdent(type.name)}`, ref);
    map.set(`${schema}.${type.name}`, ref);
    map.set(qualifiedName(schema, type.name), ref);
  }
  return map;
}

function renderEnum(design: Design, type: EnumType): string {
  const lines = type.comment ? dbmlComment(type.comment) : [];
  const name = dbmlQualified(schemaNameOf(design, type.schemaId), type.name);
  if (type.values.length === 0)
    return [
      ...lines,
      ...dbmlComment(`Enum ${name} has no values, which DBML does not allow.`),
    ].join('\n');
  lines.push(`Enum ${name} {`);
  for (const value of type.values) lines.push(`  ${dbmlName(value)}`);
  lines.push('}');
  return lines.join('\n');
}

function renderTable(design: Design, table: Table, enumTypes: Map<string, string>): string {
  const name = dbmlQualified(schemaNameOf(design, table.schemaId), table.name);
  // DBML refuses a table without columns: say so rather than write what it cannot read.
  if (table.columns.length === 0)
    return dbmlComment(`Table ${name} has no columns, which DBML does not allow.`).join('\n');
  const lines = [`Table ${name} {`];
  const inline = inlineKeys(table);
  for (const column of table.columns) {
    lines.push(
      ...renderColumn(column, inline.pk === column.id, inline.unique.has(column.id), enumTypes),
    );
  }
  const indexLines = [
    ...table.constraints.flatMap((k) => (inline.ids.has(k.id) ? [] : renderKeyIndex(table, k))),
    ...table.indexes.flatMap((ix) => renderIndex(table, ix)),
  ];
  if (indexLines.length > 0) lines.push('', '  Indexes {', ...indexLines, '  }');
  const checkLines = table.constraints.flatMap((k) =>
    k.kind === 'check' ? renderCheck(k.expression, k.name) : [],
  );
  if (checkLines.length > 0) lines.push('', '  checks {', ...checkLines, '  }');
  for (const k of table.constraints) {
    if (k.kind === 'exclude')
      lines.push(...dbmlComment(`EXCLUDE${k.name ? ' ' + k.name : ''}: ${k.definition}`, '  '));
  }
  if (table.partitionBy) lines.push(...dbmlComment(`PARTITION BY ${table.partitionBy}`, '  '));
  if (table.comment) lines.push('', `  Note: ${dbmlString(table.comment)}`);
  lines.push('}');
  return lines.join('\n');
}

/**
 * The single-column primary key and unique constraints that become `pk`/`unique` column settings:
 * only those whose name is PostgreSQL's default, since a column setting cannot carry a name.
 */
function inlineKeys(table: Table): { ids: Set<string>; pk?: string; unique: Set<string> } {
  const out: { ids: Set<string>; pk?: string; unique: Set<string> } = {
    ids: new Set(),
    unique: new Set(),
  };
  for (const k of table.constraints) {
    if ((k.kind !== 'primaryKey' && k.kind !== 'unique') || k.columnIds.length !== 1 || k.comment)
      continue;
    const column = k.columnIds[0] as string;
    if (k.kind === 'primaryKey' && isDefaultName(k, `${table.name}_pkey`)) out.pk = column;
    else if (
      k.kind === 'unique' &&
      !k.nullsNotDistinct &&
      isDefaultName(k, `${table.name}_${columnName(table, column)}_key`)
    )
      out.unique.add(column);
    else continue;
    out.ids.add(k.id);
  }
  return out;
}

/** Whether a constraint's name is absent or PostgreSQL's default (so DBML loses nothing). */
function isDefaultName(k: Constraint, defaultName: string): boolean {
  return k.name === undefined || k.name === defaultName;
}

function columnName(table: Table, columnId: string): string {
  return table.columns.find((c) => c.id === columnId)?.name ?? columnId;
}

function renderColumn(
  column: Column,
  pk: boolean,
  unique: boolean,
  enumTypes: Map<string, string>,
): string[] {
  const settings: string[] = [];
  if (pk) settings.push('pk');
  if (column.identity) settings.push('increment');
  if (!column.nullable && !pk) settings.push('not null');
  if (unique) settings.push('unique');
  const before: string[] = [];
  if (column.default !== undefined) {
    const value = dbmlDefault(column.default, column.type);
    if (value !== undefined) settings.push(`default: ${value}`);
    else before.push(...dbmlComment(`default of ${column.name}: ${column.default}`, '  '));
  }
  if (column.generated)
    before.push(
      ...dbmlComment(`${column.name} is GENERATED ALWAYS AS (${column.generated})`, '  '),
    );
  if (column.comment) settings.push(`note: ${dbmlString(column.comment)}`);
  const type = enumTypes.get(column.type) ?? dbmlType(column.type);
  const list = settings.length > 0 ? ` [${settings.join(', ')}]` : '';
  return [...before, `  ${dbmlName(column.name)} ${type}${list}`];
}

/** A primary key or unique constraint that cannot sit on its column, as an index entry. */
function renderKeyIndex(table: Table, k: Constraint): string[] {
  if (k.kind !== 'primaryKey' && k.kind !== 'unique') return [];
  const settings = [k.kind === 'primaryKey' ? 'pk' : 'unique'];
  if (k.name !== undefined) settings.push(`name: ${dbmlString(k.name)}`);
  if (k.comment) settings.push(`note: ${dbmlString(k.comment)}`);
  return [
    `    ${elementList(k.columnIds.map((id) => dbmlName(columnName(table, id))))} [${settings.join(', ')}]`,
  ];
}

function renderIndex(table: Table, ix: Index): string[] {
  const elements: string[] = [];
  for (const e of ix.elements) {
    const plain = e.kind === 'column' && !e.descending && !e.nulls && !e.opclass && !e.collation;
    if (plain) {
      elements.push(dbmlName(columnName(table, e.columnId)));
      continue;
    }
    let sql = e.kind === 'column' ? quoteIdent(columnName(table, e.columnId)) : e.expression;
    if (e.collation) sql += ` COLLATE ${e.collation}`;
    if (e.opclass) sql += ` ${e.opclass}`;
    if (e.descending) sql += ' DESC';
    if (e.nulls) sql += ` NULLS ${e.nulls.toUpperCase()}`;
    const expression = dbmlExpression(sql);
    if (expression === undefined)
      return dbmlComment(`index ${ix.name ?? ''} on ${sql} (a backtick DBML cannot quote)`, '    ');
    elements.push(expression);
  }
  const settings: string[] = [];
  if (ix.unique) settings.push('unique');
  if (ix.name !== undefined) settings.push(`name: ${dbmlString(ix.name)}`);
  if (ix.method !== 'btree') settings.push(`type: ${ix.method}`);
  if (ix.comment) settings.push(`note: ${dbmlString(ix.comment)}`);
  const lost: string[] = [];
  if (ix.where) lost.push(`WHERE ${ix.where}`);
  if (ix.include.length > 0)
    lost.push(`INCLUDE (${ix.include.map((id) => quoteIdent(columnName(table, id))).join(', ')})`);
  const comment =
    lost.length > 0 ? dbmlComment(`${ix.name ?? 'the next index'}: ${lost.join(' ')}`, '    ') : [];
  const list = settings.length > 0 ? ` [${settings.join(', ')}]` : '';
  return [...comment, `    ${elementList(elements)}${list}`];
}

/** One element bare, several in parentheses. */
function elementList(elements: string[]): string {
  return elements.length === 1 ? (elements[0] as string) : `(${elements.join(', ')})`;
}

function renderCheck(expression: string, name: string | undefined): string[] {
  const sql = dbmlExpression(expression);
  if (sql === undefined) return dbmlComment(`CHECK ${name ?? ''} (${expression})`, '    ');
  return [`    ${sql}${name !== undefined ? ` [name: ${dbmlString(name)}]` : ''}`];
}
