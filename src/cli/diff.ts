/**
 * `tablewright diff <old> <new>`: the migration from design A to design B, verified by running
 * it in PGlite (A's DDL, up, compare with B's; down, compare with A's) before it is printed. The
 * CLI wiring (arguments, reading the files, writing -o) lives in main.ts.
 */
import type { Design } from '../core/model';
import {
  columnOrderDifferences,
  exportSequelize,
  planMigration,
  renderMigrationSql,
  type ColumnOrderDifference,
  type Migration,
  type MigrationMode,
} from '../core/diff';
import { contribModulesFor } from '../core/import';
import { generateDdl } from '../core/sql';
import { extensionNamesIn } from '../db/designExtensions';
import { loadContribModules } from '../db/import/contribModules';
import { verifyMigration, type CreateMigrationDb, type VerifyResult } from '../db/verifyMigration';
import { reusedPgliteDb } from '../db/verifyMigrationPglite';
import { nodeScratch } from './scratch';

export interface DiffOptions {
  to: 'sql' | 'sequelize';
  mode: MigrationMode;
  /** Progress and verification messages (stderr in the CLI), one line each ending with \n. */
  log?: (line: string) => void;
  /** The databases to verify in; a PGlite started here when absent. */
  createDb?: CreateMigrationDb;
}

/** The migration text, and exit code 1 when PostgreSQL does not confirm it. */
export async function runDiff(
  a: Design,
  b: Design,
  opts: DiffOptions,
): Promise<{ output: string; exitCode: 0 | 1 }> {
  const log = opts.log ?? (() => undefined);
  const migration = planMigration(a, b, { mode: opts.mode });
  const order = columnOrderDifferences(a, b);
  const output =
    opts.to === 'sequelize'
      ? exportSequelize(migration, opts.mode)
      : orderNote(order, '-- ') + sqlOutput(migration, opts.mode);
  if (order.length > 0) log(orderNote(order, 'tablewright: '));
  log(
    `tablewright: ${migration.up.length} up and ${migration.down.length} down steps (${opts.mode} mode); verifying in PostgreSQL (PGlite)...\n`,
  );
  const result = await verify(a, b, migration, opts);
  if (result.verified) {
    log(
      order.length > 0
        ? 'tablewright: verified: up turns the old design into the new one (but for the column order above), down turns it back.\n'
        : 'tablewright: verified: up turns the old design into the new one, down turns it back.\n',
    );
    return { output, exitCode: 0 };
  }
  if (result.failedStep) {
    log(
      `tablewright: verification failed: PostgreSQL refused ${result.failedStep.direction} step ${result.failedStep.index + 1}: ${result.failedStep.error}\n${result.failedStep.sql}\n`,
    );
  }
  for (const d of result.differences) log(`tablewright: verification difference: ${d}\n`);
  return { output, exitCode: 1 };
}

/**
 * Tables whose columns the migration leaves in another order than the new design's: PostgreSQL
 * cannot move a column, so this is said rather than hidden (to get the new order exactly, the
 * table must be re-created and its rows copied, which this migration does not do).
 */
function orderNote(order: readonly ColumnOrderDifference[], prefix: string): string {
  if (order.length === 0) return '';
  const lines = [
    `Column order: PostgreSQL cannot reorder columns (ADD COLUMN appends), so after this migration ${order.length === 1 ? 'this table has its' : 'these tables have their'} columns in another order than the new design:`,
    ...order.map(
      (o) =>
        `  ${o.schema === 'public' ? '' : `${o.schema}.`}${o.table}: migrated (${o.migrated.join(', ')}), new design (${o.expected.join(', ')})`,
    ),
    'Everything else is as in the new design. Name columns in queries (never SELECT * or INSERT without a column list) and the order does not matter.',
  ];
  return lines.map((line) => `${prefix}${line}\n`).join('');
}

/** The up script, then the down script commented out, so the output runs as it is. */
function sqlOutput(migration: Migration, mode: MigrationMode): string {
  const down = renderMigrationSql(migration, 'down', mode)
    .trimEnd()
    .split('\n')
    .map((line) => (line.startsWith('--') ? line : `-- ${line}`).trimEnd())
    .join('\n');
  return `${renderMigrationSql(migration, 'up', mode)}\n-- ======== down (commented out) ========\n${down}\n`;
}

async function verify(
  a: Design,
  b: Design,
  migration: Migration,
  opts: DiffOptions,
): Promise<VerifyResult> {
  if (opts.createDb)
    return verifyMigration(a, b, { mode: opts.mode, createDb: opts.createDb, migration });
  // PGlite takes contrib extensions when it starts: load those either design's DDL creates.
  const modules = contribModulesFor(extensionNamesIn([generateDdl(a).text, generateDdl(b).text]));
  const pg = await nodeScratch()(await loadContribModules(modules));
  try {
    return await verifyMigration(a, b, {
      mode: opts.mode,
      createDb: reusedPgliteDb(pg),
      migration,
    });
  } finally {
    await pg.close();
  }
}
