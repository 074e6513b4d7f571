import { parsePgType, shortBaseName, type PgType } from '../model/pgType';

/**
 * Column types read well enough for review hints. The model keeps types as SQL text, spelled the
 * way the user typed them or the way `format_type` prints them (`character varying(255)`,
 * `timestamp(6) without time zone`, `int4`), so rules compare a canonical form instead.
 */
export interface TypeInfo {
  /** Short base name: `varchar`, `char`, `timestamp`, `timestamptz`, `integer`, `serial`, `double precision`... */
  readonly base: string;
  /** The modifiers as written, e.g. `255` or `12,2`; undefined when there were none. */
  readonly modifiers: string | undefined;
  readonly array: boolean;
}

const SERIAL_NAMES: Record<string, string> = {
  integer: 'serial',
  bigint: 'bigserial',
  smallint: 'smallserial',
};

/** Many rules read the same spellings: one view per parsed type (parsePgType caches those). */
const views = new WeakMap<PgType, TypeInfo>();

/** The lint rules' view of a type, read by the one parser (model/pgType), in short names. */
export function typeInfo(type: string): TypeInfo {
  const t = parsePgType(type);
  let info = views.get(t);
  if (!info) {
    const base = t.serial ? (SERIAL_NAMES[t.name] ?? t.name) : shortBaseName(t);
    const modifiers = t.modifiers.length ? t.modifiers.join(',') : undefined;
    info = { base, modifiers, array: t.arrayDims > 0 };
    views.set(t, info);
  }
  return info;
}

/** The type as SQL again, with a new base and the same array-ness. */
export function withBase(info: TypeInfo, base: string): string {
  return base + (info.array ? '[]' : '');
}

export const isTextLike = (t: TypeInfo) =>
  t.base === 'text' || t.base === 'varchar' || t.base === 'char' || t.base === 'bpchar';
