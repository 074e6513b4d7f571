import { utf8ByteLength } from '../../core/sql/quote';

/** Hands out names from the recipe, unique across the whole design and at most 63 bytes. */
export class NameSupply {
  private next = 0;
  private readonly taken = new Set<string>();
  constructor(private readonly names: readonly string[]) {}

  /** The next name; `avoid` adds names this one must not take (e.g. pg_catalog's type names). */
  take(avoid: ReadonlySet<string> = new Set()): string {
    let base = this.names[this.next++ % this.names.length] ?? 'x';
    if (base.startsWith('pg_')) base = 'x' + base; // pg_ schemas are reserved
    let name = base;
    for (let n = 2; this.taken.has(name) || avoid.has(name); n++) {
      name = withSuffix(base, `_${n}`);
    }
    this.taken.add(name);
    return name;
  }
}

function withSuffix(base: string, suffix: string): string {
  const chars = Array.from(base);
  while (chars.length > 0 && utf8ByteLength(chars.join('') + suffix) > 63) chars.pop();
  return chars.join('') + suffix;
}
