import { quoteIdent } from '../sql/quote';

/**
 * The one reading of a PostgreSQL type name without a database. The model keeps column types as
 * SQL text, spelled as a person wrote them (`int4[]`, `timestamptz(3)`, `varchar(10)`) or as
 * `format_type` prints them (`integer[]`, `timestamp(3) with time zone`, `character varying(10)`);
 * every comparison, hint and generator reads them through here so they all agree on what is the
 * same type. Checked against PostgreSQL's own `format_type` in pgType.pg.test.ts.
 */
export interface PgType {
  /** The text as given. */
  readonly raw: string;
  /** False when the text is not a type name this parser knows how to read; then `name` is the text. */
  readonly understood: boolean;
  /**
   * The base name as `format_type` prints it for built-in types (`integer`, `character varying`,
   * `timestamp with time zone`, `double precision`, `"char"`); for other types, the type's name
   * (unquoted; case kept when it was quoted).
   */
  readonly name: string;
  /** The schema written before a non-built-in type (`pg_catalog` is dropped from built-ins). */
  readonly schema?: string;
  /** The type modifiers as written: [12, 2] for `numeric(12,2)`, [3] for `timestamptz(3)`. */
  readonly modifiers: readonly number[];
  /** Interval fields, e.g. `year to month`, `second`. */
  readonly fields?: string;
  /** 0 for a scalar; `int[][]` has 2 (PostgreSQL itself does not enforce the count). */
  readonly arrayDims: number;
  /** `serial`, `bigserial`, `smallserial` (and `serial4`...): `name` is then the integer type. */
  readonly serial: boolean;
  /** The text before any array brackets or `ARRAY`, as written (trimmed). */
  readonly element: string;
}

interface Token {
  kind: 'word' | 'quoted' | 'number' | 'punct';
  text: string;
  start: number;
}

const TOKEN =
  /\s*(?:([A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)|"((?:[^"]|"")*)"|([-+]?\d+)|([.(),[\]]))/y;

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) return /^\s*$/.test(text.slice(at)) ? tokens : undefined;
    const start = m.index + m[0].length - m[0].trimStart().length;
    if (m[1] !== undefined) tokens.push({ kind: 'word', text: m[1].toLowerCase(), start });
    else if (m[2] !== undefined)
      tokens.push({ kind: 'quoted', text: m[2].replaceAll('""', '"'), start });
    else if (m[3] !== undefined) tokens.push({ kind: 'number', text: m[3], start });
    else tokens.push({ kind: 'punct', text: m[4] ?? '', start });
  }
  return tokens;
}

/** Catalog type names (`pg_type.typname`) that `format_type` prints under their SQL name. */
const TYPNAMES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  varchar: 'character varying',
  varbit: 'bit varying',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  time: 'time without time zone',
  timetz: 'time with time zone',
  char: '"char"',
};

/** SQL keywords that name a type only when written bare (not quoted, not qualified). */
const KEYWORDS: Record<string, string> = {
  int: 'integer',
  integer: 'integer',
  smallint: 'smallint',
  bigint: 'bigint',
  real: 'real',
  float: 'double precision',
  decimal: 'numeric',
  dec: 'numeric',
  boolean: 'boolean',
  character: 'character',
  char: 'character',
  nchar: 'character',
};

const SERIALS: Record<string, string> = {
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
  smallserial: 'smallint',
  serial2: 'smallint',
};

const INTERVAL_FIELDS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second']);

/** Reads tokens in order; every method returns undefined (or false) when the text does not fit. */
class Reader {
  i = 0;
  constructor(readonly tokens: Token[]) {}
  peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }
  isWord(w: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.kind === 'word' && t.text === w;
  }
  isPunct(p: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.kind === 'punct' && t.text === p;
  }
  /** `( n, ... )` if next; [] when absent; undefined when malformed. */
  modifiers(): number[] | undefined {
    if (!this.isPunct('(')) return [];
    this.i++;
    const out: number[] = [];
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'number') return undefined;
      out.push(Number(t.text));
      this.i++;
      if (this.isPunct(')')) {
        this.i++;
        return out;
      }
      if (!this.isPunct(',')) return undefined;
      this.i++;
    }
  }
  /** `with time zone` / `without time zone`: true, false, or undefined when absent. */
  timeZone(): boolean | undefined {
    if ((this.isWord('with') || this.isWord('without')) && this.isWord('time', 1)) {
      if (!this.isWord('zone', 2)) return undefined;
      const withZone = this.isWord('with');
      this.i += 3;
      return withZone;
    }
    return undefined;
  }
  intervalFields(): string | undefined {
    const first = this.peek();
    if (first?.kind !== 'word' || !INTERVAL_FIELDS.has(first.text)) return undefined;
    this.i++;
    const last = this.peek(1);
    if (this.isWord('to') && last?.kind === 'word' && INTERVAL_FIELDS.has(last.text)) {
      this.i += 2;
      return `${first.text} to ${last.text}`;
    }
    return first.text;
  }
}

interface BaseName {
  name: string;
  schema?: string;
  modifiers: number[];
  fields?: string;
  serial: boolean;
}

/** The multi-word SQL spellings (`double precision`, `timestamp(3) with time zone`...). */
function keywordType(r: Reader): BaseName | undefined {
  const first = r.peek();
  if (first?.kind !== 'word' || r.isPunct('.', 1)) return undefined;
  const word = first.text;
  if (word === 'double' && r.isWord('precision', 1)) {
    r.i += 2;
    return { name: 'double precision', modifiers: [], serial: false };
  }
  if (word === 'national' && (r.isWord('character', 1) || r.isWord('char', 1))) r.i++;
  if (
    ['character', 'char', 'nchar', 'bit'].includes(r.peek()?.text ?? '') &&
    r.isWord('varying', 1)
  ) {
    const bit = r.isWord('bit');
    r.i += 2;
    const modifiers = r.modifiers();
    return (
      modifiers && { name: bit ? 'bit varying' : 'character varying', modifiers, serial: false }
    );
  }
  if (word === 'timestamp' || word === 'time') {
    r.i++;
    const modifiers = r.modifiers();
    const withZone = r.timeZone();
    const zone = withZone ? ' with time zone' : ' without time zone';
    return modifiers && { name: word + zone, modifiers, serial: false };
  }
  if (word === 'interval') {
    r.i++;
    const fields = r.intervalFields();
    const modifiers = r.modifiers();
    if (!modifiers) return undefined;
    return { name: 'interval', modifiers, serial: false, ...(fields ? { fields } : {}) };
  }
  return undefined;
}

/** A possibly qualified, possibly quoted name and its modifiers, resolved to a built-in if it is one. */
function namedType(r: Reader): BaseName | undefined {
  const parts: Token[] = [];
  for (;;) {
    const t = r.peek();
    if (t?.kind !== 'word' && t?.kind !== 'quoted') return undefined;
    parts.push(t);
    r.i++;
    if (!r.isPunct('.')) break;
    r.i++;
  }
  const modifiers = r.modifiers();
  const last = parts[parts.length - 1];
  if (!modifiers || !last || parts.length > 3) return undefined;
  const schema = parts.length > 1 ? parts[parts.length - 2]?.text : undefined;
  const inCatalog = schema === undefined || schema === 'pg_catalog';
  const bare = parts.length === 1 && last.kind === 'word';
  if (inCatalog && SERIALS[last.text] && modifiers.length === 0)
    return { name: SERIALS[last.text] as string, modifiers, serial: true };
  if (bare && last.text === 'float') {
    const [p] = modifiers;
    return {
      name: p !== undefined && p <= 24 ? 'real' : 'double precision',
      modifiers: [],
      serial: false,
    };
  }
  const keyword = bare ? KEYWORDS[last.text] : undefined;
  if (keyword) return { name: keyword, modifiers, serial: false };
  if (inCatalog && last.text === 'bpchar')
    return { name: modifiers.length ? 'character' : 'bpchar', modifiers, serial: false };
  const typname = inCatalog ? TYPNAMES[last.text] : undefined;
  if (typname) return { name: typname, modifiers, serial: false };
  if (schema === 'pg_catalog') return { name: last.text, modifiers, serial: false };
  return { name: last.text, modifiers, serial: false, ...(schema ? { schema } : {}) };
}

/** `[]`, `[3]`, `ARRAY`, `ARRAY[3]` after the element type: how many dimensions, where they start. */
function arraySuffix(r: Reader): { dims: number; start: number } | undefined {
  const start = r.peek()?.start;
  let dims = 0;
  if (r.isWord('array')) {
    r.i++;
    dims = 1;
    if (r.isPunct('[')) {
      if (r.peek(1)?.kind !== 'number' || !r.isPunct(']', 2)) return undefined;
      r.i += 3;
    }
  } else {
    while (r.isPunct('[')) {
      r.i++;
      if (r.peek()?.kind === 'number') r.i++;
      if (!r.isPunct(']')) return undefined;
      r.i++;
      dims++;
    }
  }
  return r.peek() ? undefined : { dims, start: start ?? Infinity };
}

function parse(raw: string): PgType {
  const text = raw.trim();
  const notUnderstood: PgType = {
    raw,
    understood: false,
    name: text.toLowerCase().replace(/\s+/g, ' '),
    modifiers: [],
    arrayDims: 0,
    serial: false,
    element: text,
  };
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return notUnderstood;
  const r = new Reader(tokens);
  const base = keywordType(r) ?? ((r.i = 0), namedType(r));
  const array = base && arraySuffix(r);
  if (!base || !array) return notUnderstood;
  if (base.serial && array.dims > 0) return notUnderstood;
  return {
    raw,
    understood: true,
    ...base,
    arrayDims: array.dims,
    element: text.slice(0, array.start).trim(),
  };
}

const cache = new Map<string, PgType>();

/** Reads a type name (cached: a design spells few distinct types, read by many rules). */
export function parsePgType(text: string): PgType {
  let t = cache.get(text);
  if (!t) {
    if (cache.size > 10_000) cache.clear();
    t = parse(text);
    cache.set(text, t);
  }
  return t;
}

const BUILTIN_NAMES = new Set([
  ...Object.values(TYPNAMES),
  ...Object.values(KEYWORDS),
  'bit varying',
  'bpchar',
  'interval',
  // Keywords that quoteIdent would quote but format_type prints bare, being built-in type names.
  'bit',
  'json',
]);

/** The base name alone (no modifiers, no brackets): built-ins by their name, others qualified and quoted as needed. */
export function baseName(t: PgType): string {
  if (!t.understood || BUILTIN_NAMES.has(t.name)) return t.name;
  const name = quoteIdent(t.name);
  return t.schema && t.schema !== 'public' ? `${quoteIdent(t.schema)}.${name}` : name;
}

/** The modifiers PostgreSQL stores for what was written (`char` is `char(1)`, `numeric(5)` is `numeric(5,0)`). */
function storedModifiers(t: PgType): readonly number[] {
  const [first] = t.modifiers;
  if ((t.name === 'character' || t.name === 'bit') && first === undefined) return [1];
  if (t.name === 'numeric' && t.modifiers.length === 1) return [first as number, 0];
  return t.modifiers;
}

function withModifiers(t: PgType, base: string, modifiers: readonly number[]): string {
  const mods = modifiers.length ? `(${modifiers.join(',')})` : '';
  const zone = /^(time(?:stamp)?)( with(?:out)? time zone)$/.exec(base);
  if (zone) return zone[1] + mods + zone[2];
  if (t.fields) return `${base} ${t.fields}${mods}`;
  return base + mods;
}

/**
 * The type as `format_type(atttypid, atttypmod)` prints a column of it: `int4[][]` is `integer[]`,
 * `timestamptz(3)` is `timestamp(3) with time zone`, `char` is `character(1)`. Serial types are
 * their integer types (PostgreSQL stores them so). Text that is not understood comes back
 * lower-cased with its white space collapsed.
 */
export function canonicalType(text: string): string {
  const t = parsePgType(text);
  if (!t.understood) return t.name;
  return withModifiers(t, baseName(t), storedModifiers(t)) + (t.arrayDims > 0 ? '[]' : '');
}

/** Whether two spellings name the same column type for PostgreSQL. */
export function sameType(a: string, b: string): boolean {
  return a === b || canonicalType(a) === canonicalType(b);
}

/** True for serial, bigserial, smallserial (and their aliases): a type that brings a sequence. */
export function isSerial(text: string): boolean {
  return parsePgType(text).serial;
}

/**
 * The type a column stores when it references a column of `text`, or when ALTER COLUMN ... TYPE
 * takes it: a serial pseudo-type is its plain integer type; every other type stays as written.
 */
export function plainType(text: string): string {
  const t = parsePgType(text);
  return t.serial ? t.name : text;
}

const SHORT_NAMES: Record<string, string> = {
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz',
  'time without time zone': 'time',
  'character varying': 'varchar',
  character: 'char',
};

/** The short name people write for a built-in base name (`varchar`, `timestamptz`), else the base name. */
export function shortBaseName(t: PgType): string {
  return (t.understood && SHORT_NAMES[t.name]) || baseName(t);
}

/**
 * The short spelling people write for a type (`timestamptz(3)`, `varchar(20)[]`) when its base has
 * one; other types come back as given. `terse` also shortens `double precision` to `float8` (the
 * canvas, where width is scarce).
 */
export function shortSpelling(text: string, options: { terse?: boolean } = {}): string {
  const t = parsePgType(text);
  const short =
    (t.understood && SHORT_NAMES[t.name]) ||
    (options.terse && t.name === 'double precision' ? 'float8' : undefined);
  if (!short) return text;
  const mods = t.modifiers.length ? `(${t.modifiers.join(',')})` : '';
  return short + mods + '[]'.repeat(t.arrayDims);
}
