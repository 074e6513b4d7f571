import { makeObjectName } from '../catalog/objectNames';
import { uniqueName } from '../model/design';
import type { Design, Table } from '../model/schema';

/** Lower-case words joined by single underscores, starting with a letter: `order_items`, `line2`. */
export const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** The words of a name, whether it is snake_case, camelCase or PascalCase: `OrderID` -> order, id. */
export function nameWords(name: string): readonly string[] {
  let words = wordsCache.get(name);
  if (!words) {
    if (wordsCache.size > 50_000) wordsCache.clear();
    words = splitWords(name);
    wordsCache.set(name, words);
  }
  return words;
}
const wordsCache = new Map<string, string[]>();

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** `OrderItems` -> `order_items`; undefined when nothing usable is left (e.g. only symbols). */
export function toSnakeCase(name: string): string | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  const snake = words.join('_');
  return /^[a-z]/.test(snake) ? snake : undefined;
}

/** Suffixes PostgreSQL uses when it names a constraint or index itself. */
export const NAME_LABEL = {
  primaryKey: 'pkey',
  unique: 'key',
  foreignKey: 'fkey',
  check: 'check',
  exclude: 'excl',
  index: 'idx',
} as const;

/**
 * The name PostgreSQL would give (`orders_customer_id_fkey`, `orders_pkey`), made unique among the
 * constraint and index names of the table's schema (index-backed constraints share that namespace).
 */
export function conventionalName(
  design: Design,
  table: Table,
  label: string,
  columnNames: string[],
): string {
  // With no columns PostgreSQL writes `<table>_<label>` (makeObjectName with no second name).
  const base =
    label === NAME_LABEL.primaryKey || columnNames.length === 0
      ? makeObjectName(table.name, '', label).slice(0, -(label.length + 2)) + '_' + label
      : makeObjectName(table.name, columnNames.join('_'), label);
  return uniqueName(base, namesInSchema(design, table.schemaId));
}

function namesInSchema(design: Design, schemaId: string): string[] {
  const names: string[] = [];
  for (const t of Object.values(design.tables)) {
    if (t.schemaId !== schemaId) continue;
    names.push(t.name);
    for (const k of t.constraints) if (k.name) names.push(k.name);
    for (const i of t.indexes) if (i.name) names.push(i.name);
  }
  return names;
}
