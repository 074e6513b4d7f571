import type { Column, Design, Table } from '../model/schema';
import { typeKey } from './compare';
import { matchCandidates, nameSimilarity, type Match } from './matchCandidates';
import type {
  AmbiguousRename,
  ColumnRename,
  RenameInference,
  Renames,
  TableRename,
} from './renames';

/**
 * Likely renames between two designs read from files (ids from names), beyond those already
 * decided (`given`, e.g. from --rename, kept as they are):
 * - a table dropped and one added in the same schema, with the same columns (names aside: type,
 *   nullability, default, identity, generated) in the same order and the same kinds of
 *   constraints;
 * - in each table kept or renamed, a column dropped and one added with the same type,
 *   nullability, default, identity, generated expression, collation and the same part in the
 *   table's keys (primary key, unique, foreign key and what it references).
 * When one dropped object fits several added ones (or the reverse), a tie-breaker decides only
 * when it is strict on both sides: for columns the nearer position, then the more similar name;
 * for tables the more columns of the same name, then the more similar name. What is still tied is
 * returned as ambiguous, never guessed.
 */
export function inferRenames(a: Design, b: Design, given: Renames): RenameInference {
  const tables = inferTables(a, b, given);
  const allTables = [...given.tables, ...tables.pairedByName, ...tables.renames];
  const columns: ColumnRename[] = [];
  const ambiguous = [...tables.ambiguous];
  for (const [t, u] of tablePairs(a, b, allTables)) {
    const found = inferColumns(a, b, t, u, allTables, given);
    columns.push(...found.renames);
    ambiguous.push(...found.ambiguous);
  }
  return { tables: tables.renames, columns, ambiguous, pairedByName: tables.pairedByName };
}

/** Tables in both designs: by id, and through table renames. */
export function tablePairs(
  a: Design,
  b: Design,
  renames: readonly TableRename[],
): [Table, Table][] {
  const out: [Table, Table][] = [];
  const renamed = new Map(renames.map((r) => [r.fromId, r.toId]));
  for (const t of Object.values(a.tables)) {
    const u = b.tables[renamed.get(t.id) ?? t.id];
    if (u) out.push([t, u]);
  }
  return out;
}

function inferTables(
  a: Design,
  b: Design,
  given: Renames,
): { renames: TableRename[]; ambiguous: AmbiguousRename[]; pairedByName: TableRename[] } {
  const decidedFrom = new Set(given.tables.map((r) => r.fromId));
  const decidedTo = new Set(given.tables.map((r) => r.toId));
  const schema = (t: Table) => a.schemas[t.schemaId]?.name ?? 'public';
  let dropped = Object.values(a.tables).filter((t) => !b.tables[t.id] && !decidedFrom.has(t.id));
  let added = Object.values(b.tables).filter((u) => !a.tables[u.id] && !decidedTo.has(u.id));
  // The same name under another id (a design made in the studio against one read from SQL): the
  // same table, not a guess.
  const pairedByName: TableRename[] = [];
  for (const t of dropped) {
    const u = added.find((x) => x.schemaId === t.schemaId && x.name === t.name);
    if (!u) continue;
    pairedByName.push({
      fromId: t.id,
      toId: u.id,
      schema: schema(t),
      from: t.name,
      to: u.name,
      source: 'inferred',
      reason: 'same name',
    });
    added = added.filter((x) => x !== u);
  }
  dropped = dropped.filter((t) => !pairedByName.some((r) => r.fromId === t.id));
  const shape = (d: Design, t: Table) =>
    JSON.stringify([
      t.schemaId,
      t.columns.map((c) => columnShape(d, c)),
      t.constraints.map((k) => k.kind).sort(),
      t.partitionBy ?? '',
      !!t.partitionOf,
    ]);
  const match = matchCandidates(
    dropped,
    added,
    (t, u) => shape(a, t) === shape(b, u),
    (t, u) => [sameNames(t, u), nameSimilarity(t.name, u.name)],
  );
  return {
    pairedByName,
    renames: match.pairs.map(({ from: t, to: u, contenders }) => ({
      fromId: t.id,
      toId: u.id,
      schema: schema(t),
      from: t.name,
      to: u.name,
      source: 'inferred',
      reason: reason('same columns and kinds of constraints', contenders),
    })),
    ambiguous: match.ambiguous.map((m) => ({
      entity: 'table',
      schema: schema(m.from[0]!),
      dropped: m.from.map((t) => t.name),
      added: m.to.map((u) => u.name),
    })),
  };
}

function inferColumns(
  a: Design,
  b: Design,
  t: Table,
  u: Table,
  tables: readonly TableRename[],
  given: Renames,
): { renames: ColumnRename[]; ambiguous: AmbiguousRename[] } {
  const decided = given.columns.filter((r) => r.tableFromId === t.id);
  const decidedFrom = new Set(decided.map((r) => r.fromId));
  const decidedTo = new Set(decided.map((r) => r.toId));
  const kept = new Set(
    t.columns.flatMap((c) => (u.columns.some((d) => d.name === c.name) ? [c.name] : [])),
  );
  const dropped = t.columns.filter((c) => !kept.has(c.name) && !decidedFrom.has(c.id));
  const added = u.columns.filter((d) => !kept.has(d.name) && !decidedTo.has(d.id));
  if (dropped.length === 0 || added.length === 0) return { renames: [], ambiguous: [] };
  // References are compared in the old design's ids: a renamed table's new id is mapped back.
  const oldTableId = new Map(tables.map((r) => [r.toId, r.fromId]));
  const signature = (d: Design, table: Table, c: Column, mapTable: (id: string) => string) =>
    JSON.stringify([columnShape(d, c), columnRoles(table, c.id, mapTable)]);
  const position = (table: Table, c: Column) => table.columns.indexOf(c);
  const match = matchCandidates(
    dropped,
    added,
    (c, d) =>
      signature(a, t, c, (id) => id) === signature(b, u, d, (id) => oldTableId.get(id) ?? id),
    (c, d) => [-Math.abs(position(t, c) - position(u, d)), nameSimilarity(c.name, d.name)],
  );
  const schema = a.schemas[t.schemaId]?.name ?? 'public';
  const renames = match.pairs.map(
    ({ from: c, to: d, contenders }: Match<Column, Column>): ColumnRename => ({
      tableFromId: t.id,
      tableToId: u.id,
      schema,
      table: t.name,
      fromId: c.id,
      toId: d.id,
      from: c.name,
      to: d.name,
      source: 'inferred',
      reason: reason('same type, nullability, default and keys', contenders),
    }),
  );
  const ambiguous = match.ambiguous.map((m): AmbiguousRename => ({
    entity: 'column',
    schema,
    table: t.name,
    dropped: m.from.map((c) => c.name),
    added: m.to.map((d) => d.name),
  }));
  return { renames, ambiguous };
}

/** What a column is, its name aside. */
function columnShape(design: Design, c: Column): unknown[] {
  return [
    typeKey(design, c.type),
    c.nullable,
    c.default ?? '',
    c.identity ?? '',
    c.identityOptions ?? '',
    c.generated ?? '',
    c.generatedKind ?? 'stored',
    c.collation ?? '',
  ];
}

/** The column's part in its table's keys: kind, place in the key, and for a foreign key what it references. */
function columnRoles(table: Table, columnId: string, mapTable: (id: string) => string): string[] {
  const roles: string[] = [];
  for (const k of table.constraints) {
    if (k.kind === 'check' || k.kind === 'exclude') continue;
    const at = k.columnIds.indexOf(columnId);
    if (at < 0) continue;
    const target = k.kind === 'foreignKey' ? `->${mapTable(k.refTableId)}` : '';
    roles.push(`${k.kind}:${at}/${k.columnIds.length}${target}`);
  }
  return roles.sort();
}

/** Columns with the same name in both tables. */
function sameNames(t: Table, u: Table): number {
  const names = new Set(u.columns.map((c) => c.name));
  return t.columns.filter((c) => names.has(c.name)).length;
}

function reason(why: string, contenders: number): string {
  return contenders > 1 ? `${why}; the closest of ${contenders} candidates` : why;
}
