import { Gunzip, Inflate } from 'fflate';
import { err, ok, type Result } from '../result';

/** Why a capped inflate stopped: over the cap, not deflate data, or ended early. */
export type InflateProblem = 'tooLarge' | 'corrupt' | 'truncated';

/**
 * Inflates in small steps, so a bomb is stopped after at most `max` bytes plus one step's output
 * (deflate expands at most ~1032:1, so a 1 KB step yields at most ~1 MB). Share links and the
 * versions shared in a room both come from strangers; so do files to import.
 */
export function inflateCapped(
  bytes: Uint8Array,
  max: number,
  /** Raw deflate (share links, room versions), or a gzip file (an imported `.sql.gz`). */
  format: 'deflate' | 'gzip' = 'deflate',
): Result<Uint8Array, InflateProblem> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const onData = (chunk: Uint8Array, final: boolean) => {
    chunks.push(chunk);
    size += chunk.length;
    if (final) ended = true;
  };
  const inflater = format === 'gzip' ? new Gunzip(onData) : new Inflate(onData);
  const STEP = 1024;
  try {
    for (let i = 0; i < bytes.length; i += STEP) {
      inflater.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length);
      if (size > max) return err('tooLarge');
    }
  } catch {
    return err('corrupt');
  }
  if (!ended || bytes.length === 0) return err('truncated');
  return ok(concatBytes(chunks, size));
}

/** The chunks as one array of `size` bytes (their total). */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
