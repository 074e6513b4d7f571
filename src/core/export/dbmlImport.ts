import {
  Parser,
  type Database,
  type Field,
  type Index as DbmlIndex,
  type Ref,
  type Table as DbmlTable,
} from '@dbml/core';
import { emptyDesign } from '../model/design';
import { newId } from '../model/ids';
import {
  indexMethodSchema,
  type Column,
  type Constraint,
  type Design,
  type Index,
  type IndexElement,
  type ReferentialAction,
  type Table,
} from '../model/schema';
import { err, ok, type Result } from '../result';
import { qualifiedName, quoteLiteral } from '../sql/quote';
import { dbmlErrorOf, type DbmlImportError } from './dbmlImportError';
import { areasFromDbml } from './dbmlAreas';

export type { DbmlImportError } from './dbmlImportError';

const ACTIONS: Record<string, ReferentialAction> = {
  cascade: 'cascade',
  restrict: 'restrict',
  'set null': 'setNull',
  'set default': 'setDefault',
  'no action': 'noAction',
};

/**
 * A design from DBML text, parsed by @dbml/core (the parser dbdiagram.io uses): schemas, enums,
 * tables with columns, types, keys, defaults, indexes, checks and notes, references as foreign
 * keys with their actions, table groups as subject areas, sticky notes. Fresh ids throughout. DBML's many-to-many references
 * (`<>`) have no foreign key to become and are left out. A syntax or reference error comes back
 * as `ok: false` with the first problem's message and 1-based line and column.
 */
export function designFromDbml(text: string): Result<Design, DbmlImportError> {
  let database: Database;
  try {
    database = new Parser().parse(text, 'dbmlv2');
  } catch (error) {
    return err(dbmlErrorOf(error));
  }
  return ok(buildDesign(database));
}

/** Finds tables by DBML schema and name while the design is built. */
type TableIndex = Map<string, { table: Table; dbml: DbmlTable }>;

function buildDesign(database: Database): Design {
  const design = emptyDesign(database.name || 'Imported from DBML');
  const schemaIds = new Map<string, string>([['public', 's_public']]);
  const schemaId = (name: string): string => {
    let id = schemaIds.get(name);
    if (id === undefined) {
      id = newId('s');
      schemaIds.set(name, id);
      design.schemas[id] = { id, name };
    }
    return id;
  };
  const tables: TableIndex = new Map();
  for (const schema of database.schemas) {
    for (const e of schema.enums) {
      const id = newId('e');
      design.enums[id] = {
        id,
        schemaId: schemaId(schema.name),
        name: e.name,
        values: e.values.map((v) => v.name),
        ...(e.note ? { comment: e.note } : {}),
      };
    }
    for (const dbml of schema.tables) {
      const table = buildTable(dbml, schemaId(schema.name));
      design.tables[table.id] = table;
      tables.set(tableKey(schema.name, dbml.name), { table, dbml });
    }
  }
  for (const schema of database.schemas) {
    for (const ref of schema.refs) addForeignKey(tables, ref);
  }
  for (const note of database.notes ?? []) {
    const id = newId('n');
    design.notes[id] = { id, text: note.content };
  }
  design.areas = areasFromDbml(
    database,
    (schema, name) => tables.get(tableKey(schema, name))?.table.id,
  );
  return design;
}

function tableKey(schema: string | null | undefined, name: string): string {
  return `${schema || 'public'}\0${name}`;
}

function buildTable(dbml: DbmlTable, schemaId: string): Table {
  const columns = dbml.fields.map(buildColumn);
  const byName = new Map(columns.map((c) => [c.name, c.id]));
  const idsOf = (names: string[]) =>
    names.map((n) => byName.get(n)).filter((id): id is string => id !== undefined);
  const constraints: Constraint[] = [];
  const indexes: Index[] = [];
  // Several `[pk]` columns make one composite key, as in DBML.
  const pkColumns = dbml.fields.filter((f) => f.pk).map((f) => f.name);
  if (pkColumns.length > 0)
    constraints.push({
      id: newId('k'),
      kind: 'primaryKey',
      columnIds: idsOf(pkColumns),
      include: [],
    });
  for (const f of dbml.fields) {
    if (f.unique)
      constraints.push({
        id: newId('k'),
        kind: 'unique',
        columnIds: idsOf([f.name]),
        include: [],
      });
  }
  for (const ix of dbml.indexes) {
    const elements = indexElements(ix, byName);
    if (ix.pk) {
      const columnIds = elements.flatMap((e) => (e.kind === 'column' ? [e.columnId] : []));
      constraints.push({
        id: newId('k'),
        kind: 'primaryKey',
        columnIds,
        include: [],
        ...(ix.name ? { name: ix.name } : {}),
      });
      continue;
    }
    const method = indexMethodSchema.safeParse(String(ix.type ?? 'btree').toLowerCase());
    indexes.push({
      id: newId('i'),
      ...(ix.name ? { name: ix.name } : {}),
      unique: Boolean(ix.unique),
      method: method.success ? method.data : 'btree',
      elements,
      include: [],
      ...(ix.note ? { comment: ix.note } : {}),
    });
  }
  for (const check of dbml.checks ?? []) {
    constraints.push({
      id: newId('k'),
      kind: 'check',
      expression: check.expression,
      ...(check.name ? { name: check.name } : {}),
    });
  }
  return {
    id: newId('t'),
    schemaId,
    name: dbml.name,
    columns,
    constraints,
    indexes,
    inherits: [],
    storageParameters: [],
    ...(dbml.note ? { comment: dbml.note } : {}),
  };
}

function buildColumn(field: Field): Column {
  const column: Column = {
    id: newId('c'),
    name: field.name,
    type: columnType(field),
    nullable: !field.not_null && !field.pk,
  };
  const value = defaultSql(field);
  if (value !== undefined) column.default = value;
  if (field.increment) column.identity = 'byDefault';
  if (field.note) column.comment = field.note;
  return column;
}

/** The type as SQL: an enum by its qualified name, anything else as DBML spelled it. */
function columnType(field: Field): string {
  const type = field.type as {
    schemaName?: string | null;
    type_name: string;
    originalTypeName?: string;
  };
  if (field._enum) return qualifiedName(field._enum.schema?.name ?? 'public', field._enum.name);
  if (type.schemaName)
    return qualifiedName(type.schemaName, type.originalTypeName ?? type.type_name);
  return type.type_name;
}

/** DBML defaults are typed: numbers and booleans as written, strings quoted, expressions verbatim. */
function defaultSql(field: Field): string | undefined {
  const d = field.dbdefault as { type: string; value: string | number } | undefined;
  if (!d) return undefined;
  if (d.type === 'string') return quoteLiteral(String(d.value));
  // `default: null` is what a column has without a default.
  if (d.type === 'boolean' && String(d.value).toLowerCase() === 'null') return undefined;
  return String(d.value);
}

/**
 * @dbml/core lists an index's expressions before its columns; the tokens' offsets give back the
 * order they were written in, which matters for a multi-column index.
 */
function indexElements(ix: DbmlIndex, byName: Map<string, string>): IndexElement[] {
  const offset = (c: { token?: { start?: { offset?: number } } }) => c.token?.start?.offset ?? 0;
  return [...ix.columns]
    .sort((a, b) => offset(a as never) - offset(b as never))
    .map((c): IndexElement => {
      const columnId = c.type === 'column' ? byName.get(String(c.value)) : undefined;
      return columnId !== undefined
        ? { kind: 'column', columnId }
        : { kind: 'expression', expression: String(c.value) };
    });
}

/** The many side of a reference is the referencing table; for one-to-one, the first endpoint. */
function addForeignKey(tables: TableIndex, ref: Ref): void {
  const [a, b] = ref.endpoints;
  if (!a || !b || (a.relation === '*' && b.relation === '*')) return;
  const [child, parent] = b.relation === '*' ? [b, a] : [a, b];
  const from = tables.get(tableKey(child.schemaName, child.tableName));
  const to = tables.get(tableKey(parent.schemaName, parent.tableName));
  if (!from || !to) return;
  const ids = (t: Table, names: string[]) =>
    names.map((n) => t.columns.find((c) => c.name === n)?.id ?? '');
  const columnIds = ids(from.table, child.fieldNames);
  const refColumnIds = ids(to.table, parent.fieldNames);
  if (columnIds.includes('') || refColumnIds.includes('')) return;
  from.table.constraints.push({
    id: newId('k'),
    kind: 'foreignKey',
    ...(ref.name ? { name: ref.name } : {}),
    columnIds,
    refTableId: to.table.id,
    refColumnIds,
    onDelete: ACTIONS[String(ref.onDelete ?? '').toLowerCase()] ?? 'noAction',
    onUpdate: ACTIONS[String(ref.onUpdate ?? '').toLowerCase()] ?? 'noAction',
    deferrable: 'notDeferrable',
  });
}
