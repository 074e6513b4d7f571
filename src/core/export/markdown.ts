import { displayName } from '../model/design';
import type {
  Column,
  Constraint,
  Design,
  EnumType,
  ForeignKey,
  Index,
  ReferentialAction,
  Table,
} from '../model/schema';
import { schemaNameOf } from '../sql/describe';
import { quoteIdent } from '../sql/quote';
import { sortedTables } from './mermaid';
import { mdCode, mdParagraph, mdTable, mdText } from './markdownText';
import { renderThreads } from './markdownThreads';

/** What `toMarkdown` writes. */
export interface MarkdownOptions {
  /** The top-level heading; default: the design's name followed by "data dictionary". */
  title?: string;
}

const ACTIONS: Record<ReferentialAction, string> = {
  noAction: 'NO ACTION',
  restrict: 'RESTRICT',
  cascade: 'CASCADE',
  setNull: 'SET NULL',
  setDefault: 'SET DEFAULT',
};

const CONSTRAINT_KINDS: Record<Constraint['kind'], string> = {
  primaryKey: 'primary key',
  unique: 'unique',
  check: 'check',
  foreignKey: 'foreign key',
  exclude: 'exclusion',
};

/**
 * A data dictionary in GitHub-flavoured Markdown: per table (sorted by schema and name) its
 * comment, columns (type, nullable, default, keys, comment), constraints, indexes and
 * relationships both ways, and the review discussion on it (open and resolved threads); the subject
 * areas before them, the enum types after. Names, types and SQL are code spans, comments
 * escaped text, so any name renders as written.
 */
export function toMarkdown(design: Design, options: MarkdownOptions = {}): string {
  const tables = sortedTables(design);
  const title = options.title ?? `${design.name.trim() || 'Design'} — data dictionary`;
  const out: string[] = [`# ${mdText(title)}`, ''];
  const enums = Object.values(design.enums);
  out.push(
    `${tables.length} table${tables.length === 1 ? '' : 's'}, ${enums.length} enum type${enums.length === 1 ? '' : 's'}.`,
    '',
  );
  if (design.areas.length > 0) out.push(...renderAreas(design));
  for (const table of tables) out.push(...renderTable(design, tables, table));
  if (enums.length > 0) out.push(...renderEnums(design, enums));
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** The subject areas first: a reader finds the part of the schema they came for, then its tables. */
function renderAreas(design: Design): string[] {
  const rows = design.areas.map((area) => {
    const names = area.tableIds.flatMap((id) => {
      const t = design.tables[id];
      return t ? [mdCode(displayName(design, t))] : [];
    });
    return [mdText(area.name), names.length > 0 ? names.join(', ') : 'No tables.'];
  });
  return ['## Subject areas', '', ...mdTable(['Area', 'Tables'], rows), ''];
}

function renderTable(design: Design, tables: readonly Table[], table: Table): string[] {
  const out = [`## ${mdText(displayName(design, table))}`, ''];
  if (table.comment) out.push(mdParagraph(table.comment), '');
  if (table.partitionOf) {
    const parent = design.tables[table.partitionOf.tableId];
    if (parent)
      out.push(
        `Partition of ${mdCode(displayName(design, parent), false)} ${mdCode(table.partitionOf.bound, false)}.`,
        '',
      );
  }
  if (table.columns.length === 0) out.push('No columns.', '');
  else
    out.push(
      ...mdTable(
        ['Column', 'Type', 'Nullable', 'Default', 'Keys', 'Comment'],
        table.columns.map((c) => columnRow(table, c)),
      ),
      '',
    );
  if (table.constraints.length > 0) {
    out.push('**Constraints**', '');
    out.push(
      ...mdTable(
        ['Name', 'Kind', 'Definition', 'Comment'],
        table.constraints.map((k) => constraintRow(design, table, k)),
      ),
      '',
    );
  }
  if (table.indexes.length > 0) {
    out.push('**Indexes**', '');
    out.push(
      ...mdTable(
        ['Name', 'Unique', 'Method', 'Keys', 'Comment'],
        table.indexes.map((ix) => indexRow(table, ix)),
      ),
      '',
    );
  }
  const relationships = relationshipRows(design, tables, table);
  if (relationships.length > 0) {
    out.push('**Relationships**', '');
    out.push(
      ...mdTable(
        ['Direction', 'Columns', 'Other table', 'Other columns', 'Constraint', 'Actions'],
        relationships,
      ),
      '',
    );
  }
  out.push(...renderThreads(design, table));
  return out;
}

function columnName(table: Table, columnId: string): string {
  return table.columns.find((c) => c.id === columnId)?.name ?? columnId;
}

function columnList(table: Table, ids: readonly string[]): string {
  return ids.map((id) => mdCode(columnName(table, id))).join(', ');
}

function columnRow(table: Table, column: Column): string[] {
  let value = '';
  if (column.identity)
    value = `identity (${column.identity === 'always' ? 'always' : 'by default'})`;
  else if (column.generated) value = `generated: ${mdCode(column.generated)}`;
  else if (column.default !== undefined) value = mdCode(column.default);
  const keys: string[] = [];
  const has = (kind: Constraint['kind']) =>
    table.constraints.some(
      (k) => k.kind === kind && 'columnIds' in k && k.columnIds.includes(column.id),
    );
  if (has('primaryKey')) keys.push('PK');
  if (has('foreignKey')) keys.push('FK');
  if (has('unique')) keys.push('UK');
  return [
    mdCode(column.name),
    mdCode(column.type),
    column.nullable ? 'yes' : 'no',
    value,
    keys.join(', '),
    column.comment ? mdText(column.comment) : '',
  ];
}

function constraintRow(design: Design, table: Table, k: Constraint): string[] {
  let definition: string;
  switch (k.kind) {
    case 'primaryKey':
    case 'unique':
      definition = `(${columnList(table, k.columnIds)})`;
      break;
    case 'check':
      definition = mdCode(k.expression);
      break;
    case 'exclude':
      definition = mdCode(k.definition);
      break;
    case 'foreignKey':
      definition = foreignKeyText(design, table, k);
      break;
  }
  return [
    k.name !== undefined ? mdCode(k.name) : '',
    CONSTRAINT_KINDS[k.kind],
    definition,
    k.comment ? mdText(k.comment) : '',
  ];
}

/** `(a, b)` → `parent` `(x, y)`, with the actions that are not NO ACTION. */
function foreignKeyText(design: Design, table: Table, fk: ForeignKey): string {
  const parent = design.tables[fk.refTableId];
  const target = parent
    ? `${mdCode(displayName(design, parent))} (${columnList(parent, fk.refColumnIds)})`
    : mdText('(missing table)');
  let text = `(${columnList(table, fk.columnIds)}) → ${target}`;
  if (fk.onDelete !== 'noAction') text += ` ON DELETE ${ACTIONS[fk.onDelete]}`;
  if (fk.onUpdate !== 'noAction') text += ` ON UPDATE ${ACTIONS[fk.onUpdate]}`;
  return text;
}

function indexRow(table: Table, ix: Index): string[] {
  const keys = ix.elements.map((e) => {
    let sql = e.kind === 'column' ? quoteIdent(columnName(table, e.columnId)) : `(${e.expression})`;
    if (e.collation) sql += ` COLLATE ${e.collation}`;
    if (e.opclass) sql += ` ${e.opclass}`;
    if (e.descending) sql += ' DESC';
    if (e.nulls) sql += ` NULLS ${e.nulls.toUpperCase()}`;
    return mdCode(sql);
  });
  let text = keys.join(', ');
  if (ix.include.length > 0) text += ` INCLUDE (${columnList(table, ix.include)})`;
  if (ix.where) text += ` WHERE ${mdCode(ix.where)}`;
  return [
    ix.name !== undefined ? mdCode(ix.name) : '',
    ix.unique ? 'yes' : 'no',
    ix.method,
    text,
    ix.comment ? mdText(ix.comment) : '',
  ];
}

/** References to other tables, and the foreign keys elsewhere that point at this one. */
function relationshipRows(design: Design, tables: readonly Table[], table: Table): string[][] {
  const rows: string[][] = [];
  const actions = (k: ForeignKey) =>
    [
      k.onDelete !== 'noAction' ? `ON DELETE ${ACTIONS[k.onDelete]}` : '',
      k.onUpdate !== 'noAction' ? `ON UPDATE ${ACTIONS[k.onUpdate]}` : '',
    ]
      .filter(Boolean)
      .join(', ');
  const name = (k: ForeignKey) => (k.name !== undefined ? mdCode(k.name) : '');
  for (const k of table.constraints) {
    const parent = k.kind === 'foreignKey' ? design.tables[k.refTableId] : undefined;
    if (k.kind !== 'foreignKey' || !parent) continue;
    rows.push([
      'references',
      columnList(table, k.columnIds),
      mdCode(displayName(design, parent)),
      columnList(parent, k.refColumnIds),
      name(k),
      actions(k),
    ]);
  }
  for (const other of tables) {
    for (const k of other.constraints) {
      if (k.kind !== 'foreignKey' || k.refTableId !== table.id) continue;
      rows.push([
        'referenced by',
        columnList(table, k.refColumnIds),
        mdCode(displayName(design, other)),
        columnList(other, k.columnIds),
        name(k),
        actions(k),
      ]);
    }
  }
  return rows;
}

function renderEnums(design: Design, enums: EnumType[]): string[] {
  const key = (e: EnumType) => schemaNameOf(design, e.schemaId) + '\0' + e.name;
  const sorted = [...enums].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const out = ['## Enum types', ''];
  for (const type of sorted) {
    const schema = schemaNameOf(design, type.schemaId);
    out.push(`### ${mdText(schema === 'public' ? type.name : `${schema}.${type.name}`)}`, '');
    if (type.comment) out.push(mdParagraph(type.comment), '');
    out.push(
      type.values.length > 0 ? type.values.map((v) => mdCode(v, false)).join(', ') : 'No values.',
      '',
    );
  }
  return out;
}
