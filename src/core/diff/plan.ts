import type { Design } from '../model/schema';
import { createPlanContext } from './planContext';
import { addColumns, alterColumns, dropColumns, renameColumns } from './renderColumnSteps';
import {
  addConstraints,
  addForeignKeys,
  createIndexes,
  dropKeys,
  renameKeys,
} from './renderKeySteps';
import {
  commentSchemasAndEnums,
  createEnums,
  createExtras,
  createSchemas,
  dropEnums,
  dropExtras,
  dropSchemas,
} from './renderObjectSteps';
import {
  alterTableOptions,
  commentTables,
  createTables,
  dropTables,
  renameTables,
} from './renderTableSteps';
import type { Migration, MigrationMode, MigrationStep, PlanOptions } from './types';

/**
 * The migration from design A to design B (up) and back (down, planned the same way from B to A).
 * Steps run top to bottom: schemas and types first; then whatever goes away, in reverse
 * dependency order (raw objects, foreign keys, indexes, constraints, columns, tables); renames
 * (with the names PostgreSQL derived from renamed things); new tables and columns; column
 * changes; keys, foreign keys and indexes (a foreign key onto columns unique only through a unique
 * index after the indexes); raw objects; comments; and last the types and schemas nothing uses
 * any more.
 */
export function planMigration(a: Design, b: Design, options: PlanOptions): Migration {
  return { up: planSteps(a, b, options.mode), down: planSteps(b, a, options.mode) };
}

/** The steps from one design to the other, in one direction. */
export function planSteps(from: Design, to: Design, mode: MigrationMode): MigrationStep[] {
  const ctx = createPlanContext(from, to, mode);
  createSchemas(ctx);
  createEnums(ctx);
  dropExtras(ctx);
  dropKeys(ctx);
  dropColumns(ctx);
  dropTables(ctx);
  renameTables(ctx);
  renameColumns(ctx);
  renameKeys(ctx);
  createTables(ctx);
  addColumns(ctx);
  alterColumns(ctx);
  alterTableOptions(ctx);
  addConstraints(ctx);
  addForeignKeys(ctx, 'onConstraints');
  createIndexes(ctx);
  addForeignKeys(ctx, 'onIndexes');
  createExtras(ctx);
  commentSchemasAndEnums(ctx);
  commentTables(ctx);
  dropEnums(ctx);
  dropSchemas(ctx);
  return commitUsedLabels(ctx.steps);
}

const ADD_VALUE = /^ALTER TYPE .* ADD VALUE ('(?:[^']|'')*')/;

/**
 * A label added by ALTER TYPE ... ADD VALUE cannot be used before its transaction commits
 * ("unsafe use of new value"): when a later step uses it (a default, a check), the step runs
 * outside the transaction, so simple mode commits it first.
 */
function commitUsedLabels(steps: MigrationStep[]): MigrationStep[] {
  return steps.map((step, i) => {
    const label = ADD_VALUE.exec(step.sql)?.[1];
    if (label === undefined || !steps.slice(i + 1).some((s) => s.sql.includes(label))) return step;
    return {
      ...step,
      transactional: false,
      description: `${step.description} (committed first: later steps use it)`,
    };
  });
}
