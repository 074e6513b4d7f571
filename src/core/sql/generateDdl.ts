import type { Design, Table } from '../model/schema';
import { createRenderContext, type RenderContext } from './context';
import { findOmissions } from './omissions';
import { renderEnumComment, renderSchemaComment, renderTableComments } from './renderComments';
import { renderForeignKey } from './renderForeignKey';
import { renderIndex } from './renderIndex';
import { renderCreateTable } from './renderTable';
import { renderCreateEnum, renderCreateSchema } from './renderTypes';
import type { DdlOutput, DdlProblem, DdlStatement, DdlStatementKind } from './types';

/** A statement before its place in the text is known. */
type Draft = Pick<DdlStatement, 'kind' | 'sql' | 'entityId'>;

/**
 * The whole design as PostgreSQL DDL, in an order that executes top to bottom: schemas, enum
 * types, tables (with their primary key, unique, check and exclusion constraints), foreign keys
 * (as ALTER TABLE, so any order and cycles work), indexes, comments. Deterministic: the same
 * design always gives the same text. Anything whose name PostgreSQL would refuse is left out and
 * reported in `problems`, together with what depends on it, so the text still executes.
 */
export function generateDdl(design: Design): DdlOutput {
  const { omitted, problems } = findOmissions(design);
  const ctx = createRenderContext(design, omitted);
  const drafts: Draft[] = [];
  const tables = Object.values(design.tables).filter((t) => !omitted.has(t.id));

  for (const schema of Object.values(design.schemas)) {
    if (schema.name !== 'public' && !omitted.has(schema.id)) {
      push(drafts, 'schema', renderCreateSchema(schema), schema.id);
    }
  }
  for (const type of Object.values(design.enums)) {
    if (!omitted.has(type.id)) push(drafts, 'enum', renderCreateEnum(ctx, type), type.id);
  }
  for (const table of tables) push(drafts, 'table', renderCreateTable(ctx, table), table.id);
  for (const table of tables) pushForeignKeys(ctx, drafts, table);
  for (const table of tables) pushIndexes(ctx, drafts, table);
  for (const schema of Object.values(design.schemas)) {
    if (!omitted.has(schema.id)) push(drafts, 'comment', renderSchemaComment(schema), schema.id);
  }
  for (const type of Object.values(design.enums)) {
    if (!omitted.has(type.id)) push(drafts, 'comment', renderEnumComment(ctx, type), type.id);
  }
  for (const table of tables) pushTableComments(ctx, drafts, table);
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
  pushForeignKeys(ctx, drafts, table);
  pushIndexes(ctx, drafts, table);
  pushTableComments(ctx, drafts, table);
  return assemble(drafts, ownProblems);
}

function push(
  drafts: Draft[],
  kind: DdlStatementKind,
  sql: string | undefined,
  entityId: string,
): void {
  if (sql !== undefined) drafts.push({ kind, sql, entityId });
}

function pushForeignKeys(ctx: RenderContext, drafts: Draft[], table: Table): void {
  for (const constraint of table.constraints) {
    if (constraint.kind !== 'foreignKey' || ctx.omitted.has(constraint.id)) continue;
    const referenced = ctx.design.tables[constraint.refTableId];
    if (referenced) {
      push(drafts, 'foreignKey', renderForeignKey(ctx, table, constraint, referenced), table.id);
    }
  }
}

function pushIndexes(ctx: RenderContext, drafts: Draft[], table: Table): void {
  for (const index of table.indexes) {
    if (!ctx.omitted.has(index.id)) push(drafts, 'index', renderIndex(ctx, table, index), table.id);
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
    statements.push({
      kind: draft.kind,
      sql: draft.sql,
      from: offset,
      to: offset + draft.sql.length,
      entityId: draft.entityId,
    });
    parts.push(draft.sql);
    offset += draft.sql.length;
  }
  const text = parts.length === 0 ? '' : parts.join('') + '\n';
  return { text, statements, problems };
}
