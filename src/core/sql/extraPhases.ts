import type { RawObject, RawObjectKind } from '../model/extras';
import type { Design } from '../model/schema';

/**
 * Where raw objects go in the DDL. The generator writes, in order: schemas, `extensions`, enums,
 * `beforeTables` (types, sequences, functions: tables may use them), tables and their partitions,
 * `afterTables` (those of them that need a table, e.g. a function returning a table's row type),
 * foreign keys and indexes, `late` (views, triggers, policies: they need tables and keys),
 * comments, and `last` (event triggers, which would fire on every DDL statement after them).
 */
export type ExtraPhase = 'extensions' | 'beforeTables' | 'afterTables' | 'late' | 'last';

const ORDER: readonly ExtraPhase[] = ['extensions', 'beforeTables', 'afterTables', 'late', 'last'];

const KIND_PHASE: Record<RawObjectKind, ExtraPhase> = {
  extension: 'extensions',
  collation: 'beforeTables',
  domain: 'beforeTables',
  type: 'beforeTables',
  sequence: 'beforeTables',
  function: 'beforeTables',
  procedure: 'beforeTables',
  aggregate: 'beforeTables',
  sequenceOwnership: 'afterTables',
  view: 'late',
  materializedView: 'late',
  trigger: 'late',
  policy: 'late',
  rule: 'late',
  publication: 'late',
  statistics: 'late',
  index: 'late',
  other: 'late',
  eventTrigger: 'last',
};

/** The rank of a kind's phase (0 first): orders raw objects that do not depend on each other. */
export function kindRank(kind: RawObjectKind): number {
  return ORDER.indexOf(KIND_PHASE[kind]);
}

const later = (a: ExtraPhase, b: ExtraPhase): ExtraPhase =>
  ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;

/**
 * The phase of every raw object: its kind's, moved later when it depends on a table (to
 * `afterTables`) or on a raw object placed later. Objects are taken in design order, which the
 * importer makes a dependency order, so a dependency's phase is known when it is needed.
 */
export function extraPhases(design: Design): Map<string, ExtraPhase> {
  const phases = new Map<string, ExtraPhase>();
  for (const extra of design.extras) {
    let phase = KIND_PHASE[extra.kind];
    for (const dependency of extra.dependsOn) {
      if (design.tables[dependency]) phase = later(phase, 'afterTables');
      const other = phases.get(dependency);
      if (other !== undefined) phase = later(phase, other);
    }
    phases.set(extra.id, phase);
  }
  return phases;
}

/** The extras of one phase, in design order. */
export function extrasIn(
  design: Design,
  phases: ReadonlyMap<string, ExtraPhase>,
  phase: ExtraPhase,
): RawObject[] {
  return design.extras.filter((x) => phases.get(x.id) === phase);
}

/**
 * SQL functions' bodies are checked when they are created, and may name tables created further
 * down (pg_dump turns the check off for the same reason).
 */
export function needsUncheckedFunctionBodies(design: Design): boolean {
  return design.extras.some(
    (x) => (x.kind === 'function' || x.kind === 'procedure') && /\bLANGUAGE\s+sql\b/i.test(x.sql),
  );
}

export const UNCHECKED_FUNCTION_BODIES =
  '-- Function bodies may name tables created further down.\nSET check_function_bodies = false;';
