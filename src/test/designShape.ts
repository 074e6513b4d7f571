import type { Design, Table } from '../core/model';
import { canonicalType, isSerial } from '../core/model/pgType';

/**
 * A design reduced to what an ORM round trip must keep: per table (by schema-qualified name), its
 * columns (name, type, nullability), primary key, unique keys (constraints and unique indexes
 * alike, as column lists: an ORM writes either as a unique index), and foreign keys (columns,
 * target, referential actions). Ids, names of constraints, defaults, comments and layout are
 * left out: they are compared, where they survive, by the tests that need them.
 */
export interface TableShape {
  columns: string[];
  primaryKey: string[];
  uniques: string[];
  foreignKeys: string[];
}

export type DesignShape = Record<string, TableShape>;

export function designShape(
  design: Design,
  opts: {
    skipTables?: ReadonlySet<string>;
    /** Foreign keys left out, as `schema.table constraint_name`. */
    skipForeignKeys?: ReadonlySet<string>;
    /**
     * The differences any ORM's migration makes and that mean the same to PostgreSQL: serial and
     * identity columns are both "auto-numbered", `timestamp(6)` is `timestamp` (6 is the
     * default precision), and list columns' nullability is not compared (Prisma Migrate leaves
     * them nullable).
     */
    orm?: boolean;
  } = {},
): DesignShape {
  const schemaOf = (t: Table) => design.schemas[t.schemaId]?.name ?? 'public';
  const nameOf = (t: Table) => `${schemaOf(t)}.${t.name}`;
  const out: DesignShape = {};
  for (const table of Object.values(design.tables)) {
    const name = nameOf(table);
    if (opts.skipTables?.has(name)) continue;
    const col = (id: string) => table.columns.find((c) => c.id === id)?.name ?? `?${id}`;
    const uniques = [
      ...table.constraints.filter((k) => k.kind === 'unique').map((k) => k.columnIds.map(col)),
      ...table.indexes
        .filter((i) => i.unique && !i.where && i.elements.every((e) => e.kind === 'column'))
        .map((i) => i.elements.map((e) => (e.kind === 'column' ? col(e.columnId) : ''))),
    ].map((cols) => cols.join(','));
    const pk = table.constraints.find((k) => k.kind === 'primaryKey');
    out[name] = {
      columns: table.columns.map((c) => {
        const nullable = opts.orm && c.type.endsWith(']') ? 'null?' : c.nullable;
        const type = opts.orm ? ormType(c) : c.type;
        return `${c.name} ${type} ${nullable === true ? 'null' : nullable === false ? 'not null' : nullable}`;
      }),
      primaryKey: pk?.kind === 'primaryKey' ? pk.columnIds.map(col) : [],
      uniques: [...new Set(uniques)].sort(),
      foreignKeys: table.constraints
        .flatMap((k) => {
          if (k.kind !== 'foreignKey' || opts.skipForeignKeys?.has(`${name} ${k.name}`)) return [];
          const target = design.tables[k.refTableId];
          if (!target) return [];
          const refCol = (id: string) => target.columns.find((c) => c.id === id)?.name ?? id;
          return [
            `(${k.columnIds.map(col).join(',')}) -> ${nameOf(target)}(${k.refColumnIds.map(refCol).join(',')}) on delete ${k.onDelete} on update ${k.onUpdate}`,
          ];
        })
        .sort(),
    };
  }
  return out;
}

function ormType(c: Design['tables'][string]['columns'][number]): string {
  const auto = isSerial(c.type) || c.identity !== undefined || /^nextval\(/.test(c.default ?? '');
  const type = canonicalType(c.type).replace(/^(timestamp|time)\(6\)/, '$1');
  return auto ? `${type} auto` : type;
}
