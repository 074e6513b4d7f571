import type { Column, Index, IndexElement } from '../../core/model/schema';
import { quoteIdent } from '../../core/sql/quote';
import type { IndexRecipe } from './arbitraries';
import type { TableBuild } from './buildDesign';
import type { NameSupply } from './names';
import type { TypeSpec } from './typeCatalog';

const BRIN_FAMILIES = new Set(['integer', 'int2or8', 'numeric', 'time', 'date', 'uuid']);
const HASH_FAMILIES = new Set(['integer', 'int2or8', 'text', 'varchar', 'uuid', 'date']);

/** Which columns each index method can take with its default operator class. */
function fitsMethod(method: IndexRecipe['method'], spec: TypeSpec): boolean {
  switch (method) {
    case 'btree':
      return true;
    case 'hash':
      return HASH_FAMILIES.has(spec.family);
    case 'gin':
      return spec.family === 'array' || spec.family === 'jsonb';
    case 'gist':
      return spec.family === 'range';
    case 'spgist':
      return spec.family === 'range' || spec.written === 'text';
    case 'brin':
      return BRIN_FAMILIES.has(spec.family);
  }
}

/** Adds the recipe's indexes, each on columns its method can take, with the expected read-back. */
export function addIndexes(recipes: IndexRecipe[], build: TableBuild, names: NameSupply): void {
  const { table, expected } = build;
  recipes.forEach((r, n) => {
    const fitting = table.columns.filter((c) =>
      fitsMethod(r.method, build.specs.get(c.id) as TypeSpec),
    );
    if (fitting.length === 0) return;
    const btree = r.method === 'btree';
    const elementRecipes = btree ? r.elements : r.elements.slice(0, 1);
    const elements: IndexElement[] = [];
    const printedElements: IndexElement[] = [];
    const used = new Set<string>();
    for (const e of elementRecipes) {
      const column = fitting[e.pick % fitting.length] as Column;
      if (used.has(column.id)) continue;
      used.add(column.id);
      const spec = build.specs.get(column.id) as TypeSpec;
      const q = quoteIdent(column.name);
      const expression = btree && e.expression ? indexExpression(q, spec) : undefined;
      if (expression) {
        const desc = e.descending ? { descending: true } : {};
        elements.push({ kind: 'expression', expression: expression[0], ...desc });
        printedElements.push({ kind: 'expression', expression: expression[1], ...desc });
        continue;
      }
      const element: IndexElement = { kind: 'column', columnId: column.id };
      if (btree && e.descending) element.descending = true;
      if (btree && e.nulls) element.nulls = e.nulls;
      if (btree && e.opclass && spec.written === 'text') element.opclass = 'text_pattern_ops';
      if (btree && e.opclass && spec.family === 'varchar') element.opclass = 'varchar_pattern_ops';
      elements.push(element);
      printedElements.push(element);
    }
    const rest = table.columns.filter((c) => !used.has(c.id));
    const include =
      btree && r.include !== undefined && rest.length > 0
        ? rest[r.include % rest.length]
        : undefined;
    const first = table.columns.find((c) => used.has(c.id)) as Column;
    const index: Index = {
      id: `${table.id}_i${n}`,
      ...(r.named ? { name: names.take() } : {}),
      unique: btree && r.unique,
      method: r.method,
      elements,
      include: include ? [include.id] : [],
      ...(r.where ? { where: `${quoteIdent(first.name)} IS NOT NULL` } : {}),
    };
    table.indexes.push(index);
    expected.indexes.push({ ...index, elements: printedElements });
  });
}

/** An expression key on the column, as written and as pg_get_indexdef prints it. */
function indexExpression(q: string, spec: TypeSpec): [string, string] | undefined {
  if (spec.written === 'text') return [`lower(${q})`, `lower(${q})`];
  if (spec.family === 'integer') return [`${q} + 1`, `(${q} + 1)`];
  return undefined;
}
