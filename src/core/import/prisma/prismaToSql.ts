import type { Dmmf, DmmfField, DmmfModel } from './dmmf';
import { ACTION_SQL, defaultSql, fieldType, operatorClassSql, serialType } from './prismaTypes';
import type { ModelText, SchemaText } from './schemaText';

/**
 * A Prisma schema as the SQL Prisma Migrate would create for it on PostgreSQL (`prisma migrate
 * diff --from-empty`): schemas, enums, tables with their primary keys, unique and plain indexes,
 * the join tables of implicit many-to-many relations (`_AToB` with columns A and B), then foreign
 * keys; default names as Prisma gives them (`User_pkey`, `User_email_key`, `Post_authorId_fkey`).
 * The schema engine has no entry point for that SQL in WASM, so it is written here from the DMMF
 * and read by PostgreSQL like any other SQL import.
 */

/** Something the database does not get from the schema, for the import report. */
export interface PrismaNote {
  object: string;
  message: string;
}

export interface PrismaSql {
  sql: string;
  notes: PrismaNote[];
}

const q = (name: string) => '"' + name.replaceAll('"', '""') + '"';

interface Table {
  model: DmmfModel;
  schema: string;
  name: string;
  qualified: string;
  text: ModelText | undefined;
}

export function prismaToSql(dmmf: Dmmf, text: SchemaText): PrismaSql {
  const notes: PrismaNote[] = [];
  const tables = new Map<string, Table>();
  for (const model of dmmf.models) {
    const schema = model.schema ?? 'public';
    const name = model.dbName ?? model.name;
    tables.set(model.name, {
      model,
      schema,
      name,
      qualified: `${q(schema)}.${q(name)}`,
      text: text.models.get(model.name),
    });
  }
  for (const [name, model] of text.models)
    if (model.ignored)
      notes.push({
        object: name,
        message:
          "an @@ignore'd model: Prisma's datamodel leaves it out, so its table is not in the design",
      });

  const enums = new Map(dmmf.enums.map((e) => [e.name, e]));
  const enumSchema = (name: string) => text.enumSchemas.get(name) ?? 'public';
  const enumType = (name: string) => `${q(enumSchema(name))}.${q(enums.get(name)?.dbName ?? name)}`;
  const enumValue = (enumName: string, value: string) =>
    enums.get(enumName)?.values.find((v) => v.name === value)?.dbName ?? value;

  const out: string[] = [];
  const schemas = new Set([
    ...[...tables.values()].map((t) => t.schema),
    ...dmmf.enums.map((e) => enumSchema(e.name)),
  ]);
  for (const s of [...schemas].filter((s) => s !== 'public').sort())
    out.push(`CREATE SCHEMA IF NOT EXISTS ${q(s)};`);
  const citext = dmmf.models.some((m) => m.fields.some((f) => f.nativeType?.[0] === 'Citext'));
  if (citext) out.push('CREATE EXTENSION IF NOT EXISTS "citext";');
  for (const e of dmmf.enums)
    out.push(
      `CREATE TYPE ${enumType(e.name)} AS ENUM (${e.values.map((v) => `'${(v.dbName ?? v.name).replaceAll("'", "''")}'`).join(', ')});`,
    );

  const columnOf = (table: Table, fieldName: string) => {
    const field = table.model.fields.find((f) => f.name === fieldName);
    if (field) return field.dbName ?? field.name;
    return table.text?.unsupported.find((u) => u.name === fieldName)?.column ?? fieldName;
  };
  const columnList = (table: Table, fields: readonly string[]) =>
    fields.map((f) => q(columnOf(table, f))).join(', ');
  const defaultName = (table: Table, fields: readonly string[], suffix: string) =>
    `${table.name}_${fields.map((f) => columnOf(table, f)).join('_')}_${suffix}`;

  const indexes: string[] = [];
  for (const table of tables.values()) {
    const lines = columns(table, enumType, enumValue, notes);
    const modelIndexes = dmmf.indexes.filter((i) => i.model === table.model.name);
    const pk = modelIndexes.find((i) => i.type === 'id');
    if (pk) {
      const fields = pk.fields.map((f) => f.name);
      lines.push(
        `CONSTRAINT ${q(pk.dbName ?? `${table.name}_pkey`)} PRIMARY KEY (${columnList(table, fields)})`,
      );
    }
    out.push(`CREATE TABLE ${table.qualified} (\n    ${lines.join(',\n    ')}\n);`);
    for (const index of modelIndexes) {
      if (index.type === 'id') continue;
      const fields = index.fields.map((f) => f.name);
      const unique = index.type === 'unique';
      const name = index.dbName ?? defaultName(table, fields, unique ? 'key' : 'idx');
      const using =
        index.algorithm && index.algorithm !== 'BTree'
          ? ` USING ${index.algorithm.toUpperCase()} `
          : '';
      const elements = index.fields.map(
        (f) =>
          q(columnOf(table, f.name)) +
          (f.operatorClass ? ` ${operatorClassSql(f.operatorClass)}` : '') +
          (f.sortOrder === 'desc' ? ' DESC' : ''),
      );
      indexes.push(
        `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${q(name)} ON ${table.qualified}${using}(${elements.join(', ')});`,
      );
    }
  }

  const foreignKeys: string[] = [];
  for (const table of tables.values()) {
    for (const field of table.model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
      const target = tables.get(field.type);
      if (!target) continue;
      const from = field.relationFromFields;
      const required = from.every(
        (f) => table.model.fields.find((x) => x.name === f)?.isRequired ?? false,
      );
      const name = table.text?.foreignKeyNames.get(field.name) ?? defaultName(table, from, 'fkey');
      const onDelete = field.relationOnDelete ?? (required ? 'Restrict' : 'SetNull');
      const onUpdate = field.relationOnUpdate ?? 'Cascade';
      foreignKeys.push(
        `ALTER TABLE ${table.qualified} ADD CONSTRAINT ${q(name)} FOREIGN KEY (${columnList(table, from)}) ` +
          `REFERENCES ${target.qualified}(${columnList(target, field.relationToFields ?? [])}) ` +
          `ON DELETE ${ACTION_SQL[onDelete] ?? 'RESTRICT'} ON UPDATE ${ACTION_SQL[onUpdate] ?? 'CASCADE'};`,
      );
    }
  }

  const joins = joinTables(dmmf, tables, enumType, notes);
  return {
    sql: [...out, ...joins.tables, ...indexes, ...joins.indexes, ...foreignKeys, ...joins.keys]
      .map((s) => `${s}\n`)
      .join('\n'),
    notes,
  };
}

/** The column lines of a table, fields in the order written (Unsupported ones included). */
function columns(
  table: Table,
  enumType: (name: string) => string,
  enumValue: (enumName: string, value: string) => string,
  notes: PrismaNote[],
): string[] {
  type Line = { field: string; sql: string };
  const lines: Line[] = [];
  for (const field of table.model.fields) {
    if (field.kind === 'object') continue;
    const column = field.dbName ?? field.name;
    const where = `${table.name}.${column}`;
    let type = fieldType(field, enumType);
    const dflt = defaultSql(field, type, enumValue);
    if (dflt.kind === 'serial') type = serialType(field);
    if (dflt.kind === 'client')
      notes.push({
        object: where,
        message: `@default(${dflt.call}) is made by Prisma Client when it inserts a row, not by the database: the column has no default`,
      });
    if (dflt.kind === 'unknownToPrisma')
      notes.push({
        object: where,
        message:
          '@default(dbgenerated()) says the database makes a default Prisma does not know: the column has none here',
      });
    // Prisma Migrate leaves lists nullable: a list field is never optional in the client.
    const notNull = field.isRequired && !field.isList ? ' NOT NULL' : '';
    lines.push({
      field: field.name,
      sql: `${q(column)} ${type}${notNull}${dflt.kind === 'sql' ? ` DEFAULT ${dflt.sql}` : ''}`,
    });
  }
  for (const u of table.text?.unsupported ?? [])
    lines.push({
      field: u.name,
      sql: `${q(u.column)} ${u.type}${u.optional || u.type.endsWith('[]') ? '' : ' NOT NULL'}${u.defaultExpression ? ` DEFAULT ${u.defaultExpression}` : ''}`,
    });
  const order = table.text?.fieldOrder ?? [];
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  return lines.sort((a, b) => rank(a.field) - rank(b.field)).map((l) => l.sql);
}

/**
 * Implicit many-to-many relations (a list on both sides, no `fields`): Prisma's join table
 * `_<relation name>`, column A referencing the model whose name sorts first, B the other, both
 * cascading; the pair is the primary key and B has an index.
 */
function joinTables(
  dmmf: Dmmf,
  tables: Map<string, Table>,
  enumType: (name: string) => string,
  notes: PrismaNote[],
): { tables: string[]; indexes: string[]; keys: string[] } {
  const out = { tables: [] as string[], indexes: [] as string[], keys: [] as string[] };
  const seen = new Set<string>();
  for (const model of dmmf.models) {
    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.isList || !field.relationName) continue;
      if (seen.has(field.relationName)) continue;
      const other = dmmf.models
        .find((m) => m.name === field.type)
        ?.fields.find(
          (f) =>
            f.kind === 'object' &&
            f.relationName === field.relationName &&
            f !== field &&
            f.type === model.name,
        );
      // A one-to-many back relation: the other side holds the foreign key.
      if (!other?.isList) continue;
      seen.add(field.relationName);
      const [a, b] = [model.name, field.type].sort() as [string, string];
      const [ta, tb] = [tables.get(a), tables.get(b)];
      if (!ta || !tb) continue;
      const idA = idField(dmmf, ta);
      const idB = idField(dmmf, tb);
      const join = `_${field.relationName}`;
      if (!idA || !idB) {
        notes.push({
          object: join,
          message:
            'the many-to-many join table needs a single-field @id on both models: not created',
        });
        continue;
      }
      const qualified = `${q(ta.schema)}.${q(join)}`;
      const plain = (f: DmmfField) => fieldType({ ...f, default: undefined }, enumType);
      out.tables.push(
        `CREATE TABLE ${qualified} (\n    "A" ${plain(idA)} NOT NULL,\n    "B" ${plain(idB)} NOT NULL,\n\n` +
          `    CONSTRAINT ${q(`${join}_AB_pkey`)} PRIMARY KEY ("A","B")\n);`,
      );
      out.indexes.push(`CREATE INDEX ${q(`${join}_B_index`)} ON ${qualified}("B");`);
      for (const [col, t, id] of [
        ['A', ta, idA],
        ['B', tb, idB],
      ] as const)
        out.keys.push(
          `ALTER TABLE ${qualified} ADD CONSTRAINT ${q(`${join}_${col}_fkey`)} FOREIGN KEY ("${col}") ` +
            `REFERENCES ${t.qualified}(${q(id.dbName ?? id.name)}) ON DELETE CASCADE ON UPDATE CASCADE;`,
        );
    }
  }
  return out;
}

function idField(dmmf: Dmmf, table: Table): DmmfField | undefined {
  const id = dmmf.indexes.find((i) => i.model === table.model.name && i.type === 'id');
  if (id?.fields.length !== 1) return undefined;
  return table.model.fields.find((f) => f.name === id.fields[0]?.name);
}
