/**
 * `pull --into`: the design a person keeps, brought up to date with what the database holds now,
 * exactly as the studio's "Update from database" does (core/ops/refreshDesign: ids, positions,
 * colours, comments the database lacks, notes, review settings and saved queries kept), with the
 * new tables placed beside their neighbours and the removed ones named.
 */
import type { Design, DesignDocument } from '../../core/model';
import { refreshDesign } from '../../core/ops/refreshDesign';
import { placeNewTables } from '../../layout/placeNewTables';

export interface Refreshed {
  document: DesignDocument;
  /** Qualified names of tables (and views) that are new (placed near their neighbours). */
  added: string[];
  /** Qualified names of the design's tables (and views) the database no longer has. */
  removed: string[];
  /** How many of the design's tables are still there (ids and layout kept). */
  kept: number;
}

export function refreshInto(previous: DesignDocument, pulled: Design): Refreshed {
  const refreshed = refreshDesign(previous.design, previous.layout, pulled);
  const { design, layout, addedTableIds, summary } = refreshed;
  const placed = addedTableIds.length > 0 ? placeNewTables(design, layout, addedTableIds) : {};
  return {
    document: {
      ...previous,
      design,
      layout: { ...layout, tables: { ...layout.tables, ...placed } },
    },
    added: summary.added,
    removed: summary.removed,
    kept: Object.keys(previous.design.tables).filter((id) => design.tables[id]).length,
  };
}
