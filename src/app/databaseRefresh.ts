import { parseDesign, type Design, type Layout } from '../core/model';
import type { ImportReport } from '../core/import/report';
import { detectImportKind } from '../core/import/importKind';
import { refreshDesign, type RefreshSummary } from '../core/ops/refreshDesign';
import { err, ok, type Result } from '../core/result';
import { placeNewTables } from '../layout/placeNewTables';
import type { StudioStore } from '../state/store';
import type { ImportProgress, ReadSql } from './importer';

/**
 * "Update from database": the current design refreshed from a newer reading of its database
 * (`pg_dump --schema-only` output read by PostgreSQL, or a design file `tablewright pull` wrote),
 * keeping its layout (core/ops/refreshDesign), new tables placed beside their neighbours. First a
 * preview the person confirms, then one undo step.
 */
export interface RefreshPreview {
  summary: RefreshSummary;
  /** SQL statements PostgreSQL refused: what they create is missing from the reading. */
  failed: ImportReport['failed'];
  reading: Design;
}

export interface DatabaseRefresh {
  preview(
    text: string,
    fileName: string | undefined,
    onProgress: (p: ImportProgress) => void,
  ): Promise<Result<RefreshPreview, { message: string }>>;
  /** Applies the reading to the design as it is now, as one undo step. */
  apply(preview: RefreshPreview): void;
}

export function createDatabaseRefresh(deps: {
  store: StudioStore;
  readSql: ReadSql;
}): DatabaseRefresh {
  const refreshed = (reading: Design) => {
    const { design, layout } = deps.store.getState();
    const out = refreshDesign(design, layout, reading);
    const placed = placeNewTables(out.design, out.layout, out.addedTableIds);
    const next: Layout = { ...out.layout, tables: { ...out.layout.tables, ...placed } };
    return { ...out, layout: next };
  };
  return {
    async preview(text, fileName, onProgress) {
      const kind = detectImportKind(fileName, text);
      let reading: Design;
      let failed: ImportReport['failed'] = [];
      if (kind === 'json') {
        const doc = parseDesign(text);
        if (!doc.ok) return err({ message: doc.error.message });
        reading = doc.value.design;
      } else if (kind === 'sql') {
        const read = await deps.readSql(text, onProgress);
        if (!read.ok) return err({ message: read.error.message });
        reading = read.value.design;
        failed = read.value.report.failed;
      } else {
        return err({
          message:
            'Update from database reads pg_dump --schema-only output (SQL) or a design file written by tablewright pull (.json). To bring in DBML or an ORM schema, use Import.',
        });
      }
      if (Object.keys(reading.tables).length === 0 && reading.extras.length === 0)
        return err({
          message:
            'The reading has no table: nothing to update from (the whole design would be removed). Check that it is the schema of this design’s database.',
        });
      return ok({ summary: refreshed(reading).summary, failed, reading });
    },
    apply(preview) {
      const out = refreshed(preview.reading);
      deps.store.getState().dispatchBoth(() => ({ design: out.design, layout: out.layout }));
    },
  };
}
