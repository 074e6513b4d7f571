import { decodeInput, MAX_IMPORT_BYTES } from '../core/import/decodeInput';
import { err, ok, type Result } from '../core/result';

/** A file read as text for the Import and Update dialogs, with how it was read when not plain. */
export interface SourceFile {
  text: string;
  fileName: string;
  /** "decompressed from gzip", "read as UTF-16 LE": said beside the file's name. */
  note?: string;
}

const MB = 1024 * 1024;

/**
 * A picked or dropped file, read as the CLI reads one (core's decodeInput): gzip decompressed,
 * UTF-16 by its byte-order mark, and what is not a text SQL file (a pg_dump archive, a binary)
 * refused with a sentence that starts with its name. A file over the cap is refused unread.
 */
export async function readSourceFile(file: File): Promise<Result<SourceFile, string>> {
  const refuse = (why: string) => err(`${file.name}: ${why}`);
  if (file.size > MAX_IMPORT_BYTES) {
    return refuse(
      `it is ${Math.ceil(file.size / MB).toLocaleString('en')} MB, more than ${MAX_IMPORT_BYTES / MB} MB: far more than a schema needs, so it was not read. Leave out the data (pg_dump --schema-only).`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (thrown) {
    return refuse(`it could not be read (${(thrown as Error).message}).`);
  }
  const decoded = decodeInput(bytes, file.name);
  if (!decoded.ok) return refuse(decoded.error.message);
  const { text, encoding, compression } = decoded.value;
  const notes = [
    compression === 'gzip' ? 'decompressed from gzip' : undefined,
    encoding === 'utf-8'
      ? undefined
      : `read as ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'}`,
  ].filter((n) => n !== undefined);
  return ok({ text, fileName: file.name, ...(notes.length ? { note: notes.join(', ') } : {}) });
}
