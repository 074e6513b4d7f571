import type { Design, Table } from '../model/schema';
import { pairById } from './compare';
import { diffTable } from './diffTable';
import type { ChangeStatus, ChangeSummary, DesignChange } from './types';

/**
 * Every difference between design A and design B, matched by stable id: an entity whose id is in
 * both is the same entity, so a new name is a rename (never a drop and an add). Ordered schemas,
 * enums, tables (each with its columns, constraints, indexes), raw objects; deterministic.
 */
export function diffDesigns(a: Design, b: Design): DesignChange[] {
  const out: DesignChange[] = [];
  const schemaName = (d: Design, id: string) => d.schemas[id]?.name ?? 'public';

  const schemas = pairById(Object.values(a.schemas), Object.values(b.schemas));
  for (const s of schemas.added)
    out.push({
      entity: 'schema',
      action: 'added',
      id: s.id,
      to: s.name,
      description: `schema ${s.name} created`,
    });
  for (const s of schemas.removed)
    out.push({
      entity: 'schema',
      action: 'removed',
      id: s.id,
      from: s.name,
      description: `schema ${s.name} dropped`,
    });
  for (const [s, t] of schemas.kept) {
    if (s.name !== t.name)
      out.push({
        entity: 'schema',
        action: 'renamed',
        id: s.id,
        from: s.name,
        to: t.name,
        description: `schema ${s.name} renamed to ${t.name}`,
      });
    if ((s.comment ?? '') !== (t.comment ?? ''))
      out.push({
        entity: 'schema',
        action: 'changed',
        id: s.id,
        field: 'comment',
        description: `schema ${t.name}: comment changed`,
      });
  }

  const enums = pairById(Object.values(a.enums), Object.values(b.enums));
  for (const e of enums.added)
    out.push({
      entity: 'enum',
      action: 'added',
      id: e.id,
      to: e.name,
      description: `type ${e.name} created (${e.values.join(', ')})`,
    });
  for (const e of enums.removed)
    out.push({
      entity: 'enum',
      action: 'removed',
      id: e.id,
      from: e.name,
      description: `type ${e.name} dropped`,
    });
  for (const [e, f] of enums.kept) {
    if (e.name !== f.name)
      out.push({
        entity: 'enum',
        action: 'renamed',
        id: e.id,
        from: e.name,
        to: f.name,
        description: `type ${e.name} renamed to ${f.name}`,
      });
    if (e.schemaId !== f.schemaId) {
      out.push({
        entity: 'enum',
        action: 'moved',
        id: e.id,
        from: schemaName(a, e.schemaId),
        to: schemaName(b, f.schemaId),
        description: `type ${f.name} moved to schema ${schemaName(b, f.schemaId)}`,
      });
    }
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
    if ((e.comment ?? '') !== (f.comment ?? ''))
      out.push({
        entity: 'enum',
        action: 'changed',
        id: e.id,
        field: 'comment',
        description: `type ${f.name}: comment changed`,
      });
  }

  const tables = pairById(Object.values(a.tables), Object.values(b.tables));
  for (const t of tables.added)
    out.push({
      entity: 'table',
      action: 'added',
      id: t.id,
      to: t.name,
      description: `table ${t.name} created`,
    });
  for (const t of tables.removed)
    out.push({
      entity: 'table',
      action: 'removed',
      id: t.id,
      from: t.name,
      description: `table ${t.name} dropped`,
    });
  for (const [t, u] of tables.kept) {
    if (t.name !== u.name)
      out.push({
        entity: 'table',
        action: 'renamed',
        id: t.id,
        from: t.name,
        to: u.name,
        description: `table ${t.name} renamed to ${u.name}`,
      });
    if (t.schemaId !== u.schemaId) {
      out.push({
        entity: 'table',
        action: 'moved',
        id: t.id,
        from: schemaName(a, t.schemaId),
        to: schemaName(b, u.schemaId),
        description: `table ${u.name} moved to schema ${schemaName(b, u.schemaId)}`,
      });
    }
    if ((t.comment ?? '') !== (u.comment ?? ''))
      out.push({
        entity: 'table',
        action: 'changed',
        id: t.id,
        field: 'comment',
        description: `table ${u.name}: comment changed`,
      });
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
  for (const x of extras.added)
    out.push({
      entity: 'extra',
      action: 'added',
      id: x.id,
      to: x.name,
      description: `${x.kind} ${x.name} created`,
    });
  for (const x of extras.removed)
    out.push({
      entity: 'extra',
      action: 'removed',
      id: x.id,
      from: x.name,
      description: `${x.kind} ${x.name} dropped`,
    });
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
