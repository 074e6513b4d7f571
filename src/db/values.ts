/**
 * Result values for the SQL console. They cross `postMessage` and may be copied as JSON, so they
 * must be plain: no bigint (not JSON), no Date (time zone surprises, lost microseconds), no typed
 * arrays.
 */

/**
 * Type OIDs (see `pg_type`) whose text output is shown as Postgres prints it, with their array
 * types (`{"2024-05-06 07:08:09+00"}` rather than an array of rounded UTC dates).
 */
const KEEP_AS_TEXT = {
  bytea: 17,
  json: 114,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  timetz: 1266,
  jsonb: 3802,
  'bytea[]': 1001,
  'json[]': 199,
  'date[]': 1182,
  'time[]': 1183,
  'timestamp[]': 1115,
  'timestamptz[]': 1185,
  'timetz[]': 1270,
  'jsonb[]': 3807,
} as const;

const identity = (text: string): string => text;

/**
 * Parsers to pass to PGlite so these types arrive as Postgres's own text: exact (a JS Date drops
 * microseconds and shifts to UTC; JSON.parse turns `1.10` into `1.1`) and what psql would show.
 */
export const TEXT_PARSERS: Record<number, (text: string) => string> = Object.fromEntries(
  Object.values(KEEP_AS_TEXT).map((oid) => [oid, identity]),
);

function toHex(bytes: Uint8Array): string {
  let out = '\\x';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/**
 * Make one value structured-clone safe and JSON-friendly. Arrays stay arrays (element by
 * element); other objects become JSON text.
 */
export function toPlainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // NaN and Infinity are valid float8 values but not JSON.
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  }
  if (value instanceof Uint8Array) return toHex(value);
  try {
    return JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === 'bigint' ? inner.toString() : inner,
    );
  } catch {
    return String(value);
  }
}

/** Plain rows, at most `limit` of them. */
export function toPlainRows(rows: readonly unknown[], limit: number): unknown[][] {
  const out: unknown[][] = [];
  for (const row of rows.slice(0, limit)) {
    out.push(Array.isArray(row) ? row.map(toPlainValue) : [toPlainValue(row)]);
  }
  return out;
}
