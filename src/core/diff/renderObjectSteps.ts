import type { RawObject } from '../model/extras';
import type { EnumType, Table } from '../model/schema';
import { qualifiedName, quoteIdent, quoteLiteral } from '../sql/quote';
import { renderCreateEnum } from '../sql/renderTypes';
import { pairById } from './compare';
import { makeName } from './names';
import { addStep, beforeName, schemaName, type PlanContext } from './planContext';

/** Schemas, enum types and raw objects (views, functions, triggers ... kept as SQL). */

const comment = (value: string | undefined) => (value ? quoteLiteral(value) : 'NULL');

export function createSchemas(ctx: PlanContext): void {
  const { kept, added } = pairById(Object.values(ctx.from.schemas), Object.values(ctx.to.schemas));
  for (const s of added)
    addStep(ctx, `CREATE SCHEMA ${quoteIdent(s.name)};`, `Create schema ${s.name}`, 'none', [s.id]);
  for (const [s, t] of kept) {
    if (s.name !== t.name) {
      addStep(
        ctx,
        `ALTER SCHEMA ${quoteIdent(s.name)} RENAME TO ${quoteIdent(t.name)};`,
        `Rename schema ${s.name} to ${t.name}`,
        'none',
        [s.id],
      );
    }
  }
}

export function dropSchemas(ctx: PlanContext): void {
  for (const s of pairById(Object.values(ctx.from.schemas), Object.values(ctx.to.schemas))
    .removed) {
    // No CASCADE: everything in it was dropped by earlier steps; anything left is an error to see.
    addStep(ctx, `DROP SCHEMA ${quoteIdent(s.name)};`, `Drop schema ${s.name}`, 'none', [s.id]);
  }
}

/** The temporary name of an enum being recreated, while its columns move to the new type. */
export function oldEnumName(ctx: PlanContext, e: EnumType): string {
  return qualifiedName(schemaName(ctx, e.schemaId), makeName(e.name, 'tw', 'old'));
}

/** New enums, renamed and moved ones, added labels, and enums to recreate (labels removed). */
export function createEnums(ctx: PlanContext): void {
  const { kept, added } = pairById(Object.values(ctx.from.enums), Object.values(ctx.to.enums));
  for (const e of added)
    addStep(ctx, renderCreateEnum(ctx.after, e), `Create type ${e.name}`, 'none', [e.id]);
  for (const [e, f] of kept) {
    const fromSchema = schemaName(ctx, e.schemaId);
    if (e.name !== f.name) {
      addStep(
        ctx,
        `ALTER TYPE ${qualifiedName(fromSchema, e.name)} RENAME TO ${quoteIdent(f.name)};`,
        `Rename type ${e.name} to ${f.name}`,
        'none',
        [e.id],
      );
    }
    if (e.schemaId !== f.schemaId) {
      addStep(
        ctx,
        `ALTER TYPE ${qualifiedName(fromSchema, f.name)} SET SCHEMA ${quoteIdent(schemaName(ctx, f.schemaId))};`,
        `Move type ${f.name} to schema ${schemaName(ctx, f.schemaId)}`,
        'none',
        [e.id],
      );
    }
    const name = qualifiedName(schemaName(ctx, f.schemaId), f.name);
    if (ctx.recreatedEnums.has(e.id)) {
      const removed = e.values.filter((v) => !f.values.includes(v));
      addStep(
        ctx,
        `ALTER TYPE ${name} RENAME TO ${quoteIdent(makeName(f.name, 'tw', 'old'))};`,
        `Set type ${f.name} aside to recreate it with labels removed or reordered`,
        'none',
        [e.id],
      );
      addStep(
        ctx,
        renderCreateEnum(ctx.after, f),
        `Create type ${f.name} again with labels ${f.values.join(', ')}`,
        'none',
        [e.id],
        removed.length > 0
          ? {
              destructive: {
                loses: `rows holding ${removed.join(', ')} make the column conversions fail`,
              },
            }
          : {},
      );
      continue;
    }
    const current = [...e.values];
    f.values.forEach((label, i) => {
      if (current.includes(label)) return;
      const prev = f.values[i - 1];
      const next = current[0];
      const where =
        prev !== undefined
          ? ` AFTER ${quoteLiteral(prev)}`
          : next !== undefined
            ? ` BEFORE ${quoteLiteral(next)}`
            : '';
      current.splice(prev !== undefined ? current.indexOf(prev) + 1 : 0, 0, label);
      // Allowed in a transaction since PostgreSQL 12, but the label is usable only after COMMIT.
      addStep(
        ctx,
        `ALTER TYPE ${name} ADD VALUE ${quoteLiteral(label)}${where};`,
        `Add label ${label} to type ${f.name}`,
        'none',
        [e.id],
      );
    });
  }
}

/** Removed enums, and the set-aside copies of recreated ones, once no column uses them. */
export function dropEnums(ctx: PlanContext): void {
  const { kept, removed } = pairById(Object.values(ctx.from.enums), Object.values(ctx.to.enums));
  for (const [, f] of kept) {
    if (ctx.recreatedEnums.has(f.id))
      addStep(
        ctx,
        `DROP TYPE ${oldEnumName(ctx, f)};`,
        `Drop the old copy of type ${f.name}`,
        'none',
        [f.id],
      );
  }
  for (const e of removed)
    addStep(
      ctx,
      `DROP TYPE ${qualifiedName(schemaName(ctx, e.schemaId), e.name)};`,
      `Drop type ${e.name}`,
      'none',
      [e.id],
    );
}

export function commentSchemasAndEnums(ctx: PlanContext): void {
  for (const s of Object.values(ctx.to.schemas)) {
    const before = ctx.from.schemas[s.id];
    if ((before ? (before.comment ?? '') : '') !== (s.comment ?? '')) {
      addStep(
        ctx,
        `COMMENT ON SCHEMA ${quoteIdent(s.name)} IS ${comment(s.comment)};`,
        `Comment on schema ${s.name}`,
        'none',
        [s.id],
      );
    }
  }
  for (const e of Object.values(ctx.to.enums)) {
    const before = ctx.from.enums[e.id];
    // A recreated enum lost its comment with the old copy.
    const had = before && !ctx.recreatedEnums.has(e.id) ? (before.comment ?? '') : '';
    if (had !== (e.comment ?? '')) {
      addStep(
        ctx,
        `COMMENT ON TYPE ${qualifiedName(schemaName(ctx, e.schemaId), e.name)} IS ${comment(e.comment)};`,
        `Comment on type ${e.name}`,
        'none',
        [e.id],
      );
    }
  }
}

const DROP_KEYWORDS: Partial<Record<RawObject['kind'], string>> = {
  extension: 'EXTENSION',
  collation: 'COLLATION',
  domain: 'DOMAIN',
  type: 'TYPE',
  sequence: 'SEQUENCE',
  function: 'FUNCTION',
  procedure: 'PROCEDURE',
  aggregate: 'AGGREGATE',
  view: 'VIEW',
  materializedView: 'MATERIALIZED VIEW',
  statistics: 'STATISTICS',
  index: 'INDEX',
  publication: 'PUBLICATION',
  eventTrigger: 'EVENT TRIGGER',
  trigger: 'TRIGGER',
  policy: 'POLICY',
  rule: 'RULE',
};

/** `DROP <kind> name`, or undefined for objects that cannot be dropped by name (OWNED BY, other). */
function dropExtraSql(
  ctx: PlanContext,
  x: RawObject,
  table: Table | undefined,
): string | undefined {
  const keyword = DROP_KEYWORDS[x.kind];
  if (!keyword) return undefined;
  const paren = x.name.indexOf('(');
  const bare = paren < 0 ? x.name : x.name.slice(0, paren);
  const args = paren < 0 ? '' : x.name.slice(paren);
  if (x.kind === 'trigger' || x.kind === 'policy' || x.kind === 'rule') {
    return table ? `DROP ${keyword} ${quoteIdent(bare)} ON ${beforeName(ctx, table)};` : undefined;
  }
  const unqualified =
    x.kind === 'extension' ||
    x.kind === 'publication' ||
    x.kind === 'eventTrigger' ||
    x.schemaId === undefined;
  const name = unqualified
    ? quoteIdent(bare)
    : qualifiedName(schemaName(ctx, x.schemaId ?? ''), bare);
  return `DROP ${keyword} ${name}${args};`;
}

/** Raw objects removed or changed, dropped before the tables they may depend on change (reverse order). */
export function dropExtras(ctx: PlanContext): void {
  const toById = new Map(ctx.to.extras.map((x) => [x.id, x]));
  for (const x of [...ctx.from.extras].reverse()) {
    const y = toById.get(x.id);
    if (y && y.sql === x.sql) continue;
    const table = x.tableId === undefined ? undefined : (ctx.from.tables[x.tableId] ?? undefined);
    const sql = dropExtraSql(ctx, x, table && ctx.to.tables[table.id] ? table : undefined);
    // A trigger or policy on a dropped table goes with the table.
    if (sql)
      addStep(ctx, sql, `Drop ${x.kind} ${x.name}`, x.tableId ? 'ACCESS EXCLUSIVE' : 'none', [
        x.tableId ?? x.id,
        x.id,
      ]);
  }
}

/** Raw objects added or changed, in the design's (dependency) order, once tables and keys exist. */
export function createExtras(ctx: PlanContext): void {
  const fromById = new Map(ctx.from.extras.map((x) => [x.id, x]));
  for (const y of ctx.to.extras) {
    if (fromById.get(y.id)?.sql === y.sql) continue;
    addStep(ctx, y.sql, `Create ${y.kind} ${y.name}`, y.tableId ? 'ACCESS EXCLUSIVE' : 'none', [
      y.tableId ?? y.id,
      y.id,
    ]);
  }
}
