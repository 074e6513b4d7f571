import { parsePgType, type PgType } from '../model/pgType';

/**
 * What ALTER COLUMN ... TYPE costs: PostgreSQL skips the table rewrite when the cast is binary
 * coercible and the new type modifier accepts every old value (ATColumnChangeRequiresRewrite and
 * the types' support functions: varchar_support, numeric_support, timestamp_support ...). Known
 * widenings rewrite but lose nothing; everything else may fail on existing values.
 */
export interface TypeChangeCost {
  rewritesTable: boolean;
  /** What existing data may lose or make fail, when the change is not a known widening. */
  loses?: string;
}

/** The parts the cost depends on; `base` is format_type's base name (`character varying`...). */
interface ParsedType {
  base: string;
  mods: readonly number[];
  /** PostgreSQL ignores the number of dimensions: `int[]` and `int[][]` are one type. */
  array: boolean;
}

function parse(type: string): ParsedType {
  const t: PgType = parsePgType(type);
  // Interval fields narrow the values (`interval year to month` drops days): part of the base here.
  const base = t.fields ? `${t.name} ${t.fields}` : t.name;
  return { base, mods: t.modifiers, array: t.arrayDims > 0 };
}

const INTEGER_RANK: Record<string, number> = { smallint: 1, integer: 2, bigint: 3 };
const STRINGS = new Set(['text', 'character varying']);
const PRECISION_TYPES = new Set([
  'timestamp without time zone',
  'timestamp with time zone',
  'time without time zone',
  'interval',
  'bit varying',
]);

/** Whether `to` takes every value of `from` without a rewrite (a binary-coercible widening). */
function binaryCoercible(from: ParsedType, to: ParsedType): boolean {
  if (from.array !== to.array) return false;
  const [n] = from.mods;
  const [m] = to.mods;
  if (from.base === 'character varying' && to.base === 'character varying')
    return m === undefined || (n !== undefined && m >= n);
  if (from.base === 'character varying' && to.base === 'text') return true;
  if (from.base === 'text' && to.base === 'character varying') return m === undefined;
  if (from.base === 'numeric' && to.base === 'numeric') {
    if (to.mods.length === 0) return true;
    const [p1, s1 = 0] = from.mods;
    const [p2, s2 = 0] = to.mods;
    return p1 !== undefined && p2 !== undefined && s1 === s2 && p2 >= p1;
  }
  if (PRECISION_TYPES.has(from.base) && from.base === to.base)
    return m === undefined || (n !== undefined && m >= n);
  if (from.base === 'cidr' && to.base === 'inet') return true;
  return false;
}

/** A rewrite that keeps every value (integer widening, anything to text, ...). */
function widening(from: ParsedType, to: ParsedType): boolean {
  if (from.array !== to.array) return false;
  const a = INTEGER_RANK[from.base];
  const b = INTEGER_RANK[to.base];
  if (a !== undefined && b !== undefined) return b >= a;
  if (a !== undefined && to.base === 'numeric') return to.mods.length === 0;
  if (from.base === 'real' && to.base === 'double precision') return true;
  if (STRINGS.has(to.base) && to.mods.length === 0) return true;
  return false;
}

/** The cost of changing a column from type `from` to `to` (as written in the designs). */
export function typeChangeCost(from: string, to: string): TypeChangeCost {
  const a = parse(from);
  const b = parse(to);
  if (binaryCoercible(a, b)) return { rewritesTable: false };
  if (widening(a, b)) return { rewritesTable: true };
  return {
    rewritesTable: true,
    loses: `values of ${from} that do not fit ${to} make the step fail (or are rounded by the cast)`,
  };
}

/** True when the change needs no USING clause (an assignment cast exists and changes no value). */
export function castIsImplicit(from: string, to: string): boolean {
  return binaryCoercible(parse(from), parse(to));
}
