/**
 * Reading an input file in Node without trusting it: at most MAX_IMPORT_BYTES (a larger regular
 * file is refused before a byte is read; a device or pipe that keeps giving, like /dev/zero, is
 * stopped there), then decoded as the studio decodes (gzip, byte-order marks, UTF-8, what is not
 * text).
 */
import { access, open } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decodeInput,
  MAX_IMPORT_BYTES,
  restoreCommand,
  type DecodedInput,
  type InputError,
} from '../core/import';
import { err, ok, type Result } from '../core/result';
import { concatBytes } from '../core/share/inflateCapped';

/**
 * Why an input was not read: what decoding refuses, or `unreadable` (missing, a directory, no
 * permission), `empty` (nothing but white space); `tooLarge` also when the cap stopped the reading.
 */
export type ReadInputError = InputError | { kind: 'unreadable' | 'empty'; message: string };

const MB = 1024 * 1024;
const LIMIT = `${MAX_IMPORT_BYTES / MB} MB`;
const ADVICE =
  'far more than a schema needs, so it was not read. Leave out the data (pg_dump --schema-only) or split the script.';

/** `path`, or standard input for `-`. Messages follow the name: "schema.sql: …". */
export async function readInput(
  path: string,
  stdin?: AsyncIterable<Uint8Array>,
): Promise<Result<DecodedInput, ReadInputError>> {
  // process.stdin is touched only for -: creating it for nothing can keep Node from exiting.
  const bytes =
    path === '-'
      ? await readCapped(stdin ?? process.stdin, `it gave more than ${LIMIT}, ${ADVICE}`)
      : await readFileCapped(path);
  if (!bytes.ok) return bytes;
  const decoded = decodeInput(bytes.value, path === '-' ? undefined : path);
  if (!decoded.ok) return decoded;
  if (decoded.value.text.trim() === '')
    return err({ kind: 'empty', message: 'it is empty: there is nothing to read.' });
  return decoded;
}

async function readFileCapped(path: string): Promise<Result<Uint8Array, ReadInputError>> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (thrown) {
    return unreadable(`cannot read it: ${why(thrown)}.`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return unreadable(await directoryProblem(path));
    if (stat.isFile() && stat.size > MAX_IMPORT_BYTES) {
      return tooLarge(
        `it is ${Math.ceil(stat.size / MB).toLocaleString('en')} MB, more than ${LIMIT}: ${ADVICE}`,
      );
    }
    // A device or a pipe: its size says nothing (/dev/zero never ends), so read up to the cap.
    const tooMuch = stat.isFile()
      ? `it grew past ${LIMIT} while being read, ${ADVICE}`
      : `it is not a regular file (a device or a pipe) and gave more than ${LIMIT} without ending; it was not read further.`;
    return await readCapped(handle.createReadStream({ autoClose: false }), tooMuch);
  } catch (thrown) {
    return unreadable(`cannot read it: ${why(thrown)}.`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Chunks until the end, or until one byte past the cap (then refused; the rest is never read). */
async function readCapped(
  source: AsyncIterable<Uint8Array>,
  tooMuch: string,
): Promise<Result<Uint8Array, ReadInputError>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES) return tooLarge(tooMuch);
    chunks.push(chunk);
  }
  return ok(concatBytes(chunks, size));
}

/** A directory: pg_dump's directory format (a toc.dat inside) gets the command that reads it. */
async function directoryProblem(path: string): Promise<string> {
  const dump = await access(join(path, 'toc.dat')).then(
    () => true,
    () => false,
  );
  return dump
    ? `it is a pg_dump archive in directory format, not a SQL script: turn it into one with \`${restoreCommand(path)}\` and import schema.sql.`
    : 'cannot read it: it is a directory.';
}

const unreadable = (message: string) => err<ReadInputError>({ kind: 'unreadable', message });
const tooLarge = (message: string) => err<ReadInputError>({ kind: 'tooLarge', message });

function why(thrown: unknown): string {
  const code = (thrown as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return thrown instanceof Error ? thrown.message : String(thrown);
}
