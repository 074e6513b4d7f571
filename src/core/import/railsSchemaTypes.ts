import type { RubyValue } from './railsSchemaRuby';

/**
 * Rails' column types as PostgreSQL types, and column defaults as SQL, the way ActiveRecord's
 * PostgreSQL adapter writes them (`NATIVE_DATABASE_TYPES`, `type_to_sql`): `string` with
 * `limit: 255` is `character varying(255)`, `integer` with `limit: 2` is `smallint`,
 * `datetime` is `timestamp(6)` in a Rails 7 schema unless it says `precision: nil`.
 */

export const quoteIdent = (name: string) => '"' + name.replaceAll('"', '""') + '"';
export const quoteLiteral = (text: string) => "'" + text.replaceAll("'", "''") + "'";

/** `"schema.name"` as Rails writes a name in another schema: `"schema"."name"`. */
export function qualifiedName(name: string): string {
  const dot = name.indexOf('.');
  return dot > 0
    ? `${quoteIdent(name.slice(0, dot))}.${quoteIdent(name.slice(dot + 1))}`
    : quoteIdent(name);
}

/** Types Rails' PostgreSQL adapter has that take no size or precision: the SQL type is the name. */
const PLAIN: Record<string, string> = {
  text: 'text',
  bigint: 'bigint',
  smallint: 'smallint',
  date: 'date',
  boolean: 'boolean',
  binary: 'bytea',
  json: 'json',
  jsonb: 'jsonb',
  uuid: 'uuid',
  inet: 'inet',
  cidr: 'cidr',
  macaddr: 'macaddr',
  macaddr8: 'macaddr8',
  hstore: 'hstore',
  ltree: 'ltree',
  citext: 'citext',
  tsvector: 'tsvector',
  tsquery: 'tsquery',
  point: 'point',
  line: 'line',
  lseg: 'lseg',
  box: 'box',
  path: 'path',
  polygon: 'polygon',
  circle: 'circle',
  money: 'money',
  xml: 'xml',
  int4range: 'int4range',
  int8range: 'int8range',
  numrange: 'numrange',
  tsrange: 'tsrange',
  tstzrange: 'tstzrange',
  daterange: 'daterange',
  oid: 'oid',
  serial: 'serial',
  bigserial: 'bigserial',
  smallserial: 'smallserial',
};

/** How a schema's Rails version changes the reading of a column. */
export interface TypeContext {
  /** Rails 7.0 and later: a `datetime` without `precision:` is `timestamp(6)`. */
  datetimePrecision6: boolean;
}

export type TypeSql = { sql: string; known: boolean } | { error: string };

/** The PostgreSQL type of `t.<type>` with its options, without `[]` (the caller adds it). */
export function columnTypeSql(
  type: string,
  option: (name: string) => RubyValue | undefined,
  context: TypeContext,
): TypeSql {
  const num = (name: string) => {
    const v = option(name);
    return v?.kind === 'number' ? v.value : undefined;
  };
  const limit = num('limit');
  const precision = num('precision');
  const scale = num('scale');
  // `precision: nil` is written to say "no precision", where Rails 7 would otherwise give 6.
  const precisionNil = option('precision')?.kind === 'nil';
  const withPrecision = (base: string, fallback?: number) => {
    const p = precision ?? (precisionNil ? undefined : fallback);
    return p === undefined ? base : `${base}(${p})`;
  };
  switch (type) {
    case 'string':
      return {
        sql: limit === undefined ? 'character varying' : `character varying(${limit})`,
        known: true,
      };
    case 'integer':
      if (limit === undefined || (limit >= 3 && limit <= 4)) return { sql: 'integer', known: true };
      if (limit >= 1 && limit <= 2) return { sql: 'smallint', known: true };
      if (limit >= 5 && limit <= 8) return { sql: 'bigint', known: true };
      return { error: `no integer has a limit of ${limit} bytes (PostgreSQL's go up to 8)` };
    case 'float':
      return { sql: limit === undefined ? 'double precision' : `float(${limit})`, known: true };
    case 'decimal':
    case 'numeric':
      return {
        sql:
          precision === undefined
            ? 'numeric'
            : scale === undefined
              ? `numeric(${precision})`
              : `numeric(${precision},${scale})`,
        known: true,
      };
    case 'datetime':
    case 'timestamp':
      return {
        sql: withPrecision('timestamp', context.datetimePrecision6 ? 6 : undefined),
        known: true,
      };
    case 'timestamptz':
      return {
        sql:
          withPrecision('timestamp', context.datetimePrecision6 ? 6 : undefined) +
          ' with time zone',
        known: true,
      };
    case 'time':
      return { sql: withPrecision('time'), known: true };
    case 'timetz':
      return { sql: withPrecision('time') + ' with time zone', known: true };
    case 'interval':
      return { sql: withPrecision('interval'), known: true };
    case 'bit':
      return { sql: limit === undefined ? 'bit' : `bit(${limit})`, known: true };
    case 'bit_varying':
      return { sql: limit === undefined ? 'bit varying' : `bit varying(${limit})`, known: true };
    case 'enum': {
      const name = option('enum_type');
      if (name?.kind !== 'string' && name?.kind !== 'symbol')
        return { error: 'an enum column without enum_type: (the name of its type)' };
      return { sql: qualifiedName(name.value), known: true };
    }
  }
  const plain = PLAIN[type];
  if (plain) return { sql: plain, known: true };
  // A type of an extension or a gem (pgvector's `t.vector "embedding", limit: 1536`): written as
  // it is, with its limit, for PostgreSQL to judge.
  if (!/^[a-z_][a-z0-9_]*$/i.test(type)) return { error: `"${type}" is not a type name` };
  return { sql: limit === undefined ? type : `${type}(${limit})`, known: false };
}

/** A column's `default:` as SQL; `undefined` for `default: nil` (no default). */
export function defaultSql(
  value: RubyValue,
  type: string,
  array: boolean,
): { sql: string | undefined } | { error: string } {
  switch (value.kind) {
    case 'nil':
      return { sql: undefined };
    case 'lambda':
      // `-> { "now()" }`: the dumper's way to write an SQL expression.
      return value.body.kind === 'string'
        ? { sql: value.body.value }
        : { error: 'a default -> { … } that does not return the SQL as a string' };
    case 'boolean':
      return { sql: String(value.value) };
    case 'number':
      return { sql: value.text };
    case 'string':
    case 'symbol':
      return { sql: quoteLiteral(value.value) };
    case 'array':
      if (array) return { sql: quoteLiteral(arrayLiteral(value)) };
      if (type === 'json' || type === 'jsonb')
        return { sql: quoteLiteral(JSON.stringify(toJson(value))) };
      return { error: `a list as the default of a ${type} column that is not an array` };
    case 'hash':
      if (type === 'json' || type === 'jsonb')
        return { sql: quoteLiteral(JSON.stringify(toJson(value))) };
      if (type === 'hstore') return { sql: quoteLiteral(hstoreLiteral(value)) };
      return { error: `a hash as the default of a ${type} column` };
  }
}

/** A Ruby literal as JSON (what `to_json` gives: symbols as strings, nil as null). */
export function toJson(value: RubyValue): unknown {
  switch (value.kind) {
    case 'string':
    case 'symbol':
      return value.value;
    case 'number':
      return value.value;
    case 'boolean':
      return value.value;
    case 'nil':
      return null;
    case 'array':
      return value.items.map(toJson);
    case 'hash':
      return Object.fromEntries(value.entries.map((e) => [String(toJson(e.key)), toJson(e.value)]));
    case 'lambda':
      return null;
  }
}

/** A PostgreSQL array literal: `{"a","b"}`, `{1,2}`, `{{1,2},{3,4}}`. */
function arrayLiteral(value: RubyValue): string {
  if (value.kind === 'array') return '{' + value.items.map(arrayLiteral).join(',') + '}';
  if (value.kind === 'nil') return 'NULL';
  if (value.kind === 'number' || value.kind === 'boolean') return String(value.value);
  const text =
    value.kind === 'string' || value.kind === 'symbol'
      ? value.value
      : JSON.stringify(toJson(value));
  return '"' + text.replaceAll('\\', '\\\\').replaceAll('"', '\\"') + '"';
}

/** An hstore literal: `"a"=>"1", "b"=>NULL`. */
function hstoreLiteral(value: RubyValue & { kind: 'hash' }): string {
  const quote = (s: string) => '"' + s.replaceAll('\\', '\\\\').replaceAll('"', '\\"') + '"';
  return value.entries
    .map((e) => {
      const v = toJson(e.value);
      return `${quote(String(toJson(e.key)))}=>${v === null ? 'NULL' : quote(String(v))}`;
    })
    .join(', ');
}
