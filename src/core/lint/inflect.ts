/**
 * English plurals of a snake_case name, for guessing which table a `<thing>_id` column points at.
 * Only the last word is inflected (`merge_request` -> `merge_requests`). Every form an application
 * framework would have produced is returned, not one "right" answer: Rails' inflector writes
 * `indices` and `statuses`, a hand-written schema may say `indexes`; the caller keeps a guess only
 * when exactly one table answers to the forms, so listing one form too many costs nothing, and
 * missing one only misses a finding.
 */

/** Words whose plural no rule makes (Rails' and Ecto's irregulars that occur in schemas). */
const IRREGULAR: Record<string, string> = {
  person: 'people',
  man: 'men',
  woman: 'women',
  child: 'children',
  ox: 'oxen',
  mouse: 'mice',
  louse: 'lice',
  goose: 'geese',
  tooth: 'teeth',
  foot: 'feet',
  quiz: 'quizzes',
};

/** Words with no separate plural (Rails' uncountables): the table has the word itself. */
const UNCOUNTABLE = new Set([
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
  'news',
  'metadata',
  'feedback',
  'software',
  'hardware',
]);

/**
 * Suffix rules, tried on the last word; several may apply and all their results are kept
 * (`index` -> `indexes` and `indices`). Order does not matter. A word ending in s may also be a
 * table name as it is (Rails leaves `news` alone): `tableNamesFor` keeps the word itself.
 */
const RULES: Array<[RegExp, string]> = [
  [/([^aeiouy]|qu)y$/, '$1ies'], // category -> categories, query -> queries
  [/([aeiou]y)$/, '$1s'], // key -> keys, day -> days
  [/(x|ch|ss|sh|zz)$/, '$1es'], // box -> boxes, match -> matches, address -> addresses
  [/(s)$/, '$1es'], // status -> statuses, alias -> aliases, bus -> buses
  [/([^f])fe$/, '$1ves'], // knife -> knives, life -> lives
  [/([lr])f$/, '$1ves'], // shelf -> shelves, half -> halves
  [/sis$/, 'ses'], // analysis -> analyses, basis -> bases
  [/([ti])um$/, '$1a'], // datum -> data, medium -> media
  [/(buffal|tomat|her|potat|ech)o$/, '$1oes'], // hero -> heroes
  [/(octop|vir|radi|alumn|cact|fung|stimul|syllab)us$/, '$1i'], // cactus -> cacti
  [/(matr|vert|ind)(ix|ex)$/, '$1ices'], // index -> indices, matrix -> matrices
  [/(ax|test|cris)is$/, '$1es'], // axis -> axes, crisis -> crises
];

/** The plural forms of a snake_case name, inflecting its last word; no duplicates, none empty. */
export function pluralForms(name: string): string[] {
  const cut = name.lastIndexOf('_') + 1;
  const head = name.slice(0, cut);
  const word = name.slice(cut);
  if (!word) return [];
  const forms = new Set<string>();
  const irregular = IRREGULAR[word];
  if (irregular) forms.add(irregular);
  else if (UNCOUNTABLE.has(word)) forms.add(word);
  else {
    for (const [pattern, replacement] of RULES)
      if (pattern.test(word)) forms.add(word.replace(pattern, replacement));
    // The general rule, beside the special ones (`photo` -> `photos`, `index` -> `indexes` too),
    // but never where it makes no word (`statuss`, `boxs`, `categorys`).
    if (!/(s|x|ch|sh|zz)$/.test(word) && !/([^aeiouy]|qu)y$/.test(word)) forms.add(`${word}s`);
  }
  return [...forms].map((w) => head + w);
}

/** The table names a `<thing>_id` column may point at: the thing itself (singular tables) and its plurals. */
export function tableNamesFor(thing: string): string[] {
  return [...new Set([thing, ...pluralForms(thing)])];
}
