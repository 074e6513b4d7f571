import type { RawObject } from '../model/extras';
import type { Design, Table } from '../model/schema';
import { createRenderContext, type RenderContext } from './context';
import { findOmissions } from './omissions';
import { renderEnumComment, renderSchemaComment, renderTableComments } from './renderComments';
import { renderForeignKey } from './renderForeignKey';
import { uniqueIndexBehind } from './referencedKey';
import { renderIndex } from './renderIndex';
import { renderCreateTable } from './renderTable';
import { renderCreateEnum, renderCreateSchema } from './renderTypes';
import {
  extraPhases,
  extrasIn,
  needsUncheckedFunctionBodies,
  UNCHECKED_FUNCTION_BODIES,
  type ExtraPhase,
} from './extraPhases';
import { findIndexAttachments, renderAttachIndex, renderAttachPartition } from './renderPartitions';
import { renderClusterOn, renderNotValidChecks, renderRowSecurity } from './renderTableAlters';
import type { DdlOutput, DdlProblem, DdlStatement, DdlStatementKind } from './types';

/** A statement before its place in the text is known. */
type Draft = Pick<DdlStatement, 'kind' | 'sql' | 'entityId' | 'partId'>;

/**
 * The whole design as PostgreSQL DDL, in an order that executes top to bottom: schemas,
 * extensions, enum types, types/sequences/functions kept verbatim, tables (with their primary
 * key, unique, check and exclusion constraints) and partitions, foreign keys (as ALTER TABLE, so
 * any order and cycles work), indexes, the foreign keys that reference columns unique only
 * through one of those indexes (a plain `CREATE UNIQUE INDEX`, as in Rails' structure.sql:
 * PostgreSQL refuses them before it exists), views/triggers/policies kept verbatim, comments,
 * event triggers. Deterministic: the same design always gives the same text. Anything whose name
 * PostgreSQL would refuse is left out and reported in `problems`, together with what depends on
 * it, so the text still executes.
 */
export function generateDdl(design: Design): DdlOutput {
  const { omitted, problems } = findOmissions(design);
  const ctx = createRenderContext(design, omitted);
  const drafts: Draft[] = [];
  const tables = Object.values(design.tables).filter((t) => !omitted.has(t.id));
  const phases = extraPhases(design);
  const pushExtras = (phase: ExtraPhase) => {
    for (const extra of extrasIn(design, phases, phase)) {
      // A table left out (its problem says why) takes its triggers and policies with it.
      if (extra.tableId === undefined || !omitted.has(extra.tableId)) pushExtra(drafts, extra);
    }
  };

  if (needsUncheckedFunctionBodies(design)) {
    push(drafts, 'setting', UNCHECKED_FUNCTION_BODIES, design.id);
  }
  for (const schema of Object.values(design.schemas)) {
    if (schema.name !== 'public' && !omitted.has(schema.id)) {
      push(drafts, 'schema', renderCreateSchema(schema), schema.id);
    }
  }
  pushExtras('extensions');
  for (const type of Object.values(design.enums)) {
    if (!omitted.has(type.id)) push(drafts, 'enum', renderCreateEnum(ctx, type), type.id);
  }
  pushExtras('beforeTables');
  for (const table of tables) push(drafts, 'table', renderCreateTable(ctx, table), table.id);
  for (const table of tables) pushAttachPartition(ctx, drafts, table);
  pushExtras('afterTables');
  for (const table of tables) {
    for (const sql of renderNotValidChecks(ctx, table)) push(drafts, 'tableOption', sql, table.id);
  }
  for (const table of tables) pushForeignKeys(ctx, drafts, table, 'onConstraints');
  const attachments = findIndexAttachments(ctx, tables);
  const onlyParents = new Set(attachments.map((a) => a.parentIndex.id));
  for (const table of tables) pushIndexes(ctx, drafts, table, onlyParents);
  for (const a of attachments) {
    const sql = renderAttachIndex(ctx, a.parentTable, a.parentIndex, a.childTable, a.childIndex);
    push(drafts, 'partition', sql, a.childTable.id);
  }
  // After the attachments too: an index created ON ONLY a partitioned table is valid, and can
  // back a foreign key, once every partition's index is attached.
  for (const table of tables) pushForeignKeys(ctx, drafts, table, 'onIndexes');
  pushExtras('late');
  for (const table of tables) {
    for (const sql of renderRowSecurity(ctx, table)) push(drafts, 'tableOption', sql, table.id);
    push(drafts, 'tableOption', renderClusterOn(ctx, table), table.id);
  }
  for (const schema of Object.values(design.schemas)) {
    if (!omitted.has(schema.id)) push(drafts, 'comment', renderSchemaComment(schema), schema.id);
  }
  for (const type of Object.values(design.enums)) {
    if (!omitted.has(type.id)) push(drafts, 'comment', renderEnumComment(ctx, type), type.id);
  }
  for (const table of tables) pushTableComments(ctx, drafts, table);
  pushExtras('last');
  return assemble(drafts, problems);
}

/**
 * The statements that belong to one table: its CREATE TABLE, its foreign keys, indexes and
 * comments, with the problems about it. For a table's own DDL pane; the text alone may not execute
 * (it does not create the schema, enums or referenced tables).
 */
export function generateTableDdl(design: Design, tableId: string): DdlOutput {
  const { omitted, problems } = findOmissions(design);
  const ownProblems = problems.filter((p) => p.entityId === tableId);
  const table = design.tables[tableId];
  if (!table || omitted.has(tableId)) return assemble([], ownProblems);
  const ctx = createRenderContext(design, omitted);
  const drafts: Draft[] = [];
  push(drafts, 'table', renderCreateTable(ctx, table), table.id);
  pushAttachPartition(ctx, drafts, table);
  for (const sql of renderNotValidChecks(ctx, table)) push(drafts, 'tableOption', sql, table.id);
  pushForeignKeys(ctx, drafts, table, 'onConstraints');
  pushIndexes(ctx, drafts, table, new Set());
  pushForeignKeys(ctx, drafts, table, 'onIndexes');
  for (const sql of renderRowSecurity(ctx, table)) push(drafts, 'tableOption', sql, table.id);
  push(drafts, 'tableOption', renderClusterOn(ctx, table), table.id);
  pushTableComments(ctx, drafts, table);
  for (const extra of design.extras) {
    if (extra.tableId === table.id) pushExtra(drafts, extra);
  }
  return assemble(drafts, ownProblems);
}

function push(
  drafts: Draft[],
  kind: DdlStatementKind,
  sql: string | undefined,
  entityId: string,
  partId?: string,
): void {
  if (sql === undefined) return;
  drafts.push(partId === undefined ? { kind, sql, entityId } : { kind, sql, entityId, partId });
}

/** A raw object belongs to its table on the canvas when it has one (a trigger, a policy). */
function pushExtra(drafts: Draft[], extra: RawObject): void {
  if (extra.tableId !== undefined) push(drafts, 'extra', extra.sql, extra.tableId, extra.id);
  else push(drafts, 'extra', extra.sql, extra.id);
}

function pushAttachPartition(ctx: RenderContext, drafts: Draft[], table: Table): void {
  const parentId = table.partitionOf?.tableId;
  const parent = parentId === undefined ? undefined : ctx.design.tables[parentId];
  if (parent && !ctx.omitted.has(parent.id)) {
    push(drafts, 'partition', renderAttachPartition(ctx, parent, table), table.id);
  }
}

/**
 * A table's foreign keys of one phase: `onConstraints`, those whose referenced key is a primary
 * key or unique constraint (created with its table), or that nothing in the design provides (left
 * where they were, for Postgres to judge); `onIndexes`, those that need a unique index.
 */
function pushForeignKeys(
  ctx: RenderContext,
  drafts: Draft[],
  table: Table,
  phase: 'onConstraints' | 'onIndexes',
): void {
  for (const constraint of table.constraints) {
    if (constraint.kind !== 'foreignKey' || ctx.omitted.has(constraint.id)) continue;
    const referenced = ctx.design.tables[constraint.refTableId];
    if (!referenced) continue;
    const onIndex = uniqueIndexBehind(constraint, referenced, ctx.omitted) !== undefined;
    if (onIndex !== (phase === 'onIndexes')) continue;
    push(drafts, 'foreignKey', renderForeignKey(ctx, table, constraint, referenced), table.id);
  }
}

function pushIndexes(
  ctx: RenderContext,
  drafts: Draft[],
  table: Table,
  onlyParents: ReadonlySet<string>,
): void {
  for (const index of table.indexes) {
    if (ctx.omitted.has(index.id)) continue;
    const sql = renderIndex(ctx, table, index, { only: onlyParents.has(index.id) });
    push(drafts, 'index', sql, table.id);
  }
}

function pushTableComments(ctx: RenderContext, drafts: Draft[], table: Table): void {
  for (const sql of renderTableComments(ctx, table)) push(drafts, 'comment', sql, table.id);
}

/** Joins statements with a blank line between them and records where each one is in the text. */
function assemble(drafts: readonly Draft[], problems: DdlProblem[]): DdlOutput {
  const parts: string[] = [];
  const statements: DdlStatement[] = [];
  let offset = 0;
  for (const draft of drafts) {
    if (parts.length > 0) {
      parts.push('\n\n');
      offset += 2;
    }
    const statement: DdlStatement = {
      kind: draft.kind,
      sql: draft.sql,
      from: offset,
      to: offset + draft.sql.length,
      entityId: draft.entityId,
    };
    if (draft.partId !== undefined) statement.partId = draft.partId;
    statements.push(statement);
    parts.push(draft.sql);
    offset += draft.sql.length;
  }
  const text = parts.length === 0 ? '' : parts.join('') + '\n';
  return { text, statements, problems };
}
