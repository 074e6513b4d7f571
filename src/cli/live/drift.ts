/**
 * Drift between a design and a live database, from the diff engine: the database's design gets
 * the design's ids where names match (reconcileIds, as `pull --into` does) and the design's type
 * spellings where PostgreSQL means the same (keepWrittenForm), so only real differences remain.
 */
import { diffDesigns, type DesignChange } from '../../core/diff';
import type { Design } from '../../core/model';
import { keepWrittenForm } from '../../core/ops/keepWrittenForm';
import { reconcileIds } from '../../core/ops/reconcileIds';

export interface Drift {
  /** In the database, not in the design. */
  databaseOnly: string[];
  /** In the design, not in the database. */
  designOnly: string[];
  /** In both, but different (database -> design). */
  different: string[];
}

/** The live design with the design's ids: what a migration is planned from. */
export function alignedLiveDesign(design: Design, live: Design): Design {
  return keepWrittenForm(design, reconcileIds(design, live));
}

export function findDrift(design: Design, aligned: Design): Drift {
  const drift: Drift = { databaseOnly: [], designOnly: [], different: [] };
  // From the database to the design: "added" is what only the design has.
  for (const change of diffDesigns(aligned, design)) {
    if (change.action === 'added') drift.designOnly.push(thing(change));
    else if (change.action === 'removed') drift.databaseOnly.push(thing(change));
    else drift.different.push(change.description);
  }
  return drift;
}

export const hasDrift = (d: Drift) =>
  d.databaseOnly.length + d.designOnly.length + d.different.length > 0;

/** "table orders created" -> "table orders": the thing, not what a migration would do with it. */
function thing(change: DesignChange): string {
  return change.description.replace(/ (created|dropped|added)(?= \(|$)/, '');
}

export function formatDrift(d: Drift, designLabel: string, database: string): string {
  if (!hasDrift(d)) return `No drift: ${database} matches ${designLabel}.\n`;
  const lines = [`Drift between ${designLabel} and ${database}:`];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`  ${title} (${items.length}):`, ...items.map((i) => `    ${i}`));
  };
  section('In the database, not in the design', d.databaseOnly);
  section('In the design, not in the database', d.designOnly);
  section('Different (database -> design)', d.different);
  return `${lines.join('\n')}\n`;
}
