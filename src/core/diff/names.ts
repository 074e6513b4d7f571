import type { Column, Constraint, Design, Index, Table } from '../model/schema';
import { isPlainFunctionCall } from '../sql/expressions';
import { makeObjectName } from '../catalog/objectNames';

const MAX_BYTES = 63;

/**
 * The names PostgreSQL gives unnamed constraints and indexes, predicted from a design. A migration
 * must name what it drops or renames, and the design leaves many names to PostgreSQL; so the
 * planner predicts them the way PostgreSQL chooses them (indexcmds.c ChooseRelationName,
 * pg_constraint.c ChooseConstraintName) in the order `generateDdl` creates things, and writes the
 * predicted names explicitly into what it adds. Verification against a fresh database catches a
 * wrong prediction.
 */

/** PostgreSQL's makeObjectName: `name1[_name2]_label`, cutting the longer name to fit 63 bytes. */
export const makeName = makeObjectName;

/** ChooseIndexNameAddition: names joined by `_`, cut where PostgreSQL stops (NAMEDATALEN). */
function nameAddition(names: readonly string[]): string {
  let out = '';
  for (const n of names) {
    if (out.length > 0) out += '_';
    out += n;
    if (new TextEncoder().encode(out).length >= MAX_BYTES) break;
  }
  return out;
}

/** The first free `name1_name2_label`, then `..._label1`, `..._label2` ... as PostgreSQL loops. */
function choose(
  name1: string,
  name2: string | undefined,
  label: string,
  taken: Set<string>,
): string {
  let name = makeName(name1, name2, label);
  for (let pass = 1; taken.has(name); pass++) name = makeName(name1, name2, label + pass);
  taken.add(name);
  return name;
}

const colName = (table: Table, id: string) => table.columns.find((c) => c.id === id)?.name ?? id;

/** What an index key is called in an index name: its column, a function's name, or `expr`. */
function elementName(table: Table, e: Index['elements'][number]): string {
  if (e.kind === 'column') return colName(table, e.columnId);
  const text = e.expression.trim().replace(/^\((.*)\)$/s, '$1');
  return isPlainFunctionCall(text)
    ? (/^([A-Za-z_][A-Za-z0-9_$]*)/.exec(text)?.[1] ?? 'expr').toLowerCase()
    : 'expr';
}

/** A check is `<table>_<column>_check` when its expression uses exactly one column. */
function checkColumn(table: Table, expression: string): string | undefined {
  const used = table.columns.filter((c) => {
    const quoted = expression.includes(`"${c.name.replaceAll('"', '""')}"`);
    const bare =
      /^[a-z_][a-z0-9_$]*$/.test(c.name) &&
      new RegExp(`(^|[^A-Za-z0-9_$."])${c.name}($|[^A-Za-z0-9_$"(])`).test(expression);
    return quoted || bare;
  });
  return used.length === 1 ? used[0]?.name : undefined;
}

/** Exclusion constraint keys: the plain column names before each WITH, `expr` otherwise. */
function excludeNames(definition: string): string[] {
  const inner = /\((.*)\)/s.exec(definition)?.[1] ?? '';
  return inner.split(',').map((part) => {
    const key =
      part
        .trim()
        .split(/\s+WITH\s+/i)[0]
        ?.trim() ?? '';
    return /^"?[A-Za-z_][A-Za-z0-9_$]*"?$/.test(key) ? key.replaceAll('"', '') : 'expr';
  });
}

/**
 * The name of every constraint and index of the design (given or predicted), by id. Follows
 * generateDdl's order: CREATE TABLE (primary key, unique, check, exclude), NOT VALID checks,
 * foreign keys, indexes.
 */
export function resolveNames(design: Design): Map<string, string> {
  const names = new Map<string, string>();
  const relations = new Map<string, Set<string>>();
  const constraints = new Map<string, Set<string>>();
  const setOf = (m: Map<string, Set<string>>, schemaId: string) => {
    let s = m.get(schemaId);
    if (!s) m.set(schemaId, (s = new Set()));
    return s;
  };
  const tables = Object.values(design.tables);
  for (const t of tables) {
    setOf(relations, t.schemaId).add(t.name);
    for (const k of t.constraints) if (k.name) setOf(constraints, t.schemaId).add(k.name);
    for (const ix of t.indexes) if (ix.name) setOf(relations, t.schemaId).add(ix.name);
    for (const k of t.constraints) {
      if (k.name && (k.kind === 'primaryKey' || k.kind === 'unique' || k.kind === 'exclude'))
        setOf(relations, t.schemaId).add(k.name);
    }
  }
  const keyName = (t: Table, k: Constraint) => {
    const rel = setOf(relations, t.schemaId);
    const con = setOf(constraints, t.schemaId);
    // Index-backed constraints avoid relation and constraint names alike.
    const both = new Set([...rel, ...con]);
    let name: string;
    if (k.kind === 'primaryKey') name = choose(t.name, undefined, 'pkey', both);
    else if (k.kind === 'unique')
      name = choose(
        t.name,
        nameAddition([...k.columnIds, ...k.include].map((id) => colName(t, id))),
        'key',
        both,
      );
    else if (k.kind === 'exclude')
      name = choose(t.name, nameAddition(excludeNames(k.definition)), 'excl', both);
    else if (k.kind === 'check') name = choose(t.name, checkColumn(t, k.expression), 'check', con);
    else name = choose(t.name, nameAddition(k.columnIds.map((id) => colName(t, id))), 'fkey', con);
    rel.add(name);
    con.add(name);
    return name;
  };
  const visit = (t: Table, k: Constraint) => names.set(k.id, k.name ? k.name : keyName(t, k));
  for (const t of tables) {
    for (const kind of ['primaryKey', 'unique', 'check', 'exclude'] as const) {
      for (const k of t.constraints)
        if (k.kind === kind && !(k.kind === 'check' && k.notValid)) visit(t, k);
    }
    for (const c of t.columns) {
      if (!c.nullable) setOf(constraints, t.schemaId).add(notNullName(t, c));
      if (c.identity || /serial/i.test(c.type))
        setOf(relations, t.schemaId).add(sequenceName(t, c));
    }
  }
  for (const t of tables)
    for (const k of t.constraints) if (k.kind === 'check' && k.notValid) visit(t, k);
  for (const t of tables) for (const k of t.constraints) if (k.kind === 'foreignKey') visit(t, k);
  for (const t of tables) {
    for (const ix of t.indexes) {
      if (ix.name) names.set(ix.id, ix.name);
      else {
        const keys = [
          ...ix.elements.map((e) => elementName(t, e)),
          ...ix.include.map((id) => colName(t, id)),
        ];
        names.set(ix.id, choose(t.name, nameAddition(keys), 'idx', setOf(relations, t.schemaId)));
      }
    }
  }
  return names;
}

/** The NOT NULL constraint's name (PostgreSQL 18 names them). */
export function notNullName(table: Table, column: Column): string {
  return column.notNullName ?? makeName(table.name, column.name, 'not_null');
}

/** The sequence of a serial or identity column, unless its options name another one. */
export function sequenceName(table: Table, column: Column): string {
  return makeName(table.name, column.name, 'seq');
}
