import type { PgError, PgNotice } from './protocol';

/** Fields copied verbatim from PGlite's DatabaseError (all strings there). */
const TEXT_FIELDS = [
  'code',
  'severity',
  'detail',
  'hint',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'internalQuery',
] as const;

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function toPosition(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Turn whatever PGlite threw into a {@link PgError}: Postgres fields kept, positions as numbers,
 * absent fields omitted (so the object is small and clones cleanly).
 */
export function toPgError(thrown: unknown): PgError {
  const source = asRecord(thrown);
  const message =
    typeof source.message === 'string' && source.message !== ''
      ? source.message
      : String(thrown ?? 'Unknown database error');
  const error: PgError = { message };
  for (const key of TEXT_FIELDS) {
    const value = source[key];
    if (typeof value === 'string' && value !== '') error[key] = value;
  }
  const position = toPosition(source.position);
  if (position !== undefined) error.position = position;
  const internalPosition = toPosition(source.internalPosition);
  if (internalPosition !== undefined) error.internalPosition = internalPosition;
  return error;
}

/** A notice as plain data. */
export function toPgNotice(notice: unknown): PgNotice {
  const source = asRecord(notice);
  const out: PgNotice = { message: typeof source.message === 'string' ? source.message : '' };
  if (typeof source.severity === 'string') out.severity = source.severity;
  if (typeof source.code === 'string') out.code = source.code;
  return out;
}

/**
 * Convert Postgres's 1-based character position in `sql` to a 0-based UTF-16 index. Postgres
 * counts code points, JavaScript (and Monaco) count UTF-16 units: they differ after any
 * character outside the Basic Multilingual Plane (an emoji in a comment or a default).
 */
export function positionToIndex(sql: string, position: number): number {
  let index = 0;
  let codePoints = 0;
  while (codePoints < position - 1 && index < sql.length) {
    const unit = sql.charCodeAt(index);
    const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff;
    index += isHighSurrogate && index + 1 < sql.length ? 2 : 1;
    codePoints += 1;
  }
  return index;
}
