import type { Constraint, Table } from '../model/schema';
import type { RenderContext } from './context';
import { givenName } from './omissions';
import { quoteIdent } from './quote';
import { tableConstraint } from './renderTable';

/**
 * Table settings that CREATE TABLE cannot say, as ALTER TABLE statements: NOT VALID checks
 * (inside CREATE TABLE they would be validated), row level security and CLUSTER ON.
 */

/** `ALTER TABLE t ADD CONSTRAINT c CHECK (...) NOT VALID;` for each NOT VALID check. */
export function renderNotValidChecks(ctx: RenderContext, table: Table): string[] {
  return table.constraints
    .filter((k) => k.kind === 'check' && k.notValid && !ctx.omitted.has(k.id))
    .map(
      (k) =>
        'ALTER TABLE ' + ctx.tableName(table) + '\n  ADD ' + tableConstraint(ctx, table, k) + ';',
    );
}

/** ENABLE / FORCE ROW LEVEL SECURITY. */
export function renderRowSecurity(ctx: RenderContext, table: Table): string[] {
  const out: string[] = [];
  if (table.rowSecurity)
    out.push('ALTER TABLE ' + ctx.tableName(table) + ' ENABLE ROW LEVEL SECURITY;');
  if (table.forceRowSecurity)
    out.push('ALTER TABLE ' + ctx.tableName(table) + ' FORCE ROW LEVEL SECURITY;');
  return out;
}

/** `ALTER TABLE t CLUSTER ON idx;` when the table names an index or key constraint that is emitted. */
export function renderClusterOn(ctx: RenderContext, table: Table): string | undefined {
  const target = table.clusterOn;
  if (target === undefined || ctx.omitted.has(target)) return undefined;
  const index = table.indexes.find((ix) => ix.id === target);
  const constraint: Constraint | undefined = table.constraints.find((k) => k.id === target);
  const name = index ? givenName(index) : constraint ? givenName(constraint) : undefined;
  if (name === undefined) return undefined;
  return 'ALTER TABLE ' + ctx.tableName(table) + ' CLUSTER ON ' + quoteIdent(name) + ';';
}
