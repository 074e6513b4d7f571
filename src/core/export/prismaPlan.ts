import { isUniqueSet } from '../model/design';
import type { Design, EnumType, ForeignKey, Table } from '../model/schema';
import { schemaNameOf } from '../sql/describe';
import { databaseKeyNames } from './prismaConstraintNames';
import { claimIdentifier, modelTables, qualifiedLabel, type OrmNote } from './ormNames';
import { enumLookup, parseOrmType, type OrmType } from './ormTypes';
import { prismaFieldType, type PrismaFieldType } from './prismaFields';

/**
 * Names and relations for a Prisma schema, decided before any text is written: Prisma identifiers
 * must be unique per model and across models and enums, and both sides of a relation need names.
 */

/**
 * Words Prisma refuses as model or enum names: its scalars, keywords and the client's own names,
 * and JavaScript's keywords (Prisma's RESERVED_NAMES: the client declares a class per model).
 */
const RESERVED_TYPE_NAMES = new Set(
  (
    'String Boolean Int BigInt Float Decimal DateTime Json Bytes Unsupported model enum type view ' +
    'datasource generator PrismaClient Prisma ' +
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if implements import in instanceof interface let new null ' +
    'package private protected public return super switch this throw true try typeof var void ' +
    'while with yield'
  ).split(' '),
);
const NO_RESERVED: ReadonlySet<string> = new Set();

export interface PrismaModelPlan {
  table: Table;
  name: string;
  schema: string;
  fields: Map<string, string>;
  types: Map<string, { type: OrmType; field: PrismaFieldType }>;
  /** The columns PostgreSQL holds NOT NULL (declared so, or in the primary key). */
  required: ReadonlySet<string>;
  /** No unique criterion Prisma can use: written with @@ignore, without relations. */
  ignored: boolean;
  relations: PrismaRelationField[];
}

export interface PrismaRelationField {
  name: string;
  /** The model on the other side. */
  target: string;
  relationName?: string;
  /** Set on the side that holds the foreign key. */
  foreignKey?: ForeignKey;
  list: boolean;
  optional: boolean;
}

export interface PrismaEnumPlan {
  type: EnumType;
  name: string;
  schema: string;
  values: Map<string, string>;
}

export interface PrismaPlan {
  models: PrismaModelPlan[];
  /** Every key's and index's database name, by id (see databaseKeyNames). */
  keyNames: Map<string, string>;
  enums: PrismaEnumPlan[];
  notes: OrmNote[];
}

export function planPrisma(design: Design): PrismaPlan {
  const notes: OrmNote[] = [];
  const typeNames = new Set<string>();
  const enums: PrismaEnumPlan[] = [];
  const enumById = new Map<string, PrismaEnumPlan>();
  for (const type of Object.values(design.enums)) {
    const schema = schemaNameOf(design, type.schemaId);
    if (type.values.length === 0) {
      notes.push({
        object: `${schema}.${type.name}`,
        what: 'type',
        message: 'an enum without values cannot be a Prisma enum; its columns are Unsupported',
      });
      continue;
    }
    const name = claimIdentifier(type.name, typeNames, RESERVED_TYPE_NAMES, 'Enum', true);
    const taken = new Set<string>();
    const values = new Map(
      type.values.map((v) => [v, claimIdentifier(v, taken, NO_RESERVED, 'value')]),
    );
    const plan = { type, name, schema, values };
    enums.push(plan);
    enumById.set(type.id, plan);
  }
  const lookup = enumLookup(design);
  const tables = modelTables(design, notes);
  const tableNameCount = new Map<string, number>();
  for (const t of tables) tableNameCount.set(t.name, (tableNameCount.get(t.name) ?? 0) + 1);
  const models: PrismaModelPlan[] = tables.map((table) => {
    const schema = schemaNameOf(design, table.schemaId);
    // Same name in two schemas: the one outside public gets its schema as a prefix, as db pull does.
    const candidate =
      (tableNameCount.get(table.name) ?? 0) > 1 && schema !== 'public'
        ? `${schema}_${table.name}`
        : table.name;
    const name = claimIdentifier(candidate, typeNames, RESERVED_TYPE_NAMES, 'Model', true);
    const taken = new Set<string>();
    const fields = new Map(
      table.columns.map((c) => [c.id, claimIdentifier(c.name, taken, NO_RESERVED, 'field')]),
    );
    const types = new Map(
      table.columns.map((c) => {
        const type = parseOrmType(c.type, lookup);
        const e = type.enumType ? enumById.get(type.enumType.id) : undefined;
        return [c.id, { type, field: prismaFieldType(type, e?.name) }] as const;
      }),
    );
    // A primary key makes its columns NOT NULL in PostgreSQL, whatever the design says of them.
    const pk = table.constraints.find((k) => k.kind === 'primaryKey');
    const required = new Set(
      table.columns.filter((c) => !c.nullable || pk?.columnIds.includes(c.id)).map((c) => c.id),
    );
    // Prisma identifies rows only by keys over required, supported fields.
    // A list is never a required field to Prisma, whatever PostgreSQL holds.
    const supported = (ids: readonly string[]) =>
      ids.every((id) => {
        const field = types.get(id)?.field;
        return field?.unsupported === false && !field.list && required.has(id);
      });
    const ignored = !hasUniqueCriterion(table, supported);
    if (ignored) {
      notes.push({
        object: qualifiedLabel(design, table.schemaId, table.name),
        what: 'table',
        message:
          "no primary key or unique constraint over required columns Prisma can use: the model is @@ignore'd and has no relations",
      });
    }
    return { table, name, schema, fields, types, required, ignored, relations: [] };
  });
  planRelations(models, notes);
  const keyNames = databaseKeyNames(models);
  return { models, keyNames, enums, notes };
}

/** A primary key, unique constraint or plain unique index over supported fields. */
function hasUniqueCriterion(table: Table, supported: (ids: readonly string[]) => boolean): boolean {
  return (
    table.constraints.some(
      (k) => (k.kind === 'primaryKey' || k.kind === 'unique') && supported(k.columnIds),
    ) ||
    table.indexes.some(
      (ix) => uniqueIndexColumns(ix) !== undefined && supported(uniqueIndexColumns(ix) ?? []),
    )
  );
}

/** The columns of a unique index Prisma can write as @@unique (no predicate, no expressions). */
export function uniqueIndexColumns(index: Table['indexes'][number]): string[] | undefined {
  if (!index.unique || index.where || index.method !== 'btree') return undefined;
  const ids: string[] = [];
  for (const e of index.elements) {
    if (e.kind !== 'column') return undefined;
    ids.push(e.columnId);
  }
  return ids;
}

/** An index Prisma can write as @@index: columns only, btree or hash, nothing else. */
export function isPlainPrismaIndex(index: Table['indexes'][number]): boolean {
  return (
    !index.unique &&
    !index.where &&
    (index.method === 'btree' || index.method === 'hash') &&
    index.elements.every((e) => e.kind === 'column' && !e.opclass && !e.collation && !e.nulls) &&
    index.include.length === 0
  );
}

function planRelations(models: PrismaModelPlan[], notes: OrmNote[]): void {
  const byTable = new Map(models.map((m) => [m.table.id, m]));
  const pairCount = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const usable: [PrismaModelPlan, PrismaModelPlan, ForeignKey][] = [];
  const seen = new Set<string>();
  for (const from of models) {
    for (const k of from.table.constraints) {
      if (k.kind !== 'foreignKey') continue;
      const to = byTable.get(k.refTableId);
      const why = relationProblem(from, to, k, seen);
      if (why || !to) {
        notes.push({
          object: `${from.schema}.${from.table.name}`,
          what: 'relation',
          name: k.name,
          message: why ?? 'unknown',
        });
        continue;
      }
      usable.push([from, to, k]);
      const key = pairKey(from.table.id, to.table.id);
      pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
    }
  }
  const taken = new Map(models.map((m) => [m, new Set(m.fields.values())]));
  for (const [from, to, k] of usable) {
    const ambiguous = from === to || (pairCount.get(pairKey(from.table.id, to.table.id)) ?? 0) > 1;
    const cols = k.columnIds
      .map((id) => from.table.columns.find((c) => c.id === id)?.name ?? id)
      .join('_');
    const relationName = ambiguous ? k.name || `${from.table.name}_${cols}_fkey` : undefined;
    const optional = k.columnIds.some((id) => !from.required.has(id));
    const forward = claimIdentifier(
      ambiguous ? `${to.name}_${cols}` : to.name,
      taken.get(from) as Set<string>,
      NO_RESERVED,
      'relation',
    );
    from.relations.push({
      name: forward,
      target: to.name,
      relationName,
      foreignKey: k,
      list: false,
      optional,
    });
    const oneToOne = isUniqueSet(from.table, k.columnIds);
    const back = claimIdentifier(
      ambiguous ? `${from.name}_${cols}${from === to ? '_back' : ''}` : from.name,
      taken.get(to) as Set<string>,
      NO_RESERVED,
      'relation',
    );
    to.relations.push({
      name: back,
      target: from.name,
      relationName,
      list: !oneToOne,
      optional: oneToOne,
    });
  }
}

function relationProblem(
  from: PrismaModelPlan,
  to: PrismaModelPlan | undefined,
  k: ForeignKey,
  seen: Set<string>,
): string | undefined {
  if (!to)
    return 'references a table that is not a model (a partition, or missing): kept as plain columns';
  if (from.ignored || to.ignored) return "one side is an @@ignore'd model: kept as plain columns";
  const types = [
    ...k.columnIds.map((id) => from.types.get(id)),
    ...k.refColumnIds.map((id) => to.types.get(id)),
  ];
  if (types.some((t) => !t || t.field.unsupported || t.field.list))
    return 'a column of the key has a type Prisma does not support in relations: kept as plain columns';
  for (let i = 0; i < k.columnIds.length; i++) {
    const a = from.types.get(k.columnIds[i] as string);
    const b = to.types.get(k.refColumnIds[i] as string);
    if (a?.field.scalar !== b?.field.scalar || a?.field.native !== b?.field.native) {
      return 'the referencing and referenced columns have different types, which Prisma refuses in a relation: kept as plain columns';
    }
  }
  if (!isUniqueSet(to.table, k.refColumnIds))
    return 'the referenced columns are not a primary key or unique constraint Prisma knows: kept as plain columns';
  const key = `${from.table.id}:${k.columnIds.join(',')}:${to.table.id}:${k.refColumnIds.join(',')}`;
  if (seen.has(key))
    return 'duplicates another foreign key on the same columns: only the first is a relation';
  seen.add(key);
  return undefined;
}
