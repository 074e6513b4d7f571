import type { Design, Layout, Table } from '../model';
import { dropTablesFromAreas } from './areas';
import { dropOrphanedThreads } from './discussion';
import { keepWrittenForm } from './keepWrittenForm';
import { reconcileIds } from './reconcileIds';

/**
 * Refreshing a design from a newer reading of the database it documents (`pg_dump
 * --schema-only` read by PostgreSQL, or `tablewright pull`): the reading decides what exists, the
 * design keeps everything a person added around it.
 * - Tables, columns, constraints and indexes that still exist keep their ids (reconcileIds), so
 *   they keep their positions, colours and collapsed state; types keep the spelling the design
 *   had where PostgreSQL means the same (keepWrittenForm).
 * - A table or column comment the reading lacks is kept (dumps are often taken without them);
 *   one the reading has wins.
 * - Views and other kept objects matched by kind and name keep their ids (and positions).
 * - The design's own name, id, sticky notes, review settings, saved queries and subject areas are
 *   kept (a table the reading lacks leaves its area).
 * - Layout entries of tables that are gone are dropped; new tables have none yet: the caller
 *   places `addedTableIds` (the studio and the CLI use layout/placeNewTables).
 * Pure: neither argument is modified.
 */
export interface RefreshedDesign {
  design: Design;
  /** The layout with the entries of removed tables and views dropped. */
  layout: Layout;
  /** New tables (and views with columns), to be placed near their neighbours. */
  addedTableIds: string[];
  summary: RefreshSummary;
}

/** What the refresh changes, by name, for the person to confirm. */
export interface RefreshSummary {
  /** `schema.table` of tables (and views) the reading adds. */
  added: string[];
  /** `schema.table` of tables (and views) the design has and the reading does not. */
  removed: string[];
  /** Tables in both whose columns, keys or indexes differ: one line per difference. */
  changed: { table: string; changes: string[] }[];
  /** Other objects (enums, functions, views...) added or removed, as `kind name`. */
  otherAdded: string[];
  otherRemoved: string[];
}

export function refreshDesign(current: Design, layout: Layout, reading: Design): RefreshedDesign {
  const matched = keepWrittenForm(current, reconcileIds(current, matchExtras(current, reading)));
  const tables: Design['tables'] = {};
  for (const [id, table] of Object.entries(matched.tables)) {
    const before = current.tables[id];
    tables[id] = before ? withKeptComments(before, table) : table;
  }
  const gone = new Set(Object.keys(current.tables).filter((id) => !tables[id]));
  // Subject areas are the person's: kept, less the tables the database no longer has.
  // Threads about a table or column the reading no longer has go with it.
  const design: Design = dropOrphanedThreads(
    dropTablesFromAreas(
      {
        ...current,
        schemas: matched.schemas,
        enums: matched.enums,
        tables,
        extras: matched.extras,
      },
      gone,
    ),
  );

  const exists = new Set([...Object.keys(design.tables), ...design.extras.map((x) => x.id)]);
  const keptLayout: Layout = {
    ...layout,
    tables: Object.fromEntries(Object.entries(layout.tables).filter(([id]) => exists.has(id))),
  };
  const existed = new Set([...Object.keys(current.tables), ...current.extras.map((x) => x.id)]);
  const addedTableIds = [
    ...Object.keys(design.tables).filter((id) => !existed.has(id)),
    ...design.extras.filter((x) => x.columns && !existed.has(x.id)).map((x) => x.id),
  ];
  return { design, layout: keptLayout, addedTableIds, summary: summarize(current, design) };
}

/** The table as read, with the design's comments where the reading has none. */
function withKeptComments(before: Table, after: Table): Table {
  const columns = after.columns.map((c) => {
    const old = before.columns.find((o) => o.id === c.id);
    return c.comment === undefined && old?.comment !== undefined
      ? { ...c, comment: old.comment }
      : c;
  });
  return {
    ...after,
    columns,
    ...(after.comment === undefined && before.comment !== undefined
      ? { comment: before.comment }
      : {}),
  };
}

/** The reading with its extras (views, functions...) taking the ids of the design's same-named ones. */
function matchExtras(current: Design, reading: Design): Design {
  const schemaName = (d: Design, id: string | undefined) => (id ? d.schemas[id]?.name : '') ?? '';
  const key = (d: Design, x: Design['extras'][number]) =>
    `${x.kind} ${schemaName(d, x.schemaId)}.${x.name}`;
  const byKey = new Map(current.extras.map((x) => [key(current, x), x.id]));
  const taken = new Set<string>();
  const extras = reading.extras.map((x) => {
    const id = byKey.get(key(reading, x));
    if (!id || taken.has(id)) return x;
    taken.add(id);
    return { ...x, id };
  });
  return { ...reading, extras };
}

function summarize(before: Design, after: Design): RefreshSummary {
  const nameOf = (d: Design, t: { schemaId?: string; name: string }) =>
    `${(t.schemaId && d.schemas[t.schemaId]?.name) || 'public'}.${t.name}`;
  const views = (d: Design) => d.extras.filter((x) => x.columns);
  const added = [
    ...Object.values(after.tables).filter((t) => !before.tables[t.id]),
    ...views(after).filter((x) => !before.extras.some((o) => o.id === x.id)),
  ].map((t) => nameOf(after, t));
  const removed = [
    ...Object.values(before.tables).filter((t) => !after.tables[t.id]),
    ...views(before).filter((x) => !after.extras.some((o) => o.id === x.id)),
  ].map((t) => nameOf(before, t));
  const changed: RefreshSummary['changed'] = [];
  for (const table of Object.values(after.tables)) {
    const old = before.tables[table.id];
    if (!old) continue;
    const changes = tableChanges(old, table);
    if (changes.length > 0) changed.push({ table: nameOf(after, table), changes });
  }
  const others = (d: Design) => [
    ...Object.values(d.enums).map((e) => ({ id: e.id, label: `enum ${nameOf(d, e)}` })),
    ...d.extras.filter((x) => !x.columns).map((x) => ({ id: x.id, label: `${x.kind} ${x.name}` })),
  ];
  const beforeIds = new Set(others(before).map((o) => o.id));
  const afterIds = new Set(others(after).map((o) => o.id));
  return {
    added,
    removed,
    changed,
    otherAdded: others(after)
      .filter((o) => !beforeIds.has(o.id))
      .map((o) => o.label),
    otherRemoved: others(before)
      .filter((o) => !afterIds.has(o.id))
      .map((o) => o.label),
  };
}

function tableChanges(before: Table, after: Table): string[] {
  const out: string[] = [];
  for (const c of after.columns) {
    const old = before.columns.find((o) => o.id === c.id);
    if (!old) out.push(`column ${c.name} added (${c.type})`);
    else {
      if (old.name !== c.name) out.push(`column ${old.name} renamed to ${c.name}`);
      if (old.type !== c.type) out.push(`column ${c.name}: ${old.type} → ${c.type}`);
      if (old.nullable !== c.nullable)
        out.push(`column ${c.name}: ${c.nullable ? 'now nullable' : 'now NOT NULL'}`);
      if ((old.default ?? '') !== (c.default ?? ''))
        out.push(`column ${c.name}: default ${c.default ?? 'removed'}`);
    }
  }
  for (const c of before.columns)
    if (!after.columns.some((n) => n.id === c.id)) out.push(`column ${c.name} removed`);
  const label = (k: { kind: string; name?: string | undefined }) =>
    `${k.kind === 'foreignKey' ? 'foreign key' : k.kind === 'primaryKey' ? 'primary key' : k.kind}${k.name ? ` ${k.name}` : ''}`;
  for (const k of after.constraints)
    if (!before.constraints.some((o) => o.id === k.id)) out.push(`${label(k)} added`);
  for (const k of before.constraints)
    if (!after.constraints.some((o) => o.id === k.id)) out.push(`${label(k)} removed`);
  const index = (i: { name?: string | undefined }, what: string) =>
    ['index', i.name, what].filter(Boolean).join(' ');
  for (const i of after.indexes)
    if (!before.indexes.some((o) => o.id === i.id)) out.push(index(i, 'added'));
  for (const i of before.indexes)
    if (!after.indexes.some((o) => o.id === i.id)) out.push(index(i, 'removed'));
  return out;
}
