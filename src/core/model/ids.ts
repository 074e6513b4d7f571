/**
 * Stable ids for every entity, so a rename stays a rename. Short (10 chars of base36) because they
 * travel inside share links; random so two tabs or an import never collide.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** d design, s schema, t table, c column, k constraint, i index, e enum, n note, x raw object, a subject area,
 * h discussion thread, m message of a thread. */
export type IdPrefix = 'd' | 's' | 't' | 'c' | 'k' | 'i' | 'e' | 'n' | 'x' | 'a' | 'h' | 'm';

export function newId(prefix: IdPrefix): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let out = prefix + '_';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
