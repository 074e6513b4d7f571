import { primaryKeyOf } from '../model/design';
import { plainType } from '../model/pgType';
import type { Column, Design, Table } from '../model/schema';
import { matchesReferenced } from './rules/fkTypeMismatch';
import { tableNamesFor } from './inflect';
import { typeInfo } from './typeInfo';

/**
 * Which table an undeclared `<thing>_id` column refers to, guessed from names and types the way
 * Rails and Ecto name them (`project_id` -> `projects.id`). Conservative on purpose: a wrong
 * "likely foreign key" sends someone to add a constraint that fails or means nothing, so any
 * doubt (two candidate tables, a composite key, an unrelated type, a polymorphic pair) is no
 * guess at all.
 */
export interface ReferenceGuess {
  /** The referenced table and its single primary key column. */
  target: Table;
  targetColumn: Column;
  /** How the name led there: `project` + its plural `projects`, or `parent` (the table itself). */
  thing: string;
  /**
   * The column's type is one a foreign key to the key accepts as it is (the same type, or text
   * and varchar); false when both are integers or both strings but differ (integer vs bigint).
   */
  sameType: boolean;
  /** The table names the column's name could mean (`project`, `projects`). */
  names: string[];
  /** The table prefix the target was found with (`ci_` for `ci_builds.stage_id` -> `ci_stages`). */
  prefix?: string;
  /** Tables of those names in other schemas, passed over for the one in the column's schema. */
  elsewhere: number;
}

/**
 * A reference column's name. Only `_id`: of the 16 real schemas in the fixtures, one column ends
 * in `_uuid` (a varchar), while uuid keys are copied into `_id` columns (lago: 300 of them).
 */
const REFERENCE_NAME = /^(.+)_id$/;
/** The polymorphic pair's other column, as polymorphicAssociation reads it. */
const TYPE_SUFFIXES = ['type', 'kind', 'class', 'table'];

/** Types close enough that a same-named column is still likely a copy of the key. */
function typeFamily(type: string): string {
  const base = typeInfo(plainType(type)).base;
  if (base === 'smallint' || base === 'integer' || base === 'bigint') return 'integer';
  if (base === 'text' || base === 'varchar' || base === 'char' || base === 'bpchar') return 'text';
  return base;
}

/** A table's lower-cased column names; tables are immutable, so one set per table object. */
const namesOfColumns = new WeakMap<Table, Set<string>>();
function columnNames(table: Table): Set<string> {
  let names = namesOfColumns.get(table);
  if (!names) {
    names = new Set(table.columns.map((c) => c.name.toLowerCase()));
    namesOfColumns.set(table, names);
  }
  return names;
}

/** tableNamesFor, remembered: the same few hundred `<thing>`s come back on every review. */
const plurals = new Map<string, string[]>();
function namesFor(thing: string): string[] {
  let names = plurals.get(thing);
  if (!names) {
    if (plurals.size > 20_000) plurals.clear();
    names = tableNamesFor(thing);
    plurals.set(thing, names);
  }
  return names;
}

/** The tables of a design by lower-cased name, every schema, built once per review. */
export function tablesByName(design: Design): Map<string, Table[]> {
  const byName = new Map<string, Table[]>();
  for (const t of Object.values(design.tables)) {
    const key = t.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), t]);
  }
  return byName;
}

/**
 * The table `column` of `table` likely refers to, or undefined when there is no confident guess.
 * The caller skips columns already in a foreign key and inherited columns (reviewed on the parent).
 */
export function guessReference(
  byName: Map<string, Table[]>,
  table: Table,
  column: Column,
): ReferenceGuess | undefined {
  const name = column.name.toLowerCase();
  const m = REFERENCE_NAME.exec(name);
  const thing = m?.[1];
  if (!thing || column.generated || typeInfo(column.type).array) return undefined;
  const pk = primaryKeyOf(table);
  if (pk?.columnIds.length === 1 && pk.columnIds[0] === column.id) return undefined;
  const siblings = columnNames(table);
  if (TYPE_SUFFIXES.some((s) => siblings.has(`${thing}_${s}`))) return undefined;

  // Rails namespaces models by a table prefix and resolves `belongs_to :build` inside `Ci::` to
  // `Ci::Build` (ci_builds), so `ci_stages.pipeline_id` may mean ci_pipelines. Both an
  // unprefixed and a prefixed table of that name is a doubt, hence no guess.
  const prefix = /^([a-z0-9]+_)[a-z0-9]/.exec(table.name.toLowerCase())?.[1];
  const names = namesFor(thing);
  const prefixed =
    prefix && !thing.startsWith(prefix) ? names.map((n) => prefix + n) : ([] as string[]);
  const named = [...names, ...prefixed].flatMap((n) => byName.get(n) ?? []);
  let candidates: Table[];
  if (thing === 'parent') {
    // `parent_id` is a tree's link to its own table, unless a table is called parent(s).
    if (named.length > 0) return undefined;
    candidates = [table];
  } else {
    // `users.user_id` is no reference to users itself (the name does not say "parent").
    if (named.includes(table)) return undefined;
    const here = named.filter((t) => t.schemaId === table.schemaId);
    candidates = here.length > 0 ? here : named;
  }
  const target = candidates.length === 1 ? candidates[0] : undefined;
  const key = target ? primaryKeyOf(target) : undefined;
  const targetColumn =
    target && key?.columnIds.length === 1
      ? target.columns.find((c) => c.id === key.columnIds[0])
      : undefined;
  // A partition holds some of its parent's rows: a key onto it alone is no relationship a
  // name like `issue_note_id` could promise.
  if (!target || !targetColumn || target.partitionOf) return undefined;
  if (typeFamily(column.type) !== typeFamily(targetColumn.type)) return undefined;
  return {
    target,
    targetColumn,
    thing,
    sameType: matchesReferenced(column.type, targetColumn.type),
    names,
    ...(prefix && prefixed.includes(target.name.toLowerCase()) ? { prefix } : {}),
    elsewhere: named.length - candidates.length,
  };
}
