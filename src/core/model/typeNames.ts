/** Comparing PostgreSQL type spellings without a database: for hints, never for validation. */

/** A column that references a serial/identity key stores the plain integer type. */
export function referencingType(type: string): string {
  const t = normalizeType(type);
  if (t === 'serial' || t === 'serial4') return 'integer';
  if (t === 'bigserial' || t === 'serial8') return 'bigint';
  if (t === 'smallserial' || t === 'serial2') return 'smallint';
  return type;
}

const TYPE_ALIASES: Record<string, string> = {
  int: 'integer',
  int4: 'integer',
  int8: 'bigint',
  int2: 'smallint',
  bool: 'boolean',
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
  smallserial: 'smallint',
  serial2: 'smallint',
  float8: 'double precision',
  float4: 'real',
  varchar: 'character varying',
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  decimal: 'numeric',
};

/** Lower-cased, whitespace-collapsed, common aliases resolved: enough to compare two spellings. */
export function normalizeType(type: string): string {
  const t = type.trim().toLowerCase().replace(/\s+/g, ' ');
  const base = t.replace(/\(.*$/, '');
  const alias = TYPE_ALIASES[base];
  return alias ? alias + t.slice(base.length) : t;
}

/** Whether a referencing column's type matches the referenced column's (serial keys want integers). */
export function typesMatchForReference(columnType: string, referencedType: string): boolean {
  return normalizeType(columnType) === normalizeType(referencingType(referencedType));
}

/** Suggestions for the type field: the PostgreSQL types people use most, best practice first. */
export const COMMON_TYPES = [
  'bigint',
  'integer',
  'smallint',
  'text',
  'boolean',
  'timestamptz',
  'date',
  'time',
  'interval',
  'numeric',
  'numeric(12,2)',
  'uuid',
  'jsonb',
  'json',
  'bytea',
  'inet',
  'cidr',
  'macaddr',
  'double precision',
  'real',
  'char(2)',
  'varchar(255)',
  'timestamp',
  'tsvector',
  'citext',
  'text[]',
  'integer[]',
  'int4range',
  'tstzrange',
  'daterange',
  'point',
  'money',
  'xml',
];

const SHORT_TYPES: [RegExp, string][] = [
  [/\btimestamp with time zone\b/g, 'timestamptz'],
  [/\btimestamp without time zone\b/g, 'timestamp'],
  [/\btime with time zone\b/g, 'timetz'],
  [/\btime without time zone\b/g, 'time'],
  [/\bcharacter varying\b/g, 'varchar'],
  [/\bcharacter\b/g, 'char'],
  [/\bdouble precision\b/g, 'float8'],
];

/** The short spelling of a type for the canvas, where width is scarce (the DDL keeps Postgres's). */
export function shortTypeName(type: string): string {
  let t = type;
  for (const [re, short] of SHORT_TYPES) t = t.replace(re, short);
  return t;
}
