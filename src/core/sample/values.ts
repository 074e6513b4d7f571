import { quoteLiteral } from '../sql/quote';
import type { ColumnRule } from './checkRules';
import { regexValue } from './regexValue';
import type { TypeInfo } from './typeInfo';

/**
 * SQL that makes a column's value from `g`, the row's number in generate_series. Either an
 * expression of `g` (injective when distinct rows get distinct values, so a unique key is safe),
 * or a finite set of values the plan picks from by index (enum labels, a CHECK's IN list,
 * booleans, a small bounded range).
 */
export type ValueSource =
  | { kind: 'expr'; sql: string; injective: boolean }
  | { kind: 'finite'; count: number; at: (index: string) => string };

const INTEGER_LIMITS: Record<string, [number, number]> = {
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  bigint: [-9007199254740991, 9007199254740991],
  oid: [0, 4294967295],
};
const TEXT_TYPES = new Set([
  'text',
  'character varying',
  'character',
  'char',
  'bpchar',
  'citext',
  'name',
  'varchar',
]);
const FLOAT_TYPES = new Set(['real', 'double precision', 'float', 'money']);
/** A bounded range smaller than this becomes a finite set, so a unique column stops at its end. */
const FINITE_RANGE = 1_000_000;

/** How the value for one column is made, or undefined when the type is beyond the generator. */
export function valueSource(
  name: string,
  info: TypeInfo,
  rule: ColumnRule | undefined,
  unique: boolean,
): ValueSource | undefined {
  const element = elementSource(name, info, rule, unique);
  if (!element || info.arrayDims === 0) return element;
  const cast = `${info.elementSql}[]`;
  if (element.kind === 'finite') {
    return {
      kind: 'expr',
      sql: `ARRAY[${element.at('(g - 1) % ' + element.count)}]::${cast}`,
      injective: false,
    };
  }
  return { kind: 'expr', sql: `ARRAY[${element.sql}]::${cast}`, injective: element.injective };
}

function elementSource(
  name: string,
  info: TypeInfo,
  rule: ColumnRule | undefined,
  unique: boolean,
): ValueSource | undefined {
  const type = info.elementSql;
  if (rule?.values && rule.values.length > 0) {
    const list = rule.values.map((v) => v.sql).join(', ');
    return {
      kind: 'finite',
      count: rule.values.length,
      at: (i) => `((ARRAY[${list}])[1 + ${i}])::${type}`,
    };
  }
  if (info.enumLabels && info.enumLabels.length > 0) {
    const list = info.enumLabels.map(quoteLiteral).join(', ');
    return {
      kind: 'finite',
      count: info.enumLabels.length,
      at: (i) => `(ARRAY[${list}]::${type}[])[1 + ${i}]`,
    };
  }
  const base = info.base;
  if (base === 'boolean') return { kind: 'finite', count: 2, at: (i) => `(${i} = 0)` };
  const limits = INTEGER_LIMITS[base];
  if (limits) return integerSource(limits, rule, unique);
  if (base === 'numeric' || FLOAT_TYPES.has(base)) return numericSource(info, rule, unique);
  if (TEXT_TYPES.has(base)) {
    const fixed =
      info.base === 'character' || info.base === 'bpchar' ? (info.modifiers[0] ?? 1) : undefined;
    const matching = rule?.pattern === undefined ? undefined : regexValue(rule.pattern, fixed);
    if (matching) return { kind: 'expr', sql: `${matching}::${info.elementSql}`, injective: true };
    return textSource(name, info, rule);
  }
  return otherSource(name, base, info, rule, unique);
}

function integerSource(
  [typeMin, typeMax]: [number, number],
  rule: ColumnRule | undefined,
  unique: boolean,
): ValueSource {
  const min = rule?.min?.value.num;
  const max = rule?.max?.value.num;
  const lo =
    min === undefined
      ? Math.max(1, typeMin)
      : Math.floor(min) + (rule?.min?.inclusive && Number.isInteger(min) ? 0 : 1);
  const hi =
    max === undefined
      ? typeMax
      : Math.ceil(max) - (rule?.max?.inclusive && Number.isInteger(max) ? 0 : 1);
  const span = Math.max(1, hi - lo + 1);
  if (unique) {
    if (span < FINITE_RANGE) return { kind: 'finite', count: span, at: (i) => `(${lo} + ${i})` };
    return { kind: 'expr', sql: `(${lo} + g - 1)`, injective: true };
  }
  return { kind: 'expr', sql: `(${lo} + (g - 1) % ${Math.min(span, 1000)})`, injective: false };
}

function numericSource(info: TypeInfo, rule: ColumnRule | undefined, unique: boolean): ValueSource {
  const [precision, scale = 0] = info.modifiers;
  const isFloat = info.base !== 'numeric';
  const digits = isFloat || precision === undefined ? 2 : scale;
  const typeMax = precision === undefined ? 1e9 : 10 ** (precision - scale) - 10 ** -scale;
  const step = 10 ** -digits;
  const min = rule?.min?.value.num;
  const max = rule?.max?.value.num;
  let hi = Math.min(typeMax, max ?? Infinity);
  if (max !== undefined && !rule?.max?.inclusive) hi -= step;
  let lo = min ?? Math.min(0, hi - 100);
  if (min !== undefined && !rule?.min?.inclusive) lo += hi - min >= 2 ? 1 : step;
  const cast = info.base === 'money' ? '::numeric::money' : '';
  if (unique) return { kind: 'expr', sql: `(${lo} + g - 1)${cast}`, injective: true };
  const span = Math.floor(Math.min(hi - lo, 1000));
  if (span < 1) return { kind: 'expr', sql: `(${lo})${cast}`, injective: false };
  const fraction = digits > 0 ? ` + (g % 100) / 100.0` : '';
  return {
    kind: 'expr',
    sql: `round(${lo} + (g - 1) % ${span}${fraction}, ${Math.min(digits, 2)})${cast}`,
    injective: false,
  };
}

function textSource(name: string, info: TypeInfo, rule: ColumnRule | undefined): ValueSource {
  const limit = Math.min(info.modifiers[0] ?? Infinity, rule?.maxLength ?? Infinity);
  // char without a length is char(1).
  const n = Number.isFinite(limit)
    ? limit
    : info.base === 'character' || info.base === 'char' || info.base === 'bpchar'
      ? 1
      : undefined;
  const prefix = quoteLiteral(name + '_');
  // The row number stays whole at the end, so values stay distinct while it fits.
  let sql =
    n === undefined
      ? `${prefix} || g`
      : `right(left(${prefix}, greatest(0, ${n} - length(g::text))) || g, ${n})`;
  if (rule?.minLength !== undefined && rule.minLength > 1)
    sql = `rpad(${sql}, ${rule.minLength}, 'x')`;
  return { kind: 'expr', sql: `(${sql})::${info.elementSql}`, injective: true };
}

function otherSource(
  name: string,
  base: string,
  info: TypeInfo,
  rule: ColumnRule | undefined,
  unique: boolean,
): ValueSource | undefined {
  const type = info.elementSql;
  const spread = (span: string, factor: number) =>
    unique ? `(g - 1)` : `((g * ${factor}) % ${span})`;
  const lower = (fallback: string) => (rule?.min ? `(${rule.min.value.sql})::${type}` : fallback);
  const expr = (sql: string, injective = unique) => ({ kind: 'expr' as const, sql, injective });
  switch (base) {
    case 'date': {
      const lo = lower(`date '2020-01-01'`);
      const span = rule?.max ? `greatest(1, (${rule.max.value.sql})::date - ${lo})` : '3650';
      return expr(`${lo} + ${spread(span, 37)}::int`);
    }
    case 'timestamp with time zone':
    case 'timestamp without time zone': {
      const lo = lower(
        `${base === 'timestamp with time zone' ? 'timestamptz' : 'timestamp'} '2020-01-01 00:00:00'`,
      );
      const span = rule?.max
        ? `greatest(1, floor(extract(epoch FROM (${rule.max.value.sql})::${type} - ${lo}) / 60))::int`
        : '1051200';
      return expr(`${lo} + ${spread(span, 7919)} * interval '1 minute'`);
    }
    case 'time without time zone':
    case 'time with time zone':
      return expr(`'08:00'::${type} + (g % 1440) * interval '1 minute'`, false);
    case 'interval':
      return expr(`make_interval(mins => ${unique ? 'g' : 'g % 10000'})`);
    case 'uuid':
      return expr('gen_random_uuid()', true);
    case 'json':
    case 'jsonb':
      return expr(`${base}_build_object(${quoteLiteral(name)}, g)`, true);
    case 'inet':
    case 'cidr':
      return expr(
        `('10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256)::${base}`,
        true,
      );
    case 'macaddr':
      return expr(`lpad(to_hex(g), 12, '0')::macaddr`, true);
    case 'macaddr8':
      return expr(`lpad(to_hex(g), 16, '0')::macaddr8`, true);
    case 'bytea':
      return expr(`convert_to(${quoteLiteral(name + '_')} || g, 'UTF8')`, true);
    case 'xml':
      return expr(`('<v>' || g || '</v>')::xml`, true);
    case 'tsvector':
      return expr(`to_tsvector('simple', ${quoteLiteral(name)} || ' w' || g)`, true);
    case 'point':
      return expr(`point(g % 360 - 180, g % 180 - 90)`, false);
    case 'int4range':
    case 'int8range':
    case 'numrange':
      // Ranges that never overlap, so an EXCLUDE ... WITH && holds.
      return expr(`${base}(g * 10, g * 10 + 5)`, true);
    case 'daterange':
      return expr(`daterange(date '2020-01-01' + g * 2, date '2020-01-01' + g * 2 + 1)`, true);
    case 'tsrange':
    case 'tstzrange':
      return expr(
        `${base}('2020-01-01'::${base === 'tsrange' ? 'timestamp' : 'timestamptz'} + g * interval '1 hour', '2020-01-01'::${base === 'tsrange' ? 'timestamp' : 'timestamptz'} + g * interval '1 hour' + interval '30 minutes')`,
        true,
      );
    case 'bit':
      return expr(`g::bigint::bit(${info.modifiers[0] ?? 1})`, (info.modifiers[0] ?? 1) >= 17);
    case 'bit varying':
      return expr(
        `g::bit(${Math.min(info.modifiers[0] ?? 32, 32)})::varbit`,
        (info.modifiers[0] ?? 32) >= 17,
      );
  }
  // Extension types by their last name part, since they may live in any schema.
  const short = base.replace(/^.*\./, '').replaceAll('"', '');
  if (short === 'cube') return expr(`(g::text)::${type}`, true);
  if (short === 'ltree') return expr(`('n.' || g)::${type}`, true);
  if (short === 'hstore') return expr(`(${quoteLiteral('"' + name + '"=>')} || g)::${type}`, true);
  return undefined;
}
