/**
 * A change as sealed in the room, with its author: the name and colour its writer goes by, so
 * that the others can say who changed what. Inside the encryption (the relay never sees it) and
 * the signature (no one without the edit link can forge one); the name is whatever the writer
 * chose, as in presence, and is checked by the receiver before it is shown.
 *
 *   length of the author's JSON (2 bytes, big-endian) ‖ author JSON (UTF-8) ‖ Yjs update
 */

/** Longest author JSON carried (a name of 40 characters and a colour fit many times over). */
export const MAX_AUTHOR_BYTES = 1024;

const encoder = new TextEncoder();

export function encodeAuthoredChange(author: unknown, update: Uint8Array): Uint8Array {
  let json = encoder.encode(JSON.stringify(author ?? null));
  if (json.length > MAX_AUTHOR_BYTES) json = encoder.encode('null');
  const out = new Uint8Array(2 + json.length + update.length);
  out[0] = json.length >> 8;
  out[1] = json.length & 0xff;
  out.set(json, 2);
  out.set(update, 2 + json.length);
  return out;
}

/** The author (unchecked JSON, undefined when unreadable) and the update; undefined if malformed. */
export function decodeAuthoredChange(
  plaintext: Uint8Array,
): { author: unknown; update: Uint8Array } | undefined {
  if (plaintext.length < 2) return undefined;
  const length = (plaintext[0]! << 8) | plaintext[1]!;
  if (length > MAX_AUTHOR_BYTES || 2 + length > plaintext.length) return undefined;
  let author: unknown;
  try {
    author = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(plaintext.subarray(2, 2 + length)),
    );
  } catch {
    author = undefined;
  }
  return { author, update: plaintext.subarray(2 + length) };
}
