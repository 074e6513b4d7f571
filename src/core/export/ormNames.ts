import type { Column, Design, Table } from '../model/schema';
import { schemaNameOf } from '../sql/describe';

/**
 * What the ORM exporters share about names and scope: which tables become models, how a database
 * name becomes an identifier the target language accepts, and how an exporter says what it left
 * out (never silently: every skipped item is a note, and the output carries it as a comment).
 */

/** Something the target ORM cannot express, left out or approximated on purpose. */
export interface OrmNote {
  /** `schema.table` (or `schema.type` for enums). */
  object: string;
  /** What was skipped, for machines: the test maps it to catalog entries. */
  what:
    'table' | 'tableOption' | 'column' | 'constraint' | 'index' | 'relation' | 'type' | 'comment';
  /** The column, constraint or index name, where the note is about one. */
  name?: string;
  /** The name the export gives it instead, where the target cannot keep the database's. */
  renamedTo?: string;
  message: string;
}

/** An exporter's output with its notes. */
export interface OrmExport {
  text: string;
  notes: OrmNote[];
}

/** `schema.table` as the notes and comments name it. */
export function qualifiedLabel(design: Design, schemaId: string, name: string): string {
  return `${schemaNameOf(design, schemaId)}.${name}`;
}

/**
 * The tables that become models. Partitions are left out: they hold rows of their parent, which
 * is the table applications query, and no ORM here can declare PARTITION OF.
 */
export function modelTables(design: Design, notes: OrmNote[]): Table[] {
  const out: Table[] = [];
  for (const table of Object.values(design.tables)) {
    if (table.partitionOf) {
      const parent = design.tables[table.partitionOf.tableId];
      notes.push({
        object: qualifiedLabel(design, table.schemaId, table.name),
        what: 'table',
        message: `partition of ${parent ? parent.name : 'another table'}: queried through its parent, not a model of its own`,
      });
      continue;
    }
    out.push(table);
  }
  return out;
}

/**
 * The name a model starts from: the table's, prefixed with its schema when another schema has a
 * table of the same name (as `prisma db pull` does), so `sales.user` does not become `user_2`.
 */
export function modelNameCandidate(design: Design, table: Table, tables: readonly Table[]): string {
  const schema = schemaNameOf(design, table.schemaId);
  const clash = tables.some((t) => t !== table && t.name === table.name);
  return clash && schema !== 'public' ? `${schema}_${table.name}` : table.name;
}

/** Words that start a new part of a name: `order_items` -> [order, items], `OrderItems` too. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** `order_items` -> `OrderItems`; empty when the name has no ASCII letters or digits. */
export function pascalCase(name: string): string {
  return (
    words(name)
      // An all-caps word reads as a word (`ID` -> `Id`), not as letters (`iD`).
      .map((w) =>
        w === w.toUpperCase()
          ? w.charAt(0) + w.slice(1).toLowerCase()
          : w.charAt(0).toUpperCase() + w.slice(1),
      )
      .join('')
  );
}

/** `order_items` -> `orderItems`. */
export function camelCase(name: string): string {
  const p = pascalCase(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/**
 * An identifier from `candidate` that matches /^[A-Za-z][A-Za-z0-9_]*$/, is not reserved and not
 * taken (case-insensitively when `ignoreCase`, since some ORMs compare that way), then added to
 * `taken`. `fallback` is used when nothing of the name survives (an all-emoji name).
 */
export function claimIdentifier(
  candidate: string,
  taken: Set<string>,
  reserved: ReadonlySet<string>,
  fallback: string,
  ignoreCase = false,
): string {
  let base = candidate.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (base === '') base = fallback;
  if (!/^[A-Za-z]/.test(base)) base = fallback + '_' + base;
  const key = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  let name = base;
  for (
    let n = 2;
    reserved.has(name) || reserved.has(name.toLowerCase()) || taken.has(key(name));
    n++
  ) {
    name = `${base}_${n}`;
  }
  taken.add(key(name));
  return name;
}

/** Whether `name` can be written bare in the target (letters, digits, underscore, letter first). */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name);
}

/** A JavaScript string literal in single quotes. */
export function jsString(value: string): string {
  return (
    "'" +
    value
      .replaceAll('\\', '\\\\')
      .replaceAll("'", "\\'")
      .replaceAll('\n', '\\n')
      .replaceAll('\r', '\\r')
      .replaceAll('\u2028', '\\u2028')
      .replaceAll('\u2029', '\\u2029') +
    "'"
  );
}

/** A JavaScript template literal body (for sql`...`): backquotes, `${` and backslashes escaped. */
export function jsTemplateBody(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
}

/** JavaScript reserved words (and globals a module should not shadow) that cannot name a binding. */
export const JS_RESERVED: ReadonlySet<string> = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with yield let static implements interface package private ' +
    'protected public await arguments eval undefined NaN Infinity Object Array String Number ' +
    'Boolean Symbol Date Error Map Set Promise JSON Math sql relations'
  ).split(' '),
);

/** Columns by id, for constraint lookups. */
export function columnsById(table: Table): Map<string, Column> {
  return new Map(table.columns.map((c) => [c.id, c]));
}

/** A column's name by id (the id itself when the design is damaged, so output stays readable). */
export function columnNameOf(table: Table, columnId: string): string {
  return table.columns.find((c) => c.id === columnId)?.name ?? columnId;
}

/**
 * The name PostgreSQL gives an unnamed constraint or index (`orders_customer_id_fkey`), truncated
 * the way its makeObjectName does so the whole fits in 63 bytes: the longer part is cut first.
 * The ORMs name every constraint explicitly, so they need the name PostgreSQL would have chosen.
 */
export function postgresDefaultName(
  table: string,
  columns: readonly string[],
  label: string,
): string {
  let a = table;
  let b = columns.join('_');
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const overhead = label.length + (b ? 2 : 1);
  while (bytes(a) + bytes(b) + overhead > 63) {
    if (bytes(a) > bytes(b)) a = Array.from(a).slice(0, -1).join('');
    else b = Array.from(b).slice(0, -1).join('');
  }
  return b ? `${a}_${b}_${label}` : `${a}_${label}`;
}
