import { displayName, isUniqueSet } from '../model/design';
import type { Column, Design, ForeignKey, Table } from '../model/schema';
import { schemaNameOf } from '../sql/describe';
import { createEntityIds, mermaidLabel, mermaidQuoted, mermaidWord } from './mermaidNames';

/** What `toMermaid` writes besides tables, columns and relationships. */
export interface MermaidOptions {
  /** The design's name as the diagram title (front matter). Default true. */
  title?: boolean;
  /** Column comments as attribute comments, table comments as `%%` lines. Default true. */
  comments?: boolean;
}

/**
 * The design as a Mermaid `erDiagram`: every table (schema-qualified outside `public`), every
 * column with its type, PK/FK/UK markers and comment, and one relationship per foreign key in
 * crow's-foot notation read from the real constraints. Tables are sorted by schema and name so
 * the text does not change with the order tables were created in.
 */
export function toMermaid(design: Design, options: MermaidOptions = {}): string {
  const withComments = options.comments ?? true;
  const tables = sortedTables(design);
  const entityId = createEntityIds();
  const ids = new Map<string, string>();
  const lines: string[] = [];
  if ((options.title ?? true) && design.name.trim() !== '') {
    // JSON's double-quoted string is valid YAML, escapes included.
    // Front matter is read before directives are looked for, so only line breaks matter here.
    lines.push('---', `title: ${JSON.stringify(design.name.replace(/\s+/g, ' '))}`, '---');
  }
  lines.push('erDiagram');
  for (const table of tables) {
    const display = displayName(design, table);
    const { id, aliased } = entityId(display);
    ids.set(table.id, id);
    if (withComments && table.comment) lines.push(`  %% ${commentLine(table.comment)}`);
    const head = aliased ? `${id}[${mermaidLabel(display)}]` : id;
    if (table.columns.length === 0) {
      lines.push(`  ${head} {`, '  }');
      continue;
    }
    lines.push(`  ${head} {`);
    for (const column of table.columns) lines.push('    ' + attribute(table, column, withComments));
    lines.push('  }');
  }
  for (const table of tables) {
    for (const fk of table.constraints) {
      if (fk.kind !== 'foreignKey') continue;
      const parent = design.tables[fk.refTableId];
      const parentId = ids.get(fk.refTableId);
      const childId = ids.get(table.id);
      if (!parent || parentId === undefined || childId === undefined) continue;
      lines.push(
        `  ${parentId} ${relationship(table, fk)} ${childId} : ${mermaidQuoted(roleLabel(table, fk))}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** Tables by schema name, then table name; code-unit order, which no locale can change. */
export function sortedTables(design: Design): Table[] {
  const key = (t: Table) => [schemaNameOf(design, t.schemaId), t.name, t.id] as const;
  return Object.values(design.tables).sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++)
      if (ka[i] !== kb[i]) return (ka[i] as string) < (kb[i] as string) ? -1 : 1;
    return 0;
  });
}

function attribute(table: Table, column: Column, withComments: boolean): string {
  let line = `${mermaidWord(column.type)} ${mermaidWord(column.name)}`;
  const keys = keyMarkers(table, column.id);
  if (keys.length > 0) line += ' ' + keys.join(', ');
  if (withComments && column.comment) line += ' ' + mermaidQuoted(column.comment);
  return line;
}

/** PK for primary key columns, FK for referencing ones, UK for members of a unique key. */
function keyMarkers(table: Table, columnId: string): string[] {
  const keys: string[] = [];
  const inKind = (kind: 'primaryKey' | 'unique' | 'foreignKey') =>
    table.constraints.some((k) => k.kind === kind && k.columnIds.includes(columnId));
  if (inKind('primaryKey')) keys.push('PK');
  if (inKind('foreignKey')) keys.push('FK');
  // A unique index counts as a unique key when it is over plain columns and not partial.
  const uniqueIndex = table.indexes.some(
    (ix) =>
      ix.unique &&
      !ix.where &&
      ix.elements.every((e) => e.kind === 'column') &&
      ix.elements.some((e) => e.kind === 'column' && e.columnId === columnId),
  );
  if (inKind('unique') || uniqueIndex) keys.push('UK');
  return keys;
}

/**
 * `parent <P>--<C> child`: the parent end is exactly one when every referencing column is NOT NULL
 * (a row always has its parent), zero or one otherwise; the child end is zero or one when the
 * referencing columns are unique, zero or many otherwise. A solid line marks an identifying
 * relationship (the referencing columns are part of the child's primary key), dashed otherwise.
 */
function relationship(table: Table, fk: ForeignKey): string {
  const columns = fk.columnIds.map((id) => table.columns.find((c) => c.id === id));
  const mandatory = columns.every((c) => c !== undefined && !c.nullable);
  const parentEnd = mandatory ? '||' : '|o';
  const childEnd = isUniqueSet(table, fk.columnIds) ? 'o|' : 'o{';
  const pk = table.constraints.find((k) => k.kind === 'primaryKey');
  const identifying = pk !== undefined && fk.columnIds.every((id) => pk.columnIds.includes(id));
  return parentEnd + (identifying ? '--' : '..') + childEnd;
}

/** The referencing columns: what a reader needs to tell two relationships apart. */
function roleLabel(table: Table, fk: ForeignKey): string {
  return fk.columnIds.map((id) => table.columns.find((c) => c.id === id)?.name ?? id).join(', ');
}

/** A `%%` comment line: one line, and never `%%{`, which would start a directive anywhere. */
function commentLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/%(?=%|\{)/g, '%\u200b');
}
