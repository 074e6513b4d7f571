import { err, ok, type Result } from '../result';
import { inflateCapped } from '../share/inflateCapped';

/**
 * Bytes of a file to import, as text: a gzip file (`schema.sql.gz`) decompressed first (up to
 * MAX_IMPORT_BYTES), then the encoding from its byte-order mark (UTF-8, UTF-16 LE or BE), UTF-8
 * without one, as PostgreSQL reads a script with `client_encoding` UTF8. What is not text (a
 * pg_dump archive, NUL bytes) or not valid in its encoding is refused with a sentence saying
 * what it is and what to do, rather than read as an empty or garbled design.
 */

/** More than any schema script (the largest real dumps we know are a few MB): refused unread. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedInput {
  text: string;
  encoding: InputEncoding;
  /** Whether a byte-order mark said so (it is not part of `text`). */
  bom: boolean;
  /** Set when the file was gzip-compressed (and decompressed here). */
  compression?: 'gzip';
}

export type InputErrorKind = 'tooLarge' | 'notText' | 'encoding';

export interface InputError {
  kind: InputErrorKind;
  /** A sentence about the file, to follow its name ("schema.sql: …"). */
  message: string;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((b, i) => bytes[i] === b);

const GZIP = [0x1f, 0x8b];
/** A gzip member's 10-byte header and 8-byte trailer. */
const GZIP_MIN_BYTES = 18;
const MB = 1024 * 1024;

/** What pg_restore makes of a pg_dump archive: a script of its schema, which imports. */
export const restoreCommand = (name: string) =>
  `pg_restore --schema-only -f schema.sql ${/^[\w./-]+$/.test(name) ? name : `'${name.replace(/'/g, "'\\''")}'`}`;

/** Signatures of files people mistake for SQL scripts, with what to do instead. */
const NOT_TEXT: { magic: number[]; message: (name: string) => string }[] = [
  {
    magic: [0x50, 0x47, 0x44, 0x4d, 0x50],
    message: (name) =>
      `this is a pg_dump archive (custom or directory format), not a SQL script: turn it into one with \`${restoreCommand(name)}\` and import schema.sql.`,
  },
  {
    magic: [0x28, 0xb5, 0x2f, 0xfd],
    message: () => 'this file is zstd-compressed: decompress it first (zstd -d).',
  },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    message: () => 'this is a zip archive, not a SQL script: extract it first.',
  },
];

/** pg_dump's tar format: a tar archive (`ustar` at byte 257) holding toc.dat and the data. */
const isTar = (bytes: Uint8Array) =>
  startsWith(bytes.subarray(257), [0x75, 0x73, 0x74, 0x61, 0x72]);

/**
 * `name` (the file's name, for the commands a message gives) defaults to `<file>`.
 */
export function decodeInput(bytes: Uint8Array, name = '<file>'): Result<DecodedInput, InputError> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    return err({
      kind: 'tooLarge',
      message: `it is larger than ${MAX_IMPORT_BYTES / MB} MB, far more than a schema needs; it was not read.`,
    });
  }
  if (startsWith(bytes, GZIP)) return decodeGzip(bytes, name);
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
    if (startsWith(body, known.magic))
      return err({ kind: 'notText', message: known.message(name) });
  if (isTar(body)) {
    return err({
      kind: 'notText',
      message: `this is a tar archive (pg_dump's tar format writes one), not a SQL script: turn it into one with \`${restoreCommand(name)}\` and import schema.sql.`,
    });
  }
  const nul = body.indexOf(0);
  if (nul >= 0) {
    return err({
      kind: 'notText',
      message: `it is not a text SQL file: it has a NUL byte at line ${lineAt(body, nul)} (binary, or UTF-16 text without a byte-order mark). Import a SQL script saved as UTF-8 text.`,
    });
  }
  return decodeWith('utf-8', body, bom);
}

/** A gzip file decompressed (capped: a small file can inflate to gigabytes), then decoded. */
function decodeGzip(bytes: Uint8Array, name: string): Result<DecodedInput, InputError> {
  // Shorter than a gzip header and trailer: fflate would answer an empty text for it.
  const inflated =
    bytes.length < GZIP_MIN_BYTES
      ? err('truncated' as const)
      : inflateCapped(bytes, MAX_IMPORT_BYTES, 'gzip');
  if (!inflated.ok) {
    return err(
      inflated.error === 'tooLarge'
        ? {
            kind: 'tooLarge',
            message: `it is gzip-compressed and decompresses to more than ${MAX_IMPORT_BYTES / MB} MB, far more than a schema needs; it was not read. Leave out the data (pg_dump --schema-only).`,
          }
        : {
            kind: 'notText',
            message:
              'it starts as a gzip file but is cut short or damaged: it could not be decompressed. Check it with `gzip -t`.',
          },
    );
  }
  // What was compressed is read like any file (a pg_dump archive inside is named as such), but
  // a gzip inside a gzip is not opened again.
  if (startsWith(inflated.value, GZIP))
    return err({ kind: 'notText', message: 'it is gzip-compressed twice: decompress it first.' });
  const decoded = decodeInput(inflated.value, name);
  return decoded.ok ? ok({ ...decoded.value, compression: 'gzip' }) : decoded;
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
