import { parseExplain, type IndexAdvice, type PlanNode } from '../core/explain';

/** What the lab needs of a database: PGlite, the worker's connection, node-postgres. */
export interface ExplainExecutor {
  query<T>(sql: string): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

/** A plan's headline numbers: the planner's cost and the measured execution time. */
export interface PlanCost {
  cost: number;
  timeMs: number;
}

/** The outcome of {@link tryIndex}. */
export interface IndexTrial {
  before: PlanCost;
  after: PlanCost;
  plans: { before: PlanNode; after: PlanNode };
  /** Whether the index was kept (`keep: true` and it was created). */
  kept: boolean;
}

const EXPLAIN = 'EXPLAIN (ANALYZE, BUFFERS, VERBOSE, FORMAT JSON) ';

/**
 * EXPLAIN ANALYZE runs the query for real, so it runs in a transaction that is rolled back: an
 * UPDATE or DELETE under study leaves the data as it was.
 */
export async function runExplain(exec: ExplainExecutor, query: string): Promise<PlanNode> {
  await exec.exec('BEGIN');
  try {
    return await explainOnce(exec, query);
  } finally {
    await exec.exec('ROLLBACK');
  }
}

/**
 * The plan without and with the advised index: EXPLAIN ANALYZE, CREATE INDEX, ANALYZE, EXPLAIN
 * ANALYZE again, all in one transaction that is rolled back (statistics included) unless
 * `keep` is set, in which case only the index and its statistics stay.
 */
export async function tryIndex(
  exec: ExplainExecutor,
  query: string,
  advice: Pick<IndexAdvice, 'createSql' | 'table'>,
  options: { keep?: boolean } = {},
): Promise<IndexTrial> {
  await exec.exec('BEGIN');
  let committed = false;
  try {
    const before = await explainInSavepoint(exec, query);
    await exec.exec(advice.createSql);
    await exec.exec(`ANALYZE ${advice.table}`);
    const after = await explainInSavepoint(exec, query);
    if (options.keep) {
      await exec.exec('COMMIT');
      committed = true;
    }
    return {
      before: costOf(before),
      after: costOf(after),
      plans: { before, after },
      kept: committed,
    };
  } finally {
    if (!committed) await exec.exec('ROLLBACK');
  }
}

/** One EXPLAIN ANALYZE whose effects on data are undone, leaving the transaction usable. */
async function explainInSavepoint(exec: ExplainExecutor, query: string): Promise<PlanNode> {
  await exec.exec('SAVEPOINT tablewright_explain');
  try {
    return await explainOnce(exec, query);
  } finally {
    await exec.exec('ROLLBACK TO SAVEPOINT tablewright_explain');
    await exec.exec('RELEASE SAVEPOINT tablewright_explain');
  }
}

async function explainOnce(exec: ExplainExecutor, query: string): Promise<PlanNode> {
  const sql = query.trim().replace(/;\s*$/, '');
  const { rows } = await exec.query<Record<string, unknown>>(EXPLAIN + sql);
  return parseExplain(rows);
}

function costOf(plan: PlanNode): PlanCost {
  return { cost: plan.totalCost, timeMs: plan.executionTimeMs ?? plan.actualTotalTimeMs ?? 0 };
}
