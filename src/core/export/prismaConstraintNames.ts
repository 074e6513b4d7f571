import type { Table } from '../model/schema';
import { columnNameOf, postgresDefaultName, type OrmNote } from './ormNames';

/**
 * Prisma wants a model's primary key, unique keys, indexes and foreign keys to have distinct
 * names (one namespace per model), while PostgreSQL keeps them apart: indexes live in pg_class,
 * foreign keys in pg_constraint, so an index and a foreign key of one table may share a name.
 * Real schemas do (sanbase: Ecto's `..._index` and `..._fkey` names both cut to the same 63
 * bytes; Strapi names both `<table>_<column>_fk`). Such a foreign key gets another name here,
 * written as its `map:` and noted; the index keeps the database's name, and every other foreign
 * key its own.
 */

/** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
const MAX_NAME_BYTES = 63;

const byteLength = (s: string) => new TextEncoder().encode(s).length;

/** The name Prisma gives a foreign key without `map:`, as the exporter writes it. */
export function prismaDefaultForeignKeyName(table: Table, columnIds: readonly string[]): string {
  return `${table.name}_${columnIds.map((id) => columnNameOf(table, id)).join('_')}_fkey`;
}

/**
 * The names the model's foreign keys are written with (by constraint id): the design's, or
 * PostgreSQL's default for an unnamed one, except where that name is already a key's or an
 * index's in Prisma's namespace (`inPrismaNamespace`, the ones the schema declares). A renamed
 * foreign key avoids every name of the table, declared or not, so PostgreSQL accepts it too.
 */
export function prismaForeignKeyNames(
  table: Table,
  object: string,
  keyNames: ReadonlyMap<string, string>,
  inPrismaNamespace: (index: Table['indexes'][number]) => boolean,
  notes: OrmNote[],
): Map<string, string> {
  const declared = new Set<string>();
  const everyName = new Set<string>();
  for (const k of table.constraints) {
    const name = keyNames.get(k.id) ?? k.name;
    if (!name) continue;
    everyName.add(name);
    if (k.kind === 'primaryKey' || k.kind === 'unique') declared.add(name);
  }
  for (const index of table.indexes) {
    const name = keyNames.get(index.id) ?? index.name;
    if (!name) continue;
    everyName.add(name);
    if (inPrismaNamespace(index)) declared.add(name);
  }
  const names = new Map<string, string>();
  for (const k of table.constraints) {
    if (k.kind !== 'foreignKey') continue;
    const name =
      k.name ||
      postgresDefaultName(
        table.name,
        k.columnIds.map((id) => columnNameOf(table, id)),
        'fkey',
      );
    if (!declared.has(name)) {
      declared.add(name);
      names.set(k.id, name);
      continue;
    }
    const renamed = numberedName(name, (n) => declared.has(n) || everyName.has(n));
    declared.add(renamed);
    names.set(k.id, renamed);
    notes.push({
      object,
      what: 'constraint',
      name,
      renamedTo: renamed,
      message: `shares its name with an index of the table, which PostgreSQL allows and Prisma does not: this schema names the foreign key ${renamed}, so a database Prisma creates has ${renamed} where this one has ${name}`,
    });
  }
  return names;
}

/**
 * `name` with the first number from 1 that makes it free, cut (by whole characters) so the whole
 * fits in 63 bytes, as PostgreSQL itself numbers a name that is taken.
 */
export function numberedName(name: string, taken: (candidate: string) => boolean): string {
  for (let n = 1; ; n++) {
    const suffix = String(n);
    let base = name;
    while (byteLength(base) + suffix.length > MAX_NAME_BYTES)
      base = Array.from(base).slice(0, -1).join('');
    const candidate = base + suffix;
    if (!taken(candidate)) return candidate;
  }
}

/** A model's table with the schema it is in. */
export interface SchemaTable {
  table: Table;
  schema: string;
}

/**
 * The database name of every primary key, unique constraint and index (by id): the design's, or
 * for an unnamed one the name PostgreSQL chooses (`orders_pkey`, `orders_code_key`,
 * `orders_code_idx`, numbered when a relation of the schema has it already). The export writes
 * these, not Prisma's defaults: Prisma names a unique index `..._key` where PostgreSQL chose
 * `..._idx`, and two unnamed keys on one column would get the same default from Prisma.
 */
export function databaseKeyNames(tables: readonly SchemaTable[]): Map<string, string> {
  const taken = new Map<string, Set<string>>();
  const takenIn = (schema: string) => {
    let set = taken.get(schema);
    if (!set) taken.set(schema, (set = new Set()));
    return set;
  };
  const names = new Map<string, string>();
  for (const { table, schema } of tables) {
    const set = takenIn(schema);
    set.add(table.name);
    for (const k of table.constraints)
      if ((k.kind === 'primaryKey' || k.kind === 'unique') && k.name) {
        set.add(k.name);
        names.set(k.id, k.name);
      }
    for (const index of table.indexes)
      if (index.name) {
        set.add(index.name);
        names.set(index.id, index.name);
      }
  }
  for (const { table, schema } of tables) {
    const set = takenIn(schema);
    const choose = (id: string, columns: string[], label: string) => {
      if (names.has(id)) return;
      let name = postgresDefaultName(table.name, columns, label);
      for (let n = 1; set.has(name); n++)
        name = postgresDefaultName(table.name, columns, label + n);
      set.add(name);
      names.set(id, name);
    };
    for (const k of table.constraints) {
      if (k.kind === 'primaryKey') choose(k.id, [], 'pkey');
      if (k.kind === 'unique')
        choose(
          k.id,
          k.columnIds.map((id) => columnNameOf(table, id)),
          'key',
        );
    }
    for (const index of table.indexes)
      choose(
        index.id,
        index.elements.map((e) => (e.kind === 'column' ? columnNameOf(table, e.columnId) : 'expr')),
        'idx',
      );
  }
  return names;
}
