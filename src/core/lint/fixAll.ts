import { checkIntegrity } from '../model/integrity';
import type { Design } from '../model/schema';
import { lintDesign } from './lintDesign';
import { ruleById } from './rules/index';
import type { Finding } from './types';

/** What "fix all of a rule" did: the design after it, and how many fixes went in or were left. */
export interface FixAllResult {
  design: Design;
  /** Fixes applied, each on the design as the previous ones left it. */
  applied: number;
  /**
   * Findings not fixed on their own: already resolved by an earlier fix (a type change follows
   * foreign keys and partitions), no longer found, or whose fix would damage the design.
   */
  skipped: number;
  /** Fixable findings of the rule still there afterwards (0 unless a fix conflicted). */
  remaining: number;
}

const where = (f: Finding) => `${f.tableId}/${f.columnId ?? ''}`;

/**
 * The finding of `current` that is `original` after earlier fixes: at the same place, with the
 * same message or else the same fix label (messages carry counts that earlier fixes change, such
 * as "126 of 139 tables have created_at"), or the only fixable one there when it was alone there.
 */
function stillThere(
  original: Finding,
  current: Finding[],
  aloneBefore: boolean,
): Finding | undefined {
  const here = current.filter((f) => f.fix && where(f) === where(original));
  return (
    here.find((f) => f.message === original.message) ??
    here.find((f) => f.fix?.label === original.fix?.label) ??
    (aloneBefore && here.length === 1 ? here[0] : undefined)
  );
}

/**
 * Applies every fix of one rule, one after another on the evolving design, re-checking before each
 * that its finding still applies: fixes of one rule can overlap (changing a key's type changes the
 * columns referencing it, which had findings of their own), so fixes computed up front could
 * undo or repeat each other. A fix that throws or damages the design is skipped, not applied.
 * Pure and deterministic, so the caller can dispatch it as one undo step.
 */
export function fixAllOfRule(design: Design, ruleId: string): FixAllResult {
  const fast = applyInTurn(design, ruleId, false);
  // Checking integrity after every fix doubles the time on a big design (lago: 396 fixes), so it
  // is checked once; only when the whole batch damaged the design is each fix checked on its own.
  return checkIntegrity(fast.design) ? applyInTurn(design, ruleId, true) : fast;
}

function applyInTurn(design: Design, ruleId: string, checkEach: boolean): FixAllResult {
  const rule = ruleById(ruleId);
  if (!rule) return { design, applied: 0, skipped: 0, remaining: 0 };
  const lint = (d: Design) => lintDesign(d, { rules: [rule] }).filter((f) => f.fix);
  const initial = lint(design);
  const perPlace = new Map<string, number>();
  for (const f of initial) perPlace.set(where(f), (perPlace.get(where(f)) ?? 0) + 1);
  let current = design;
  let findings = initial;
  let lintedOn = design;
  let applied = 0;
  for (const original of initial) {
    // Linting again after every fix costs ~1 ms per fix on lago (343 timestamp fixes); it is
    // needed only when this finding's table changed since the last lint, or a table was added,
    // removed or renamed (rename fixes compare names across tables). Fixes that reach other
    // tables (a type change following foreign keys) change those tables, so they count.
    if (
      current !== lintedOn &&
      (current.tables[original.tableId] !== lintedOn.tables[original.tableId] ||
        tableNames(current) !== tableNames(lintedOn))
    ) {
      findings = lint(current);
      lintedOn = current;
    }
    const finding = stillThere(original, findings, perPlace.get(where(original)) === 1);
    const next = finding?.fix ? tryFix(current, finding, checkEach) : undefined;
    if (!next) continue;
    current = next;
    applied++;
  }
  if (current !== lintedOn) findings = lint(current);
  const remaining = findings.length;
  return { design: current, applied, skipped: initial.length - applied, remaining };
}

const namesCache = new WeakMap<Design, string>();
/** Every table's id and name, to notice an added, removed or renamed table. */
function tableNames(design: Design): string {
  let names = namesCache.get(design);
  if (names === undefined) {
    names = Object.values(design.tables)
      .map((t) => `${t.id}:${t.schemaId}.${t.name}`)
      .join('|');
    namesCache.set(design, names);
  }
  return names;
}

function tryFix(design: Design, finding: Finding, checkIntegrityNow: boolean): Design | undefined {
  try {
    const next = finding.fix?.apply(design);
    if (!next || next === design) return undefined;
    return checkIntegrityNow && checkIntegrity(next) ? undefined : next;
  } catch {
    return undefined;
  }
}
