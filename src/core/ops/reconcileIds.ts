import type { Column, Constraint, Design, Index, Table } from '../model/schema';

/**
 * When SQL becomes a design (an edit in the DDL pane, a re-import), ids come fresh from the
 * catalog reader. This gives back the ids the user's design already had, matched by name, so a
 * table keeps its position and color and a rename stays a rename:
 * - schemas, enums and tables by (schema, name); columns by name within their table;
 * - a column renamed in place (the only unmatched column on each side, at the same position)
 *   keeps its id;
 * - constraints by kind and name, else by kind and columns; indexes by name, else by definition.
 * Everything new keeps the id it came with. Pure: `next` is not modified.
 */
export function reconcileIds(prev: Design, next: Design): Design {
  return reconcileIdsWith(prev, next).design;
}

/**
 * `reconcileIds`, also answering the id map it used (an id of `next` -> the id it got back;
 * absent: kept). `known` starts the map: ids already matched, e.g. those of tables that did not
 * change since the last read (the DDL pane reconciles only the changed ones).
 */
export function reconcileIdsWith(
  prev: Design,
  next: Design,
  known: ReadonlyMap<string, string> = new Map(),
): { design: Design; map: Map<string, string> } {
  const map = new Map<string, string>(known);
  // The ids given back so far (the map's values), kept as a set: copying them for every table
  // made reading 1,000 tables back take seconds.
  const given = new Set<string>(known.values());
  const take = (from: string, to: string | undefined) => {
    if (to && to !== from) {
      map.set(from, to);
      given.add(to);
    }
  };

  const prevSchemaByName = new Map(Object.values(prev.schemas).map((s) => [s.name, s.id]));
  for (const s of Object.values(next.schemas)) take(s.id, prevSchemaByName.get(s.name));
  const schemaName = (d: Design, id: string) => d.schemas[id]?.name ?? '';

  const prevEnumByName = new Map(
    Object.values(prev.enums).map((e) => [`${schemaName(prev, e.schemaId)}.${e.name}`, e.id]),
  );
  for (const e of Object.values(next.enums))
    take(e.id, prevEnumByName.get(`${schemaName(next, e.schemaId)}.${e.name}`));

  const prevTableByName = new Map(
    Object.values(prev.tables).map((t) => [`${schemaName(prev, t.schemaId)}.${t.name}`, t]),
  );
  for (const t of Object.values(next.tables)) {
    const old = prevTableByName.get(`${schemaName(next, t.schemaId)}.${t.name}`);
    if (!old) continue;
    take(t.id, old.id);
    matchColumns(old.columns, t.columns, take);
    const colKey = (ids: string[]) => ids.map((i) => map.get(i) ?? i).join(',');
    matchBy(
      old.constraints,
      t.constraints,
      (k) => (k.name ? `n:${k.kind}:${k.name}` : undefined),
      take,
    );
    matchBy(
      old.constraints,
      t.constraints,
      (k) => `c:${k.kind}:${constraintShape(k, (ids) => colKey(ids))}`,
      take,
      { map, given },
    );
    matchBy(old.indexes, t.indexes, (i) => (i.name ? `n:${i.name}` : undefined), take);
    matchBy(old.indexes, t.indexes, (i) => `d:${indexShape(i, colKey)}`, take, { map, given });
  }
  if (map.size === 0) return { design: next, map };
  return { design: remap(next, (id) => map.get(id) ?? id), map };
}

function matchColumns(
  old: Column[],
  fresh: Column[],
  take: (from: string, to: string | undefined) => void,
) {
  const oldByName = new Map(old.map((c) => [c.name, c.id]));
  const freshNames = new Set(fresh.map((c) => c.name));
  for (const c of fresh) take(c.id, oldByName.get(c.name));
  const unmatchedOld = old.map((c, i) => ({ c, i })).filter(({ c }) => !freshNames.has(c.name));
  const unmatchedNew = fresh.map((c, i) => ({ c, i })).filter(({ c }) => !oldByName.has(c.name));
  const [o] = unmatchedOld;
  const [n] = unmatchedNew;
  if (unmatchedOld.length === 1 && unmatchedNew.length === 1 && o && n && o.i === n.i)
    take(n.c.id, o.c.id);
}

function matchBy<T extends { id: string }>(
  old: T[],
  fresh: T[],
  key: (x: T) => string | undefined,
  take: (from: string, to: string | undefined) => void,
  already?: { map: Map<string, string>; given: Set<string> },
) {
  // Only this table's old ids can be targets: those already given back are used.
  const used = new Set(already ? old.map((o) => o.id).filter((id) => already.given.has(id)) : []);
  const byKey = new Map<string, string>();
  for (const o of old) {
    const k = key(o);
    if (k && !byKey.has(k)) byKey.set(k, o.id);
  }
  for (const f of fresh) {
    if (already?.map.has(f.id)) continue;
    const k = key(f);
    const target = k ? byKey.get(k) : undefined;
    if (target && !used.has(target)) {
      used.add(target);
      take(f.id, target);
    }
  }
}

function constraintShape(k: Constraint, cols: (ids: string[]) => string): string {
  switch (k.kind) {
    case 'check':
      return k.expression;
    case 'exclude':
      return k.definition;
    case 'foreignKey':
      return `${cols(k.columnIds)}>${k.refTableId}`;
    default:
      return cols(k.columnIds);
  }
}

function indexShape(i: Index, cols: (ids: string[]) => string): string {
  const keys = i.elements
    .map((e) => (e.kind === 'column' ? cols([e.columnId]) : e.expression))
    .join(',');
  return `${i.unique}:${i.method}:${keys}:${i.where ?? ''}`;
}

/** Rewrites every id (keys and references) through `f`. */
function remap(d: Design, f: (id: string) => string): Design {
  const table = (t: Table): Table => ({
    ...t,
    id: f(t.id),
    schemaId: f(t.schemaId),
    columns: t.columns.map((c) => ({ ...c, id: f(c.id) })),
    constraints: t.constraints.map((k): Constraint => {
      const base = { ...k, id: f(k.id) };
      if (base.kind === 'foreignKey') {
        return {
          ...base,
          columnIds: base.columnIds.map(f),
          refTableId: f(base.refTableId),
          refColumnIds: base.refColumnIds.map(f),
        };
      }
      return 'columnIds' in base ? { ...base, columnIds: base.columnIds.map(f) } : base;
    }),
    indexes: t.indexes.map((i) => ({
      ...i,
      id: f(i.id),
      include: i.include.map(f),
      elements: i.elements.map((e) =>
        e.kind === 'column' ? { ...e, columnId: f(e.columnId) } : e,
      ),
    })),
  });
  const rekey = <T extends { id: string }>(rec: Record<string, T>, g: (x: T) => T) =>
    Object.fromEntries(
      Object.values(rec).map((x) => {
        const y = g(x);
        return [y.id, y];
      }),
    );
  return {
    ...d,
    schemas: rekey(d.schemas, (s) => ({ ...s, id: f(s.id) })),
    enums: rekey(d.enums, (e) => ({ ...e, id: f(e.id), schemaId: f(e.schemaId) })),
    tables: rekey(d.tables, table),
    areas: d.areas.map((a) => ({ ...a, tableIds: a.tableIds.map(f) })),
  };
}
