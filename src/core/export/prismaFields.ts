import type { Column } from '../model/schema';
import { classifyDefault, type OrmType } from './ormTypes';

/**
 * Postgres column types as Prisma field types. A native type attribute is written whenever the
 * Prisma scalar's default native type is not the column's (DateTime defaults to Timestamp(3),
 * Decimal to Decimal(65,30)), so `prisma db push` would create the same column.
 */
export interface PrismaFieldType {
  /** `Int`, `String`, an enum name, or `Unsupported("tsvector")`. */
  scalar: string;
  /** `@db.VarChar(255)`, or empty. */
  native: string;
  /** Whether the scalar is Unsupported(...), which Prisma Client cannot read or write. */
  unsupported: boolean;
  /** A list field (one-dimensional array). */
  list: boolean;
}

const args = (t: OrmType) => (t.args.length > 0 ? `(${t.args.join(', ')})` : '');
const precision = (t: OrmType) => `(${t.args[0] ?? 6})`;

/** base -> [scalar, native attribute] */
const TYPES: Record<string, (t: OrmType) => [string, string]> = {
  integer: () => ['Int', ''],
  smallint: () => ['Int', '@db.SmallInt'],
  bigint: () => ['BigInt', ''],
  oid: () => ['Int', '@db.Oid'],
  boolean: () => ['Boolean', ''],
  text: () => ['String', ''],
  varchar: (t) => ['String', '@db.VarChar' + args(t)],
  char: (t) => ['String', '@db.Char' + args(t)],
  citext: () => ['String', '@db.Citext'],
  uuid: () => ['String', '@db.Uuid'],
  xml: () => ['String', '@db.Xml'],
  inet: () => ['String', '@db.Inet'],
  bit: (t) => ['String', '@db.Bit' + args(t)],
  varbit: (t) => ['String', '@db.VarBit' + args(t)],
  numeric: (t) => ['Decimal', '@db.Decimal' + args(t)],
  money: () => ['Decimal', '@db.Money'],
  real: () => ['Float', '@db.Real'],
  'double precision': () => ['Float', ''],
  timestamptz: (t) => ['DateTime', '@db.Timestamptz' + precision(t)],
  timestamp: (t) => ['DateTime', '@db.Timestamp' + precision(t)],
  date: () => ['DateTime', '@db.Date'],
  time: (t) => ['DateTime', '@db.Time' + precision(t)],
  timetz: (t) => ['DateTime', '@db.Timetz' + precision(t)],
  json: () => ['Json', '@db.Json'],
  jsonb: () => ['Json', ''],
  bytea: () => ['Bytes', ''],
};

export function prismaFieldType(type: OrmType, enumName: string | undefined): PrismaFieldType {
  const unsupported = (): PrismaFieldType => ({
    scalar: `Unsupported(${prismaString(type.element + '[]'.repeat(type.dims))})`,
    native: '',
    unsupported: true,
    list: false,
  });
  // Prisma lists are one-dimensional; PostgreSQL does not enforce dimensions, so a design's
  // `integer[][]` is still written as Unsupported to keep the intent visible.
  if (type.dims > 1) return unsupported();
  if (enumName !== undefined)
    return { scalar: enumName, native: '', unsupported: false, list: type.dims === 1 };
  const map = TYPES[type.base];
  if (!map) return unsupported();
  const [scalar, native] = map(type);
  return { scalar, native, unsupported: false, list: type.dims === 1 };
}

/** A Prisma string literal. */
export function prismaString(value: string): string {
  let out = '"';
  for (const ch of value) {
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return out + '"';
}

/**
 * `@default(...)` for a column, or empty. `enumValue` maps a database enum label to the Prisma
 * value name. Identity columns and sequence defaults on integers are `autoincrement()`, as
 * `prisma db pull` writes them; expressions Prisma cannot write natively are `dbgenerated`.
 */
export function prismaDefault(
  column: Column,
  type: OrmType,
  field: PrismaFieldType,
  enumValue: (label: string) => string | undefined,
): string {
  const integer = field.scalar === 'Int' || field.scalar === 'BigInt';
  if ((column.identity || type.serial) && integer && !field.list)
    return '@default(autoincrement())';
  if (column.default === undefined || column.generated !== undefined) return '';
  const d = classifyDefault(column.default, type);
  const generated = `@default(dbgenerated(${prismaString(column.default)}))`;
  if (field.unsupported) return generated;
  switch (d.kind) {
    case 'sequence':
      return integer && !field.list ? '@default(autoincrement())' : generated;
    case 'now':
      return '@default(now())';
    case 'boolean':
      return `@default(${d.value})`;
    case 'number':
      return `@default(${d.value})`;
    case 'string': {
      if (type.enumType) {
        const value = enumValue(d.value);
        return value === undefined ? generated : `@default(${value})`;
      }
      return field.scalar === 'String' ? `@default(${prismaString(d.value)})` : generated;
    }
    case 'expression':
      return generated;
  }
}
