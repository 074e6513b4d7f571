import type { DmmfField } from './dmmf';
import { quoteLiteral } from '../../sql/quote';

/**
 * PostgreSQL types and defaults as Prisma Migrate writes them for a field: the scalar type's
 * default mapping (String → TEXT, DateTime → TIMESTAMP(3), Decimal → DECIMAL(65,30), ...), a
 * `@db.*` native type instead when given, `[]` for a list; `autoincrement()` as SERIAL (BIGSERIAL,
 * SMALLSERIAL), `now()` as CURRENT_TIMESTAMP, literals quoted.
 */

const SCALARS: Record<string, string> = {
  String: 'TEXT',
  Boolean: 'BOOLEAN',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'DOUBLE PRECISION',
  Decimal: 'DECIMAL(65,30)',
  DateTime: 'TIMESTAMP(3)',
  Json: 'JSONB',
  Bytes: 'BYTEA',
};

/** `@db.X` names whose SQL spelling is not the upper-cased name. */
const NATIVE: Record<string, string> = {
  DoublePrecision: 'DOUBLE PRECISION',
  JsonB: 'JSONB',
  ByteA: 'BYTEA',
  VarBit: 'VARBIT',
};

/** The SQL type of a scalar or enum field; `enumType` names an enum field's type. */
export function fieldType(field: DmmfField, enumType: (name: string) => string): string {
  const base =
    field.kind === 'enum'
      ? enumType(field.type)
      : field.nativeType
        ? nativeType(field.nativeType)
        : (SCALARS[field.type] ?? field.type);
  return field.isList ? `${base}[]` : base;
}

function nativeType([name, args]: [string, string[]]): string {
  const sql = NATIVE[name] ?? name.toUpperCase();
  return args.length > 0 ? `${sql}(${args.join(',')})` : sql;
}

/** SERIAL for the integer type an `autoincrement()` field has, as Prisma Migrate writes it. */
export function serialType(field: DmmfField): string {
  const native = field.nativeType?.[0];
  if (native === 'SmallInt') return 'SMALLSERIAL';
  if (field.type === 'BigInt' || native === 'BigInt') return 'BIGSERIAL';
  return 'SERIAL';
}

export type DefaultSql =
  | { kind: 'none' }
  | { kind: 'serial' }
  | { kind: 'sql'; sql: string }
  | { kind: 'client'; call: string }
  | { kind: 'unknownToPrisma' };

/**
 * The SQL default of a field's `@default`. `enumValue` gives an enum value's database name.
 */
export function defaultSql(
  field: DmmfField,
  sqlType: string,
  enumValue: (enumName: string, value: string) => string,
): DefaultSql {
  const d = field.default;
  if (d === undefined) return { kind: 'none' };
  if (typeof d === 'object' && !Array.isArray(d)) {
    if (d.name === 'autoincrement' || d.name === 'sequence') return { kind: 'serial' };
    if (d.name === 'now') return { kind: 'sql', sql: 'CURRENT_TIMESTAMP' };
    if (d.name === 'dbgenerated') {
      const expr = d.args[0];
      return typeof expr === 'string' && expr !== ''
        ? { kind: 'sql', sql: expr }
        : { kind: 'unknownToPrisma' };
    }
    // uuid(), cuid(), nanoid(), ulid(): Prisma Client makes the value when it inserts a row.
    return { kind: 'client', call: `${d.name}(${d.args.join(', ')})` };
  }
  const one = (v: string | number | boolean) => literal(field, v, enumValue);
  if (Array.isArray(d)) return { kind: 'sql', sql: `ARRAY[${d.map(one).join(', ')}]::${sqlType}` };
  return { kind: 'sql', sql: one(d) };
}

function literal(
  field: DmmfField,
  value: string | number | boolean,
  enumValue: (enumName: string, value: string) => string,
): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (field.kind === 'enum') return quoteLiteral(enumValue(field.type, value));
  if (field.type === 'Bytes') return `decode(${quoteLiteral(value)}, 'base64')`;
  // Decimal and BigInt literals come as strings when they do not fit a double.
  if ((field.type === 'Decimal' || field.type === 'BigInt') && /^-?\d+(\.\d+)?$/.test(value))
    return value;
  return quoteLiteral(value);
}

/** Prisma's referential action names in SQL. */
export const ACTION_SQL: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

/** `JsonbPathOps` → `jsonb_path_ops`, `Int4MinMaxMultiOps` → `int4_minmax_multi_ops`. */
export function operatorClassSql(name: string): string {
  return name
    .replace('MinMax', 'Minmax')
    .replace('TimestampTz', 'Timestamptz')
    .replace('TimeTz', 'Timetz')
    .replace('VarBit', 'Varbit')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
