/**
 * Ids for entities read from a catalog: derived from their names, so reading the same database
 * twice gives the same ids (an import can be diffed against the previous one, and a layout keyed
 * by id still fits). A prefix as in `newId`, then 53 bits of a string hash in base 36. The rare
 * collision gets a numeric suffix, in reading order, so results stay deterministic.
 */
export class CatalogIds {
  private readonly taken = new Set<string>();

  /** An id for the entity named by `parts` (e.g. schema, table, column), unique in this design. */
  take(prefix: string, ...parts: string[]): string {
    // NUL cannot appear in PostgreSQL names, so it separates parts unambiguously.
    const base = prefix + '_' + hash53(parts.join('\0')).toString(36).padStart(11, '0');
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    return id;
  }

  /** Reserves a fixed id (such as `s_public`) so hashed ids never take it. */
  reserve(id: string): string {
    this.taken.add(id);
    return id;
  }
}

/** cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; ids only need to spread). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
