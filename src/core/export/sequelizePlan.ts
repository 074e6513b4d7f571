import type { Column, Design, ForeignKey, Index, ReferentialAction, Table } from '../model/schema';
import { schemaNameOf } from '../sql/describe';
import { uniqueIndexBehind } from '../sql/referencedKey';
import {
  camelCase,
  claimIdentifier,
  columnNameOf,
  JS_RESERVED,
  modelNameCandidate,
  modelTables,
  pascalCase,
  postgresDefaultName,
  type OrmNote,
} from './ormNames';
import { keptIndexNotes } from './ormKeptIndexes';
import { enumLookup, parseOrmType, type OrmType } from './ormTypes';

/** Names and associations shared by the Sequelize models file and the migration. */
export interface SequelizeModel {
  table: Table;
  schema: string;
  /** The model's name and its binding in the models file. */
  name: string;
  attributes: Map<string, string>;
  types: Map<string, OrmType>;
}

export interface SequelizeAssociation {
  from: SequelizeModel;
  to: SequelizeModel;
  key: ForeignKey;
  /** belongsTo alias on `from`, hasMany/hasOne alias on `to`. */
  as: string;
  backAs: string;
  one: boolean;
  /** Whether sync() creates the constraint (not for keys that close a cycle of tables). */
  constraints: boolean;
}

export interface SequelizePlan {
  models: SequelizeModel[];
  byTable: Map<string, SequelizeModel>;
  associations: SequelizeAssociation[];
  notes: OrmNote[];
}

export const SEQUELIZE_ACTIONS: Record<ReferentialAction, string> = {
  noAction: 'NO ACTION',
  restrict: 'RESTRICT',
  cascade: 'CASCADE',
  setNull: 'SET NULL',
  setDefault: 'SET DEFAULT',
};

const RESERVED = new Set([
  ...JS_RESERVED,
  'DataTypes',
  'Sequelize',
  'sequelize',
  'models',
  'module',
  'require',
  'exports',
]);

/** Attribute names Sequelize gives a meaning of its own on instances. */
const INSTANCE_NAMES = new Set([
  'constructor',
  'dataValues',
  'isNewRecord',
  'sequelize',
  'get',
  'set',
  'save',
  'update',
  'destroy',
  'reload',
  'changed',
  'previous',
  'toJSON',
  'validate',
  'increment',
  'decrement',
  'equals',
  'where',
  'restore',
  '__proto__',
]);

export function planSequelize(design: Design): SequelizePlan {
  const notes: OrmNote[] = [];
  const taken = new Set<string>();
  const lookup = enumLookup(design);
  const tables = modelTables(design, notes);
  notes.push(...keptIndexNotes(design, 'Sequelize', ' (in the migration too)'));
  const models = tables.map((table): SequelizeModel => {
    const schema = schemaNameOf(design, table.schemaId);
    const name = claimIdentifier(
      pascalCase(modelNameCandidate(design, table, tables)),
      taken,
      RESERVED,
      'Model',
    );
    // A table without a primary key must not have an `id` attribute: removeAttribute('id') drops it.
    const keys = new Set<string>(
      table.constraints.some((k) => k.kind === 'primaryKey') ? [] : ['id'],
    );
    const attributes = new Map(
      table.columns.map((c: Column) => [
        c.id,
        claimIdentifier(camelCase(c.name), keys, INSTANCE_NAMES, 'column'),
      ]),
    );
    const types = new Map(table.columns.map((c) => [c.id, parseOrmType(c.type, lookup)]));
    return { table, schema, name, attributes, types };
  });
  const byTable = new Map(models.map((m) => [m.table.id, m]));
  const associations: SequelizeAssociation[] = [];
  const aliasTaken = new Map(models.map((m) => [m, new Set(m.attributes.values())]));
  const pairs = new Map<string, number>();
  for (const m of models) {
    for (const k of m.table.constraints) {
      if (k.kind === 'foreignKey')
        pairs.set(
          `${m.table.id}>${k.refTableId}`,
          (pairs.get(`${m.table.id}>${k.refTableId}`) ?? 0) + 1,
        );
    }
  }
  const edges = new Set<string>();
  for (const from of models) {
    for (const k of from.table.constraints) {
      if (k.kind !== 'foreignKey') continue;
      const to = byTable.get(k.refTableId);
      const object = `${from.schema}.${from.table.name}`;
      if (!to || k.columnIds.length !== 1) {
        notes.push({
          object,
          what: 'constraint',
          name:
            k.name ||
            postgresDefaultName(
              from.table.name,
              k.columnIds.map((id) => columnNameOf(from.table, id)),
              'fkey',
            ),
          message: !to
            ? 'references a table that is not a model: no association (the migration adds the constraint)'
            : 'a composite foreign key: Sequelize associations use one column, so there is no association (the migration adds the constraint)',
        });
        continue;
      }
      const column = from.table.columns.find((c) => c.id === k.columnIds[0]);
      const ambiguous = (pairs.get(`${from.table.id}>${to.table.id}`) ?? 0) > 1 || from === to;
      const base = column ? camelCase(column.name.replace(/_?id$/i, '')) : '';
      const as = claimIdentifier(
        base && base !== camelCase(column?.name ?? '')
          ? base
          : camelCase(`${column?.name ?? ''}_${to.name}`),
        aliasTaken.get(from) as Set<string>,
        INSTANCE_NAMES,
        'ref',
      );
      const one = from.table.constraints.some(
        (u) =>
          (u.kind === 'unique' || u.kind === 'primaryKey') &&
          u.columnIds.length === 1 &&
          u.columnIds[0] === k.columnIds[0],
      );
      const backBase = camelCase(from.name) + (ambiguous ? 'By' + pascalCase(as) : '');
      const backAs = claimIdentifier(
        backBase,
        aliasTaken.get(to) as Set<string>,
        INSTANCE_NAMES,
        'related',
      );
      // sync() creates tables in dependency order and refuses cycles: a key closing one is left to the migration.
      const cycle = from !== to && reaches(to.table.id, from.table.id, edges);
      // So is a key onto a unique index sync() cannot create first: one the model cannot declare,
      // or its own table's, made after the CREATE TABLE (both in fk-onto-unique-index).
      const keyIndex = uniqueIndexBehind(k, to.table);
      const unkeyed = keyIndex !== undefined && (from === to || !isModelIndex(keyIndex));
      if (from !== to && !cycle) edges.add(`${from.table.id}>${to.table.id}`);
      const fkName =
        k.name ||
        postgresDefaultName(
          from.table.name,
          k.columnIds.map((id) => columnNameOf(from.table, id)),
          'fkey',
        );
      const dflt = postgresDefaultName(
        from.table.name,
        k.columnIds.map((id) => columnNameOf(from.table, id)),
        'fkey',
      );
      if (!cycle && !unkeyed && fkName !== dflt) {
        notes.push({
          object,
          what: 'constraint',
          name: fkName,
          message: `sync() lets PostgreSQL name this foreign key ${dflt} (the migration keeps the name)`,
        });
        notes.push({
          object,
          what: 'constraint',
          name: dflt,
          message: `the name sync() gives the foreign key ${fkName}`,
        });
      }
      if (!cycle && !unkeyed && (k.deferrable !== 'notDeferrable' || k.matchFull || k.notValid))
        notes.push({
          object,
          what: 'constraint',
          name: fkName,
          message:
            'DEFERRABLE, MATCH FULL and NOT VALID are not association options (the migration keeps them)',
        });
      if (cycle || unkeyed)
        notes.push({
          object,
          what: 'constraint',
          name: fkName,
          message: `${cycle ? 'closes a cycle of foreign keys, which sync() cannot order' : "references a unique index sync() cannot create before it (its own table's, or one the model cannot declare)"}: the association exists without a constraint (the migration adds it)`,
        });
      associations.push({ from, to, key: k, as, backAs, one, constraints: !cycle && !unkeyed });
    }
  }
  return { models, byTable, associations, notes };
}

/**
 * Whether a model's `indexes` option can declare the index; the others only the migration
 * creates (NULLS FIRST/LAST against the order, COLLATE, INCLUDE, NULLS NOT DISTINCT, ordered
 * expressions).
 */
export function isModelIndex(index: Index): boolean {
  return (
    index.include.length === 0 &&
    !index.nullsNotDistinct &&
    index.elements.every(
      (e) =>
        !(e.nulls !== undefined && (e.nulls === 'first') !== Boolean(e.descending)) &&
        !e.collation &&
        !(e.kind === 'expression' && (e.descending || e.opclass)),
    )
  );
}

function reaches(start: string, goal: string, edges: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    if (at === goal) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const e of edges) if (e.startsWith(at + '>')) stack.push(e.slice(at.length + 1));
  }
  return false;
}
