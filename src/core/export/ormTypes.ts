import type { Design, EnumType } from '../model/schema';
import { parsePgType, shortBaseName } from '../model/pgType';
import { schemaNameOf } from '../sql/describe';
import { qualifiedName, quoteIdent } from '../sql/quote';

/**
 * A column type taken apart for the ORM exporters: base name in one canonical spelling, its
 * modifiers, array dimensions, and the enum it names. Types are as PostgreSQL prints them
 * (`format_type`), or as a person wrote them in the studio; both spellings are understood.
 */
export interface OrmType {
  /** The canonical base, e.g. `integer`, `varchar`, `timestamptz`, `numeric`; or the type as written. */
  base: string;
  /** Modifiers inside the parentheses, e.g. [12, 2] for numeric(12,2). */
  args: number[];
  /** 0 for a scalar, 1 for `text[]`... */
  dims: number;
  /** The enum type it names, if any. */
  enumType?: EnumType;
  /** The element type as written (without array brackets). */
  element: string;
  /** serial, bigserial, smallserial: an integer with a sequence default. */
  serial: boolean;
}

/** The ORMs' names where they differ from the short spelling (`varbit`, and `bpchar` as `char`). */
const ORM_NAMES: Record<string, string> = { 'bit varying': 'varbit', bpchar: 'char' };

/** Every way a design may spell an enum type in a column: bare, quoted, schema-qualified. */
function enumSpellings(design: Design, type: EnumType): string[] {
  const schema = schemaNameOf(design, type.schemaId);
  const out = [type.name, quoteIdent(type.name), qualifiedName(schema, type.name)];
  out.push(`${quoteIdent(schema)}.${quoteIdent(type.name)}`, `${schema}.${type.name}`);
  return out;
}

/** Looks enum types up by spelling; built once per export. */
export function enumLookup(design: Design): Map<string, EnumType> {
  const map = new Map<string, EnumType>();
  for (const type of Object.values(design.enums)) {
    for (const s of enumSpellings(design, type)) if (!map.has(s)) map.set(s, type);
  }
  return map;
}

export function parseOrmType(type: string, enums: ReadonlyMap<string, EnumType>): OrmType {
  const t = parsePgType(type);
  const { element } = t;
  const dims = t.arrayDims;
  const enumType = enums.get(element);
  if (enumType) return { base: element, args: [], dims, enumType, element, serial: false };
  if (!t.understood) return { base: element, args: [], dims, element, serial: false };
  const base = ORM_NAMES[t.name] ?? (t.fields ? `interval ${t.fields}` : shortBaseName(t));
  return { base, args: [...t.modifiers], dims, element, serial: t.serial };
}

/** A default classified for the ORMs: a literal they can write natively, or an SQL expression. */
export type OrmDefault =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'now' }
  | { kind: 'sequence' }
  | { kind: 'expression'; sql: string };

/** The cast at the end of a literal default (`'x'::text`, `'a'::character varying`). */
const LITERAL = /^'((?:[^']|'')*)'(?:::([a-z" _.A-Z0-9()[\]]+))?$/s;

/**
 * Reads a column default as PostgreSQL prints it. Only defaults whose meaning is certain become
 * literals; everything else stays SQL, which every ORM here can pass through verbatim.
 */
export function classifyDefault(sql: string, type: OrmType): OrmDefault {
  const s = sql.trim();
  if (/^nextval\(/i.test(s)) return { kind: 'sequence' };
  if (/^(now\(\)|CURRENT_TIMESTAMP|transaction_timestamp\(\))$/i.test(s)) {
    if (type.base === 'timestamptz' || type.base === 'timestamp') return { kind: 'now' };
  }
  if (type.dims > 0) return { kind: 'expression', sql: s };
  if (/^(true|false)$/i.test(s) && type.base === 'boolean')
    return { kind: 'boolean', value: /^true$/i.test(s) };
  const number =
    /^\(?(-?\d+(?:\.\d+)?)\)?(?:::(?:integer|bigint|smallint|numeric|real|double precision))?$/.exec(
      s,
    );
  if (number && NUMERIC.has(type.base)) return { kind: 'number', value: number[1] as string };
  const literal = LITERAL.exec(s);
  if (literal && !literal[1]?.includes('\\')) {
    const value = (literal[1] as string).replaceAll("''", "'");
    if (NUMERIC.has(type.base) && /^-?\d+(\.\d+)?$/.test(value)) return { kind: 'number', value };
    if (type.enumType || STRINGS.has(type.base)) return { kind: 'string', value };
  }
  return { kind: 'expression', sql: s };
}

const NUMERIC = new Set(['integer', 'bigint', 'smallint', 'numeric', 'real', 'double precision']);
const STRINGS = new Set(['text', 'varchar', 'char', 'citext']);
