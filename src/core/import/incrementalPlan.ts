import { quote, tableKey, type StatementEffect, type TableKey } from './statementEffects';

/** A statement of a script, as the incremental reader compares them. */
export interface PlannedStatement {
  text: string;
  effect: StatementEffect;
  /** The column types a CREATE TABLE names (see `columnTypeNames`). */
  columnTypes: string[][];
}

/**
 * How to turn the database that ran `old` into one that ran `next`: undo some old statements
 * (`undo`, SQL to run in order), then run some new ones (`redo`, indexes into `next`, in order).
 * `tables` are the tables whose catalog rows may have changed.
 */
export interface IncrementalPlan {
  undo: string[];
  redo: number[];
  tables: Set<TableKey>;
}

export type PlanOutcome = { ok: true; plan: IncrementalPlan } | { ok: false; reason: string };

const no = (reason: string): PlanOutcome => ({ ok: false, reason });

type TableEffect = Exclude<StatementEffect, { kind: 'prelude' } | { kind: 'opaque' }>;

const targetOf = (e: StatementEffect): TableKey | undefined =>
  e.kind === 'prelude' || e.kind === 'opaque' ? undefined : e.table;

const refsOf = (e: StatementEffect): TableKey[] =>
  e.kind === 'table' || e.kind === 'constraint' ? e.refs : [];

/** Whether undoing or redoing this statement may change a key that foreign keys to its table use. */
const touchesKeys = (e: StatementEffect): boolean =>
  e.kind === 'table' ||
  (e.kind === 'index' && e.unique) ||
  (e.kind === 'constraint' && !e.onlyForeignKeys);

/** The relation names a statement makes in its schema (tables, indexes, constraint indexes). */
function relationNames(e: StatementEffect): string[] {
  if (e.kind === 'table') return [e.name];
  if (e.kind === 'index') return [e.index];
  if (e.kind === 'constraint') return e.constraints;
  return [];
}

function undoSql(e: TableEffect): string {
  const [schema, name] = JSON.parse(e.table) as [string, string];
  const table = `${quote(schema)}.${quote(name)}`;
  switch (e.kind) {
    case 'table':
      return `DROP TABLE ${table}`;
    case 'constraint':
      return `ALTER TABLE ${table} ${e.constraints.map((c) => `DROP CONSTRAINT ${quote(c)}`).join(', ')}`;
    case 'index':
      return `DROP INDEX ${quote(schema)}.${quote(e.index)}`;
    case 'comment':
      return e.undo;
  }
}

interface Shape {
  /** Statements before the first table statement. */
  prelude: string[];
  /** Index of each statement by its text (texts are unique). */
  byText: Map<string, number>;
  /** Index of each table's CREATE TABLE. */
  creates: Map<TableKey, number>;
}

function shapeOf(statements: readonly PlannedStatement[]): Shape | string {
  const prelude: string[] = [];
  const byText = new Map<string, number>();
  const creates = new Map<TableKey, number>();
  const comments = new Set<string>();
  let inPrelude = true;
  for (const [i, s] of statements.entries()) {
    const e = s.effect;
    if (e.kind === 'opaque') return `a statement read in full (${e.why})`;
    if (byText.has(s.text)) return 'a statement written twice';
    byText.set(s.text, i);
    if (e.kind === 'prelude') {
      if (!inPrelude) return 'schemas, types or functions after the first table';
      prelude.push(s.text);
      continue;
    }
    inPrelude = false;
    if (e.kind === 'table') {
      if (creates.has(e.table)) return 'a table created twice';
      creates.set(e.table, i);
    }
    if (e.kind === 'comment') {
      if (comments.has(e.target)) return 'two comments on one object';
      comments.add(e.target);
    }
  }
  return { prelude, byText, creates };
}

/**
 * Plans the incremental read of `next` over a database that ran every statement of `old`
 * successfully, or says why a full read is needed. The plan is exact: running it leaves the
 * database as running `next` from scratch would (same objects, same names, same outcome of every
 * statement), given that the scratch run ends without an error. Conservative by design: any
 * doubt about order, names or undo answers `ok: false`.
 */
export function planIncrementalRead(
  old: readonly PlannedStatement[],
  next: readonly PlannedStatement[],
): PlanOutcome {
  const before = shapeOf(old);
  if (typeof before === 'string') return no(before);
  const after = shapeOf(next);
  if (typeof after === 'string') return no(after);
  if (before.prelude.join('\0') !== after.prelude.join('\0'))
    return no('the statements before the first table changed');
  for (const s of next)
    for (const type of s.columnTypes) {
      const [schema, name] = type.length === 2 ? type : ['public', type[0]];
      if (type.length <= 2 && after.creates.has(tableKey(schema as string, name as string)))
        return no('a column typed by a table');
    }

  // Statements kept as they were must keep their order: moving one is read in full.
  let lastKept = -1;
  for (const s of old) {
    const at = after.byText.get(s.text);
    if (at === undefined) continue;
    if (at < lastKept) return no('statements moved');
    lastKept = at;
  }

  const undo = new Set<number>();
  const redo = new Set<number>();
  old.forEach((s, i) => {
    if (!after.byText.has(s.text)) undo.add(i);
  });
  next.forEach((s, i) => {
    if (!before.byText.has(s.text)) redo.add(i);
  });
  // Redo a kept statement: undo it first, run it again with the new ones.
  const again = (oldIndex: number): boolean => {
    if (undo.has(oldIndex)) return false;
    undo.add(oldIndex);
    redo.add(after.byText.get((old[oldIndex] as PlannedStatement).text) as number);
    return true;
  };
  // To a fixed point: a table made again takes its constraints, indexes and comments with it,
  // and a key made again takes the foreign keys that use it.
  for (let changed = true; changed;) {
    changed = false;
    const remade = new Set<TableKey>();
    const rekeyed = new Set<TableKey>();
    for (const i of undo) {
      const e = (old[i] as PlannedStatement).effect;
      if (e.kind === 'table') remade.add(e.table);
      if (touchesKeys(e)) rekeyed.add(targetOf(e) as TableKey);
    }
    for (const i of redo) {
      const e = (next[i] as PlannedStatement).effect;
      if (touchesKeys(e)) rekeyed.add(targetOf(e) as TableKey);
    }
    old.forEach((s, i) => {
      const target = targetOf(s.effect);
      if (target === undefined || undo.has(i)) return;
      if (remade.has(target) || refsOf(s.effect).some((t) => rekeyed.has(t)))
        changed = again(i) || changed;
    });
  }

  // What runs again runs after every kept statement: it must not matter that it runs late.
  const keptAfter = (position: number) =>
    next.slice(position + 1).filter((_, j) => !redo.has(position + 1 + j));
  const tables = new Set<TableKey>();
  for (const i of [...redo].sort((a, b) => a - b)) {
    const e = (next[i] as PlannedStatement).effect as TableEffect;
    tables.add(e.table);
    const created = after.creates.get(e.table);
    if (e.kind !== 'table' && (created === undefined || created > i))
      return no('a statement before the table it changes');
    const later = keptAfter(i);
    for (const ref of refsOf(e)) {
      const refCreated = after.creates.get(ref);
      if (refCreated === undefined || refCreated > i)
        return no('a foreign key before the table it references');
      if (later.some((s) => touchesKeys(s.effect) && targetOf(s.effect) === ref))
        return no('a foreign key before a change to the table it references');
    }
    if (e.kind === 'table') {
      // Names PostgreSQL makes up (t_pkey, t_id_seq, t_a_key...) avoid names already taken; it
      // shortens only a long table name to make them fit.
      const prefix = e.name.length <= 26 ? `${e.name}_` : e.name.slice(0, 10);
      const clash = later.some(
        (s) =>
          s.effect.kind !== 'prelude' &&
          s.effect.kind !== 'opaque' &&
          (s.effect.kind === 'comment' ? false : schemaOf(s.effect) === e.schema) &&
          relationNames(s.effect).some((n) => n.startsWith(prefix)),
      );
      if (clash) return no('a name PostgreSQL makes up may depend on order');
    }
  }
  for (const i of undo) tables.add(targetOf((old[i] as PlannedStatement).effect) as TableKey);
  return {
    ok: true,
    plan: {
      undo: [...undo]
        .sort((a, b) => b - a)
        .map((i) => undoSql((old[i] as PlannedStatement).effect as TableEffect)),
      redo: [...redo].sort((a, b) => a - b),
      tables,
    },
  };
}

function schemaOf(e: TableEffect): string {
  return (JSON.parse(e.table) as [string, string])[0];
}
