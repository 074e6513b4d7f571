import type { Migration, MigrationMode, MigrationStep } from './types';

/** Steps that run together: in one transaction, or alone outside any (CREATE INDEX CONCURRENTLY ...). */
export interface StepGroup {
  transactional: boolean;
  steps: MigrationStep[];
}

/**
 * How steps are run. Simple mode: every transactional step in one transaction (all or nothing).
 * Safe mode: each step commits on its own, so no lock is held longer than its statement and a
 * VALIDATE never shares a transaction with the ADD ... NOT VALID before it. A non-transactional
 * step always runs alone, outside any transaction.
 */
export function transactionGroups(
  steps: readonly MigrationStep[],
  mode: MigrationMode,
): StepGroup[] {
  const groups: StepGroup[] = [];
  for (const step of steps) {
    const last = groups[groups.length - 1];
    if (mode === 'simple' && step.transactional && last?.transactional) last.steps.push(step);
    else groups.push({ transactional: step.transactional, steps: [step] });
  }
  return groups;
}

/** The comment lines above a step: what it does, its lock and its risks. */
export function stepComment(step: MigrationStep, n: number): string {
  const flags = [`lock: ${step.lock}`];
  if (!step.transactional) flags.push('runs outside a transaction');
  if (step.rewritesTable) flags.push('rewrites the table');
  const lines = [`-- ${n}. ${step.description}`, `--    ${flags.join('; ')}`];
  if (step.destructive) lines.push(`--    DESTRUCTIVE: loses ${step.destructive.loses}`);
  return lines.join('\n');
}

/** One direction of a migration as a SQL script, with a comment per step stating lock and flags. */
export function renderMigrationSql(
  migration: Migration,
  direction: 'up' | 'down',
  mode: MigrationMode,
): string {
  const steps = migration[direction];
  const head = `-- Tablewright migration (${direction}), ${mode} mode: ${steps.length} step${steps.length === 1 ? '' : 's'}.`;
  if (steps.length === 0) return `${head}\n-- Nothing to change.\n`;
  const out: string[] = [];
  let n = 0;
  const body = (s: MigrationStep) => `${stepComment(s, ++n)}\n${s.sql}`;
  if (mode === 'simple') {
    out.push(`${head}\n-- All steps run in one transaction: all or nothing.`);
    for (const g of transactionGroups(steps, mode)) {
      if (g.transactional) out.push('BEGIN;', ...g.steps.map(body), 'COMMIT;');
      else out.push(...g.steps.map(body));
    }
  } else {
    out.push(
      `${head}\n-- Each statement commits on its own, so locks are held briefly; steps marked\n` +
        `-- "runs outside a transaction" must not be wrapped in BEGIN ... COMMIT.\n` +
        `-- A lock that cannot be taken quickly fails the step instead of queueing every query behind it.\n` +
        `SET lock_timeout = '5s';`,
    );
    for (const s of steps) out.push(body(s));
  }
  return out.join('\n\n') + '\n';
}
