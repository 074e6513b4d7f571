import type { Design } from '../core/model';
import { planSampleData, type SampleOptions, type SkippedTable } from '../core/sample';
import { toPgError } from './pgError';

/** What the runner needs of a database: PGlite, the worker's connection, node-postgres. */
export interface SampleExecutor {
  query<T>(sql: string): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

/** The outcome of {@link generateSampleData}. */
export interface SampleDataResult {
  filled: { tableId: string; table: string; rows: number }[];
  /** Tables PostgreSQL refused rows for: its message, with the constraint's name where it gave one. */
  failed: { tableId: string; table: string; reason: string }[];
  skipped: SkippedTable[];
}

/** Called before each table and once at the end (`table` empty). */
export type SampleProgress = (done: number, total: number, table: string) => void;

/**
 * Fills the design's tables with sample rows. One transaction; each table in its own savepoint, so
 * a CHECK the plan could not satisfy costs only that table (and the tables that need its rows),
 * not the whole run. ANALYZE afterwards, so query plans see the new row counts.
 */
export async function generateSampleData(
  exec: SampleExecutor,
  design: Design,
  options: SampleOptions,
  onProgress: SampleProgress = () => {},
): Promise<SampleDataResult> {
  const plan = planSampleData(design, options);
  const result: SampleDataResult = { filled: [], failed: [], skipped: [...plan.skipped] };
  const unavailable = new Map<string, string>();
  for (const s of plan.skipped) unavailable.set(s.tableId, s.table);
  const total = plan.steps.length;
  await exec.exec('BEGIN');
  try {
    for (const [done, step] of plan.steps.entries()) {
      onProgress(done, total, step.table);
      const missing = step.requires.find((id) => unavailable.has(id));
      if (missing !== undefined) {
        result.skipped.push({
          tableId: step.tableId,
          table: step.table,
          reason: `It needs rows of ${unavailable.get(missing)}, which could not be filled.`,
        });
        unavailable.set(step.tableId, step.table);
        continue;
      }
      await exec.exec('SAVEPOINT tablewright_sample');
      try {
        const { rows } = await exec.query<{ n: number }>(
          `WITH inserted AS (\n${step.sql}\nRETURNING 1\n) SELECT count(*)::int AS n FROM inserted`,
        );
        await exec.exec('RELEASE SAVEPOINT tablewright_sample');
        result.filled.push({ tableId: step.tableId, table: step.table, rows: rows[0]?.n ?? 0 });
      } catch (thrown) {
        await exec.exec('ROLLBACK TO SAVEPOINT tablewright_sample');
        await exec.exec('RELEASE SAVEPOINT tablewright_sample');
        result.failed.push({
          tableId: step.tableId,
          table: step.table,
          reason: failureReason(thrown),
        });
        unavailable.set(step.tableId, step.table);
      }
    }
    await exec.exec('COMMIT');
  } catch (thrown) {
    await exec.exec('ROLLBACK').catch(() => undefined);
    throw thrown;
  }
  const analyzed = result.filled.filter((f) => f.rows > 0).map((f) => f.table);
  if (analyzed.length > 0) await exec.exec(`ANALYZE ${analyzed.join(', ')}`);
  onProgress(total, total, '');
  return result;
}

/** PostgreSQL's message, plus the constraint it names (not every message mentions it). */
function failureReason(thrown: unknown): string {
  const error = toPgError(thrown);
  const constraint =
    error.constraint && !error.message.includes(error.constraint)
      ? ` (constraint "${error.constraint}")`
      : '';
  const detail = error.detail ? ` ${error.detail}` : '';
  return `${error.message}${constraint}.${detail}`;
}
