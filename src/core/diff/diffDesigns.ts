import type { Design, Table } from '../model/schema';
import { pairById } from './compare';
import { diffTable } from './diffTable';
import type { ChangeEntity, ChangeStatus, ChangeSummary, DesignChange } from './types';

/**
 * Every difference between design A and design B, matched by stable id: an entity whose id is in
 * both is the same entity, so a new name is a rename (never a drop and an add). Ordered schemas,
 * enums, tables (each with its columns, constraints, indexes), raw objects; deterministic.
 */
export function diffDesigns(a: Design, b: Design): DesignChange[] {
  const out: DesignChange[] = [];
  const schemaName = (d: Design, id: string) => d.schemas[id]?.name ?? 'public';
  const moved = (entity: 'enum' | 'table', noun: string, x: InSchema, y: InSchema) => {
    if (x.schemaId !== y.schemaId)
      out.push({
        entity,
        action: 'moved',
        id: x.id,
        from: schemaName(a, x.schemaId),
        to: schemaName(b, y.schemaId),
        description: `${noun} ${y.name} moved to schema ${schemaName(b, y.schemaId)}`,
      });
  };

  const schemas = pairById(Object.values(a.schemas), Object.values(b.schemas));
  createdAndDropped(out, 'schema', schemas, (s) => `schema ${s.name}`);
  for (const [s, t] of schemas.kept) {
    renamed(out, 'schema', 'schema', s, t);
    commentChanged(out, 'schema', 'schema', s, t);
  }

  const enums = pairById(Object.values(a.enums), Object.values(b.enums));
  createdAndDropped(
    out,
    'enum',
    enums,
    (e) => `type ${e.name}`,
    (e) => `type ${e.name} created (${e.values.join(', ')})`,
  );
  for (const [e, f] of enums.kept) {
    renamed(out, 'enum', 'type', e, f);
    moved('enum', 'type', e, f);
    if (e.values.join('\u0000') !== f.values.join('\u0000')) {
      const added = f.values.filter((v) => !e.values.includes(v));
      const what = isAppendOnly(e.values, f.values)
        ? `values added: ${added.join(', ')}`
        : `values ${e.values.join(', ')} -> ${f.values.join(', ')}`;
      out.push({
        entity: 'enum',
        action: 'changed',
        id: e.id,
        field: 'values',
        from: e.values.join(', '),
        to: f.values.join(', '),
        description: `type ${f.name}: ${what}`,
      });
    }
    commentChanged(out, 'enum', 'type', e, f);
  }

  const tables = pairById(Object.values(a.tables), Object.values(b.tables));
  createdAndDropped(out, 'table', tables, (t) => `table ${t.name}`);
  for (const [t, u] of tables.kept) {
    renamed(out, 'table', 'table', t, u);
    moved('table', 'table', t, u);
    commentChanged(out, 'table', 'table', t, u);
    const options = tableOptionsChanged(t, u);
    if (options.length > 0)
      out.push({
        entity: 'table',
        action: 'changed',
        id: t.id,
        field: 'options',
        from: options.join(', '),
        description: `table ${u.name}: ${options.join(', ')} changed`,
      });
    out.push(...diffTable(a, b, t, u));
  }

  const extras = pairById(a.extras, b.extras);
  createdAndDropped(out, 'extra', extras, (x) => `${x.kind} ${x.name}`);
  for (const [x, y] of extras.kept) {
    if (x.sql !== y.sql || x.name !== y.name)
      out.push({
        entity: 'extra',
        action: 'changed',
        id: x.id,
        field: 'definition',
        description: `${y.kind} ${y.name} replaced`,
      });
  }
  return out;
}

interface Named {
  id: string;
  name: string;
}
interface InSchema extends Named {
  schemaId: string;
}

/** What B adds and what it no longer has, of one kind: `what` names one for a person. */
function createdAndDropped<T extends Named>(
  out: DesignChange[],
  entity: ChangeEntity,
  pairs: { added: T[]; removed: T[] },
  what: (x: T) => string,
  created: (x: T) => string = (x) => `${what(x)} created`,
): void {
  for (const x of pairs.added)
    out.push({ entity, action: 'added', id: x.id, to: x.name, description: created(x) });
  for (const x of pairs.removed)
    out.push({
      entity,
      action: 'removed',
      id: x.id,
      from: x.name,
      description: `${what(x)} dropped`,
    });
}

function renamed(out: DesignChange[], entity: ChangeEntity, noun: string, x: Named, y: Named) {
  if (x.name !== y.name)
    out.push({
      entity,
      action: 'renamed',
      id: x.id,
      from: x.name,
      to: y.name,
      description: `${noun} ${x.name} renamed to ${y.name}`,
    });
}

function commentChanged(
  out: DesignChange[],
  entity: ChangeEntity,
  noun: string,
  x: Named & { comment?: string },
  y: Named & { comment?: string },
) {
  if ((x.comment ?? '') !== (y.comment ?? ''))
    out.push({
      entity,
      action: 'changed',
      id: x.id,
      field: 'comment',
      description: `${noun} ${y.name}: comment changed`,
    });
}

/** True when `after` is `before` with labels inserted (ALTER TYPE ... ADD VALUE can do that). */
export function isAppendOnly(before: readonly string[], after: readonly string[]): boolean {
  let i = 0;
  for (const v of after) if (v === before[i]) i++;
  return i === before.length && new Set(after).size === after.length;
}

/** Table settings the model keeps besides columns and keys. */
export function tableOptionsChanged(t: Table, u: Table): string[] {
  const out: string[] = [];
  if (!!t.unlogged !== !!u.unlogged) out.push('unlogged');
  if (!!t.rowSecurity !== !!u.rowSecurity) out.push('row security');
  if (!!t.forceRowSecurity !== !!u.forceRowSecurity) out.push('force row security');
  if (t.storageParameters.join(',') !== u.storageParameters.join(','))
    out.push('storage parameters');
  return out;
}

/**
 * Per table and per column, what the changes did: for coloring a canvas. A table is `changed`
 * when anything inside it changed (a column, a key, an index, its name).
 */
export function summarizeChanges(changes: readonly DesignChange[]): ChangeSummary {
  const tables: Record<string, ChangeStatus> = {};
  const columns: Record<string, ChangeStatus> = {};
  for (const c of changes) {
    if (c.entity === 'table') {
      tables[c.id] =
        c.action === 'added' || c.action === 'removed' ? c.action : (tables[c.id] ?? 'changed');
    } else if (c.entity === 'column') {
      columns[c.id] =
        c.action === 'added' || c.action === 'removed' ? c.action : (columns[c.id] ?? 'changed');
    }
    if (c.tableId !== undefined && tables[c.tableId] === undefined) tables[c.tableId] = 'changed';
  }
  return { tables, columns };
}
