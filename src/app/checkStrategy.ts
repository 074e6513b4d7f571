import { planChangedSteps, type MigrationStep } from '../core/diff';
import type { Design } from '../core/model';

/**
 * The design the checking database holds, as the last clean verdict left it. `token` is the
 * database's own name for that state: the worker forgets it when anything else touches the
 * database (console SQL, a restart), so a change is never applied on top of something else.
 */
export interface Baseline {
  design: Design;
  token: number;
  /** Verdicts reached by applying a change since the last whole run. */
  changesSinceFull: number;
}

/** Why a verdict ran the whole design rather than the change. */
export type FullReason =
  'first' | 'crossCheck' | 'verbatim' | 'notTransactional' | 'changeFailed' | 'guarded';

export type CheckPlan =
  { kind: 'change'; steps: MigrationStep[] } | { kind: 'full'; why: FullReason };

/**
 * Every this many verdicts by change, one whole run: the change path is proven equal to the whole
 * run by a property test, and this keeps the two from drifting apart unseen in a long session.
 */
export const FULL_RUN_EVERY = 25;

/**
 * How to reach the verdict for `design`: apply the migration from the baseline when there is one
 * and the migration is plain DDL in one transaction; otherwise run the whole design.
 * `guarded`: some statements are held back (dangerous, or did not finish before), which only the
 * whole run knows how to leave out.
 */
export function planCheck(
  baseline: Baseline | undefined,
  design: Design,
  guarded: boolean,
): CheckPlan {
  if (!baseline) return { kind: 'full', why: 'first' };
  if (guarded) return { kind: 'full', why: 'guarded' };
  if (baseline.changesSinceFull >= FULL_RUN_EVERY) return { kind: 'full', why: 'crossCheck' };
  const steps = planChangedSteps(baseline.design, design, 'simple');
  if (steps.some((s) => !s.transactional)) return { kind: 'full', why: 'notTransactional' };
  // Verbatim SQL (functions, views, triggers...) can run for ever; the whole run watches each
  // such statement on its own and can name the one that hung.
  const verbatim = new Set(design.extras.map((x) => x.id));
  for (const x of baseline.design.extras) verbatim.add(x.id);
  if (steps.some((s) => s.entityIds.some((id) => verbatim.has(id))))
    return { kind: 'full', why: 'verbatim' };
  return { kind: 'change', steps };
}

/** What the status says about how the verdict was reached. */
export function describeVerdict(plan: CheckPlan, ms: number): string {
  const took = ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
  if (plan.kind === 'change') {
    const n = plan.steps.length;
    return n === 0
      ? 'Nothing Postgres sees changed.'
      : `Checked the change: ${n} ${n === 1 ? 'step' : 'steps'} applied to the database in ${took}.`;
  }
  const why: Record<FullReason, string> = {
    first: 'nothing clean to build on yet',
    crossCheck: 'a periodic whole check',
    verbatim: 'SQL kept as written changed',
    notTransactional: 'the change needs more than one transaction',
    changeFailed: 'the change was refused, so every statement is checked for exact errors',
    guarded: 'some statements are held back',
  };
  return `Checked the whole design (${why[plan.why]}) in ${took}.`;
}
