import { err, ok, type Result } from '../result';

/**
 * Bytes of a file to import, as text: the encoding from its byte-order mark (UTF-8, UTF-16 LE or
 * BE), UTF-8 without one, as PostgreSQL reads a script with `client_encoding` UTF8. What is not
 * text (a pg_dump archive, a gzip file, NUL bytes) or not valid in its encoding is refused with a
 * sentence saying what it is, rather than read as an empty or garbled design.
 */

/** More than any schema script (the largest real dumps we know are a few MB): refused unread. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedInput {
  text: string;
  encoding: InputEncoding;
  /** Whether a byte-order mark said so (it is not part of `text`). */
  bom: boolean;
}

export type InputErrorKind = 'tooLarge' | 'notText' | 'encoding';

export interface InputError {
  kind: InputErrorKind;
  /** A sentence about the file, to follow its name ("schema.sql: …"). */
  message: string;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((b, i) => bytes[i] === b);

/** Signatures of files people mistake for SQL scripts, with what to do instead. */
const NOT_TEXT: { magic: number[]; message: string }[] = [
  {
    magic: [0x50, 0x47, 0x44, 0x4d, 0x50],
    message:
      'this is a pg_dump archive (custom format), not a SQL script: turn it into one with `pg_restore --schema-only -f schema.sql` and read that.',
  },
  { magic: [0x1f, 0x8b], message: 'this file is gzip-compressed: decompress it first.' },
  {
    magic: [0x28, 0xb5, 0x2f, 0xfd],
    message: 'this file is zstd-compressed: decompress it first.',
  },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    message: 'this is a zip archive, not a SQL script: extract it first.',
  },
];

export function decodeInput(bytes: Uint8Array): Result<DecodedInput, InputError> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    return err({
      kind: 'tooLarge',
      message: `it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, far more than a schema needs; it was not read.`,
    });
  }
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return err({
      kind: 'encoding',
      message: 'it is UTF-32 text, which PostgreSQL does not read: save it as UTF-8.',
    });
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWith('utf-16le', bytes.subarray(2), true);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWith('utf-16be', bytes.subarray(2), true);
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  for (const known of NOT_TEXT)
    if (startsWith(body, known.magic)) return err({ kind: 'notText', message: known.message });
  const nul = body.indexOf(0);
  if (nul >= 0) {
    return err({
      kind: 'notText',
      message: `it has a NUL byte at line ${lineAt(body, nul)}: it is binary, or UTF-16 text without a byte-order mark. Save it as UTF-8 text.`,
    });
  }
  return decodeWith('utf-8', body, bom);
}

function decodeWith(
  encoding: InputEncoding,
  body: Uint8Array,
  bom: boolean,
): Result<DecodedInput, InputError> {
  try {
    // ignoreBOM: the mark was taken off above; a second one would be a character of the text.
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return ok({ text, encoding, bom });
  } catch {
    if (encoding !== 'utf-8') {
      return err({
        kind: 'encoding',
        message: `it starts with a ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} byte-order mark but is not valid UTF-16 text.`,
      });
    }
    const at = Math.max(0, firstInvalidUtf8(body));
    const byte = (body[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return err({
      kind: 'encoding',
      message: `it is not valid UTF-8 (byte 0x${byte} at line ${lineAt(body, at)}): it is probably in another encoding such as Latin-1 or Windows-1252. PostgreSQL reads scripts as UTF-8: save it as UTF-8.`,
    });
  }
}

/** 1-based line of a byte offset (UTF-8 and ASCII-compatible encodings). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (WHATWG's ranges). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
