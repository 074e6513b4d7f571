/**
 * Fractional order keys: strings that sort (by plain `<`) in the order of the items they belong
 * to, with a key between any two. Each replica places an item by writing one key on it, so a
 * reorder is one small change and concurrent inserts never conflict (equal keys from two
 * replicas are broken by id, see `compareOrdered`).
 *
 * A key is a base-36 fraction without its leading "0.": "i" is 18/36. Keys never end in "0", so
 * every value has one spelling.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

const digit = (key: string, i: number): number => (i < key.length ? DIGITS.indexOf(key[i]!) : 0);

/** A key strictly between `a` and `b`; `a` undefined means the start, `b` undefined the end. */
export function keyBetween(a: string | undefined, b: string | undefined): string {
  const low = a ?? '';
  if (b !== undefined && !(low < b)) throw new Error(`keyBetween: "${low}" is not before "${b}".`);
  let prefix = '';
  for (let i = 0; ; i++) {
    const da = digit(low, i);
    const db = b === undefined ? BASE : i < b.length ? digit(b, i) : 0;
    if (da === db) {
      prefix += DIGITS[da];
      continue;
    }
    if (db - da > 1) return prefix + DIGITS[Math.floor((da + db) / 2)];
    // Adjacent digits: keep `a`'s digit and go past the rest of `a`.
    return prefix + DIGITS[da] + keyBetween(low.slice(i + 1), undefined);
  }
}

/** `count` keys spread evenly (short, for a whole document written at once), in order. */
export function spreadKeys(count: number): string[] {
  let width = 1;
  while (BASE ** width < count + 1) width++;
  const step = BASE ** width / (count + 1);
  const keys: string[] = [];
  for (let i = 1; i <= count; i++) {
    const value = Math.floor(i * step);
    keys.push(value.toString(BASE).padStart(width, '0').replace(/0+$/, ''));
  }
  return keys;
}

/** Order by key, then by id: what every replica agrees on, whatever order things arrived in. */
export function compareOrdered(
  a: { key: string; id: string },
  b: { key: string; id: string },
): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
