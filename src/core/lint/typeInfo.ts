/**
 * Column types read well enough for review hints. The model keeps types as SQL text, spelled the
 * way the user typed them or the way `format_type` prints them (`character varying(255)`,
 * `timestamp(6) without time zone`, `int4`), so rules compare a canonical form instead.
 */
export interface TypeInfo {
  /** Canonical base name: `varchar`, `char`, `timestamp`, `timestamptz`, `integer`, `double precision`... */
  readonly base: string;
  /** What was inside the parentheses, e.g. `255` or `12,2`; undefined when there were none. */
  readonly modifiers: string | undefined;
  readonly array: boolean;
}

const ALIASES: Record<string, string> = {
  'character varying': 'varchar',
  character: 'char',
  bpchar: 'char',
  int: 'integer',
  int4: 'integer',
  int8: 'bigint',
  int2: 'smallint',
  serial4: 'serial',
  serial8: 'bigserial',
  serial2: 'smallserial',
  float4: 'real',
  float8: 'double precision',
  float: 'double precision',
  bool: 'boolean',
  decimal: 'numeric',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
};

const SHAPE =
  /^([a-z][a-z0-9_ ]*?)\s*(?:\(\s*([^)]*?)\s*\))?\s*(with time zone|without time zone)?$/;

/** A design spells few distinct types, read by many rules: parse each spelling once. */
const cache = new Map<string, TypeInfo>();

export function typeInfo(type: string): TypeInfo {
  let info = cache.get(type);
  if (!info) {
    if (cache.size > 10_000) cache.clear();
    info = parseType(type);
    cache.set(type, info);
  }
  return info;
}

function parseType(type: string): TypeInfo {
  let t = type.trim().toLowerCase().replace(/\s+/g, ' ');
  let array = false;
  while (t.endsWith('[]')) {
    array = true;
    t = t.slice(0, -2).trimEnd();
  }
  if (t.endsWith(' array')) {
    array = true;
    t = t.slice(0, -6);
  }
  const m = SHAPE.exec(t);
  // Quoted, schema-qualified or otherwise unusual names (domains, `"char"`) are kept as written.
  if (!m) return { base: t, modifiers: undefined, array };
  const name = (m[1] ?? t) + (m[3] ? ' ' + m[3] : '');
  return { base: ALIASES[name] ?? name, modifiers: m[2] || undefined, array };
}

/** The type as SQL again, with a new base and the same array-ness. */
export function withBase(info: TypeInfo, base: string): string {
  return base + (info.array ? '[]' : '');
}

export const isTextLike = (t: TypeInfo) =>
  t.base === 'text' || t.base === 'varchar' || t.base === 'char';
export const isSerial = (t: TypeInfo) =>
  t.base === 'serial' || t.base === 'bigserial' || t.base === 'smallserial';

const SERIAL_BASE: Record<string, string> = {
  serial: 'integer',
  bigserial: 'bigint',
  smallserial: 'smallint',
};

/**
 * The type a column referencing a column of `type` stores: a serial key wants a plain integer.
 * (model/typeNames' referencingType normalizes `serial` to `integer` before it looks, so it
 * returns serial types unchanged.)
 */
export function plainType(type: string): string {
  const t = typeInfo(type);
  const base = SERIAL_BASE[t.base];
  return base ? withBase(t, base) : type;
}
