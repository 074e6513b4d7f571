/**
 * The names Rails gives what the schema dumper leaves unnamed: the column of a foreign key
 * (`add_foreign_key "posts", "users"` is on `user_id`, ActiveSupport's singularize), its
 * constraint name (`fk_rails_` and ten hex digits of a SHA-256) and an index's name. The dumper
 * omits them exactly when they are these defaults, so they must match Rails to the letter.
 */

// ActiveSupport's default singular rules (inflections.rb), the later ones tried first.
const SINGULAR_RULES: [RegExp, string][] = [
  [/s$/i, ''],
  [/(ss)$/i, '$1'],
  [/(n)ews$/i, '$1ews'],
  [/([ti])a$/i, '$1um'],
  [/((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$/i, '$1sis'],
  [/(^analy)(sis|ses)$/i, '$1sis'],
  [/([^f])ves$/i, '$1fe'],
  [/(hive)s$/i, '$1'],
  [/(tive)s$/i, '$1'],
  [/([lr])ves$/i, '$1f'],
  [/([^aeiouy]|qu)ies$/i, '$1y'],
  [/(s)eries$/i, '$1eries'],
  [/(m)ovies$/i, '$1ovie'],
  [/(x|ch|ss|sh)es$/i, '$1'],
  [/^(m|l)ice$/i, '$1ouse'],
  [/(bus)(es)?$/i, '$1'],
  [/(o)es$/i, '$1'],
  [/(shoe)s$/i, '$1'],
  [/(cris|test)(is|es)$/i, '$1is'],
  [/^(a)x[ie]s$/i, '$1xis'],
  [/(octop|vir)(us|i)$/i, '$1us'],
  [/(alias|status)(es)?$/i, '$1'],
  [/^(ox)en/i, '$1'],
  [/(vert|ind)ices$/i, '$1ex'],
  [/(matr)ices$/i, '$1ix'],
  [/(quiz)zes$/i, '$1'],
  [/(database)s$/i, '$1'],
];
const IRREGULAR: [string, string][] = [
  ['person', 'people'],
  ['man', 'men'],
  ['child', 'children'],
  ['sex', 'sexes'],
  ['move', 'moves'],
  ['zombie', 'zombies'],
];
const UNCOUNTABLE = [
  'equipment',
  'information',
  'rice',
  'money',
  'species',
  'series',
  'fish',
  'sheep',
  'jeans',
  'police',
];

/** ActiveSupport's `"word".singularize` with the default inflections. */
export function singularize(word: string): string {
  const lower = word.toLowerCase();
  // Ruby's \b, like JavaScript's, takes _ as part of a word: `user_information` is countable.
  if (UNCOUNTABLE.some((u) => new RegExp(`\\b${u}$`).test(lower))) return word;
  // Irregular words are matched at the end, so `sales_people` is `sales_person`.
  for (const [singular, plural] of IRREGULAR.slice().reverse()) {
    for (const form of [plural, singular]) {
      const match = new RegExp(`(${form[0]})${form.slice(1)}$`, 'i').exec(word);
      if (match) return word.slice(0, match.index) + match[1] + singular.slice(1);
    }
  }
  for (const [rule, replacement] of SINGULAR_RULES.slice().reverse())
    if (rule.test(word)) return word.replace(rule, replacement);
  return word;
}

/** The column Rails puts a foreign key on when `column:` is left out: `users` -> `user_id`. */
export function defaultForeignKeyColumn(toTable: string): string {
  return `${singularize(toTable.split('.').pop() ?? toTable)}_id`;
}

/** Rails' name for a foreign key it names: `fk_rails_` + the first 10 hex digits of a SHA-256. */
export function railsForeignKeyName(table: string, column: string): string {
  return `fk_rails_${sha256Hex(`${table}_${column}_fk`).slice(0, 10)}`;
}

/** Rails' name for an index it names: `index_posts_on_user_id_and_created_at`. */
export function defaultIndexName(table: string, columns: string[] | string): string {
  const what = typeof columns === 'string' ? columns : columns.join('_and_');
  return `index_${table.replaceAll('.', '_')}_on_${what}`.replace(/\W+/g, '_');
}

const K = Array.from({ length: 64 }, (_, i) => {
  // The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
  const primes: number[] = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p)) primes.push(n);
  return Math.floor((Math.cbrt(primes[i]!) % 1) * 2 ** 32) >>> 0;
});

/** SHA-256 of a UTF-8 string, in hex: synchronous and pure, for a name (not for secrets). */
export function sha256Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const length = Math.ceil((bytes.length + 9) / 64) * 64;
  const padded = new Uint8Array(length);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(length - 4, (bytes.length * 8) >>> 0);
  view.setUint32(length - 8, Math.floor((bytes.length * 8) / 2 ** 32));
  const h = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ];
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let block = 0; block < length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (let i = 0; i < 64; i++) {
      const t1 =
        (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>>
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i]! + add[i]!) >>> 0;
  }
  return h.map((x) => x.toString(16).padStart(8, '0')).join('');
}
