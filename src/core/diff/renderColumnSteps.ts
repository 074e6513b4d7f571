import { isSerial, plainType } from '../model/pgType';
import type { Column, Table } from '../model/schema';
import { qualifiedName, quoteIdent, quoteLiteral } from '../sql/quote';
import { collationName, parenthesized } from '../sql/renderTable';
import { pairById } from './compare';
import { makeName, notNullName, sequenceName } from './names';
import {
  addStep,
  afterName,
  beforeName,
  inTableSchema,
  schemaName,
  type PlanContext,
} from './planContext';
import {
  columnDefinition,
  defaultSequence,
  effectivelyNotNull,
  mustRecreate,
} from './renderColumn';
import { castIsImplicit, typeChangeCost } from './typeCasts';

/** Columns: drop, rename (with the names PostgreSQL derived from them), add, alter. */

/**
 * Tables kept from A to B whose columns the migration alters. A partition staying in the same
 * parent is left out: its columns are the parent's, and PostgreSQL carries every column change
 * made on the parent down to the partitions (making the same change there again fails).
 */
function keptTables(ctx: PlanContext): [Table, Table][] {
  const followsParent = (t: Table, u: Table) =>
    u.partitionOf !== undefined &&
    t.partitionOf?.tableId === u.partitionOf.tableId &&
    ctx.from.tables[u.partitionOf.tableId] !== undefined;
  return pairById(Object.values(ctx.from.tables), Object.values(ctx.to.tables)).kept.filter(
    ([t, u]) => !followsParent(t, u),
  );
}

export function dropColumns(ctx: PlanContext): void {
  for (const [t, u] of keptTables(ctx)) {
    const { kept, removed } = pairById(t.columns, u.columns);
    const recreated = kept.filter(([c, d]) => mustRecreate(c, d)).map(([c]) => c);
    for (const c of [...removed, ...recreated]) {
      addStep(
        ctx,
        `ALTER TABLE ${beforeName(ctx, t)} DROP COLUMN ${quoteIdent(c.name)};`,
        `Drop column ${t.name}.${c.name}`,
        'ACCESS EXCLUSIVE',
        [t.id, c.id],
        {
          destructive: { loses: `the values of column ${t.name}.${c.name}` },
        },
      );
    }
  }
}

/** Column renames, then the NOT NULL constraints and sequences PostgreSQL named after the old names. */
export function renameColumns(ctx: PlanContext): void {
  for (const [t, u] of keptTables(ctx)) {
    const name = afterName(ctx, u);
    const kept = pairById(t.columns, u.columns).kept.filter(([c, d]) => !mustRecreate(c, d));
    for (const [c, d] of kept) {
      if (c.name !== d.name) {
        addStep(
          ctx,
          `ALTER TABLE ${name} RENAME COLUMN ${quoteIdent(c.name)} TO ${quoteIdent(d.name)};`,
          `Rename column ${u.name}.${c.name} to ${d.name}`,
          'ACCESS EXCLUSIVE',
          [u.id, d.id],
        );
      }
    }
    for (const [c, d] of kept) {
      const [from, to] = [notNullName(t, c), notNullName(u, d)];
      // PostgreSQL 18 refuses to rename a partitioned table's NOT NULL constraint when its
      // partitions' have other names (they always do): there the old name stays.
      if (effectivelyNotNull(t, c) && effectivelyNotNull(u, d) && from !== to && !u.partitionBy) {
        addStep(
          ctx,
          `ALTER TABLE ${name} RENAME CONSTRAINT ${quoteIdent(from)} TO ${quoteIdent(to)};`,
          `Rename the NOT NULL constraint of ${u.name}.${d.name} after its table and column`,
          'ACCESS EXCLUSIVE',
          [u.id, d.id],
        );
      }
      const owned = (x: Column) =>
        isSerial(x.type) || (x.identity !== undefined && defaultSequence(x));
      const [s1, s2] = [sequenceName(t, c), sequenceName(u, d)];
      if (owned(c) && owned(d) && s1 !== s2 && !ctx.retyped.has(c.id)) {
        addStep(
          ctx,
          `ALTER SEQUENCE ${inTableSchema(ctx, u, s1)} RENAME TO ${quoteIdent(s2)};`,
          `Rename the sequence of ${u.name}.${d.name} after its table and column`,
          'none',
          [u.id, d.id],
        );
      }
    }
  }
}

export function addColumns(ctx: PlanContext): void {
  for (const [t, u] of keptTables(ctx)) {
    const { kept, added } = pairById(t.columns, u.columns);
    const recreated = kept.filter(([c, d]) => mustRecreate(c, d)).map(([, d]) => d);
    for (const d of [...recreated, ...added]) {
      const rewrites =
        d.identity !== undefined || (d.generated !== undefined && d.generatedKind !== 'virtual');
      const failsOnRows =
        !d.nullable && !d.default && !d.identity && !d.generated && !isSerial(d.type);
      addStep(
        ctx,
        `ALTER TABLE ${afterName(ctx, u)} ADD COLUMN ${columnDefinition(d)};`,
        `Add column ${u.name}.${d.name}` +
          (failsOnRows ? ' (NOT NULL without a default: fails if the table has rows)' : ''),
        'ACCESS EXCLUSIVE',
        [u.id, d.id],
        rewrites ? { rewritesTable: true } : {},
      );
    }
  }
}

/** Every change to a kept column, in an order PostgreSQL accepts (identity off before type, NOT NULL before identity on). */
export function alterColumns(ctx: PlanContext): void {
  for (const [t, u] of keptTables(ctx)) {
    for (const [c, d] of pairById(t.columns, u.columns).kept)
      if (!mustRecreate(c, d)) alterColumn(ctx, t, u, c, d);
  }
}

function alterColumn(ctx: PlanContext, t: Table, u: Table, c: Column, d: Column): void {
  const table = afterName(ctx, u);
  const col = quoteIdent(d.name);
  const label = `${u.name}.${d.name}`;
  const ids = [u.id, d.id];
  const alter = (clause: string, description: string, extra = {}) =>
    addStep(
      ctx,
      `ALTER TABLE ${table} ALTER COLUMN ${col} ${clause};`,
      description,
      'ACCESS EXCLUSIVE',
      ids,
      extra,
    );
  const identityChanged =
    c.identity !== d.identity || (c.identityOptions ?? '') !== (d.identityOptions ?? '');
  const reidentify =
    identityChanged &&
    (!c.identity || !d.identity || (c.identityOptions ?? '') !== (d.identityOptions ?? ''));
  if (c.identity && reidentify)
    alter(
      'DROP IDENTITY',
      `Drop identity of ${label}`,
      d.identity
        ? {
            destructive: {
              loses: `the position of ${label}'s identity sequence (numbering restarts)`,
            },
          }
        : {},
    );
  else if (c.identity && d.identity && c.identity !== d.identity) {
    alter(
      `SET GENERATED ${d.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`,
      `Identity of ${label} to ${d.identity}`,
    );
  }
  if (c.generated && !d.generated)
    alter('DROP EXPRESSION', `${label} stops being generated (keeps its values)`);
  else if (c.generated && d.generated && c.generated !== d.generated) {
    alter(
      `SET EXPRESSION AS ${parenthesized(d.generated)}`,
      `New generation expression for ${label}`,
      d.generatedKind === 'virtual' ? {} : { rewritesTable: true },
    );
  }

  const retype = ctx.retyped.has(c.id);
  const defaultChanged = (c.default ?? '') !== (d.default ?? '');
  if (c.default && (defaultChanged || retype)) alter('DROP DEFAULT', `Drop default of ${label}`);
  if (isSerial(c.type) && !isSerial(d.type)) {
    alter('DROP DEFAULT', `Drop the serial default of ${label}`);
    addStep(
      ctx,
      `DROP SEQUENCE ${inTableSchema(ctx, u, sequenceName(t, c))};`,
      `Drop the serial sequence of ${label}`,
      'none',
      ids,
    );
  }
  if (retype) retypeColumn(ctx, c, d, alter, label);
  if (d.default && (defaultChanged || retype))
    alter(`SET DEFAULT ${d.default}`, `Default of ${label}`);
  if (isSerial(c.type) && isSerial(d.type) && retype) {
    addStep(
      ctx,
      `ALTER SEQUENCE ${inTableSchema(ctx, u, sequenceName(u, d))} AS ${plainType(d.type)};`,
      `Sequence of ${label} to ${plainType(d.type)}`,
      'none',
      ids,
    );
  }

  const wasNotNull = effectivelyNotNull(t, c);
  const isNotNull = effectivelyNotNull(u, d);
  if (wasNotNull && !isNotNull) alter('DROP NOT NULL', `${label} becomes nullable`);
  if (!wasNotNull && isNotNull && !d.nullable) setNotNull(ctx, u, d, table, alter);

  if (!isSerial(c.type) && isSerial(d.type)) {
    const seq = inTableSchema(ctx, u, sequenceName(u, d));
    addStep(
      ctx,
      `CREATE SEQUENCE ${seq} AS ${plainType(d.type)} OWNED BY ${table}.${col};`,
      `Sequence for serial ${label}`,
      'none',
      ids,
    );
    alter(
      `SET DEFAULT nextval(${quoteLiteral(seq)}::regclass)`,
      `${label} takes its default from the sequence`,
    );
  }
  if (d.identity && reidentify) {
    alter(
      `ADD GENERATED ${d.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${d.identityOptions ? ` (${d.identityOptions})` : ''}`,
      `${label} becomes an identity column`,
    );
  }
}

type Alter = (clause: string, description: string, extra?: object) => void;

function retypeColumn(ctx: PlanContext, c: Column, d: Column, alter: Alter, label: string): void {
  const type = plainType(d.type);
  const collate = d.collation ? ` COLLATE ${collationName(d.collation)}` : '';
  const viaEnum = isEnumType(ctx, d.type);
  const sameText = plainType(c.type) === type;
  let using = '';
  if (viaEnum) {
    // Enums cast through text: an enum and its recreated copy (or text) share no direct cast.
    const dims = /((?:\[\])*)\s*$/.exec(type)?.[1] ?? '';
    using = ` USING ${quoteIdent(d.name)}::text${dims}::${type}`;
  } else if (!castIsImplicit(c.type, d.type)) using = ` USING ${quoteIdent(d.name)}::${type}`;
  // The same spelling means a recreated enum: every row is converted, none lost but removed labels.
  const cost = sameText ? { rewritesTable: true } : typeChangeCost(plainType(c.type), type);
  const extra: Record<string, unknown> = {};
  if (cost.rewritesTable) extra.rewritesTable = true;
  if (cost.loses) extra.destructive = { loses: cost.loses };
  const why = cost.rewritesTable ? ' (rewrites the table and its indexes)' : ' (no rewrite)';
  alter(`TYPE ${type}${collate}${using}`, `Type of ${label}: ${c.type} -> ${d.type}${why}`, extra);
}

function isEnumType(ctx: PlanContext, type: string): boolean {
  const base = type.replace(/(\[\d*\])+\s*$/, '').trim();
  return Object.values(ctx.to.enums).some((e) =>
    [
      e.name,
      qualifiedName(schemaName(ctx, e.schemaId), e.name),
      `${schemaName(ctx, e.schemaId)}.${e.name}`,
    ].includes(base),
  );
}

/**
 * Safe mode: a NOT VALID check, validated under a weak lock, lets SET NOT NULL skip its full scan
 * under ACCESS EXCLUSIVE; then the check goes.
 */
function setNotNull(ctx: PlanContext, u: Table, d: Column, table: string, alter: Alter): void {
  const col = quoteIdent(d.name);
  const set = () =>
    d.notNullName
      ? addStep(
          ctx,
          `ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdent(d.notNullName)} NOT NULL ${col};`,
          `${u.name}.${d.name} becomes NOT NULL`,
          'ACCESS EXCLUSIVE',
          [u.id, d.id],
        )
      : alter('SET NOT NULL', `${u.name}.${d.name} becomes NOT NULL`);
  if (ctx.mode === 'simple') return set();
  const check = quoteIdent(makeName(u.name, d.name, 'nn_check'));
  const ids = [u.id, d.id];
  addStep(
    ctx,
    `ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID;`,
    `Check ${u.name}.${d.name} IS NOT NULL for new rows (no scan)`,
    'ACCESS EXCLUSIVE',
    ids,
  );
  addStep(
    ctx,
    `ALTER TABLE ${table} VALIDATE CONSTRAINT ${check};`,
    `Validate existing rows of ${u.name}.${d.name} while writes go on`,
    'SHARE UPDATE EXCLUSIVE',
    ids,
  );
  set();
  addStep(
    ctx,
    `ALTER TABLE ${table} DROP CONSTRAINT ${check};`,
    `Drop the helper check of ${u.name}.${d.name}`,
    'ACCESS EXCLUSIVE',
    ids,
  );
}
