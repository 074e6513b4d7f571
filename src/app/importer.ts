import { makeDocument, newId, type Design, type DesignDocument, type Layout } from '../core/model';
import type { ImportReport } from '../core/import/report';
import { err, ok, type Result } from '../core/result';
import { mergeDesigns } from '../core/ops/mergeDesigns';
import type { LayoutClient } from '../layout/client';
import { placeNewTables } from '../layout/placeNewTables';
import type { StudioStore } from '../state/store';
import { NODE_WIDTH, tableSizes, viewSize } from '../core/geometry/tableGeometry';
import { requestFitView } from '../state/revealRequest';

/** Progress as the dialog shows it. */
export interface ImportProgress {
  message: string;
  done?: number;
  total?: number;
}

/**
 * Why SQL gave no design: PostgreSQL could not read it at all (`failed`: the scratch database did
 * not start), or the reading was stopped (`interrupted`: cancelled, timed out, or its worker
 * restarted). The message is the sentence the person reads.
 */
export interface SqlReadError {
  status: 'failed' | 'interrupted';
  message: string;
}

/** SQL -> design through Postgres in the worker, with its report. */
export type ReadSql = (
  sql: string,
  onProgress: (p: ImportProgress) => void,
) => Promise<Result<{ design: Design; report: ImportReport }, SqlReadError>>;

/** An import that ran: its report, and one sentence saying what became of the design. */
export interface Imported {
  report: ImportReport;
  summary: string;
}

export type ImportOutcome = Result<Imported, SqlReadError>;
export interface ImportOptions {
  mode: 'new' | 'merge';
  name: string;
  /**
   * Aborting stops the import wherever it is (Postgres reading the SQL, the layout worker
   * arranging it); it answers `interrupted` and nothing is opened or changed.
   */
  signal?: AbortSignal;
}

/** The answer of an import stopped after its SQL was read (or before anything ran). */
export const IMPORT_CANCELLED: SqlReadError = {
  status: 'interrupted',
  message: 'Import cancelled: the current design is unchanged.',
};

export interface Importer {
  importSql(
    sql: string,
    options: ImportOptions,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportOutcome>;
  /**
   * A design read elsewhere (DBML, a design file): laid out unless it brings its own layout, then
   * opened or merged exactly as an SQL import is.
   */
  importDesign(
    design: Design,
    layout: Layout | undefined,
    options: ImportOptions,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportOutcome>;
}

/** A report for imports that ran no SQL. */
export function reportWithoutSql(notes: string[] = []): ImportReport {
  return {
    statements: 0,
    executed: 0,
    skipped: [],
    failed: [],
    extensionsLoaded: [],
    extensionsMissing: [],
    notes,
  };
}

/**
 * Import: Postgres reads the SQL, the layout worker arranges it, and the result opens as a new
 * design or merges into the current one as one undo step. Nothing of the user's is overwritten.
 */
export function createImporter(deps: {
  store: StudioStore;
  readSql: ReadSql;
  /** Stops the SQL reading in flight (the scratch Postgres is restarted; it answers interrupted). */
  cancelRead(): void;
  layout: LayoutClient;
  openDocument(doc: DesignDocument): Promise<void>;
}): Importer {
  const place = async (
    imported: Design,
    given: Layout | undefined,
    report: ImportReport,
    { mode, name, signal }: ImportOptions,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportOutcome> => {
    if (signal?.aborted) return err(IMPORT_CANCELLED);
    const tables = Object.keys(imported.tables).length;
    const views = imported.extras.filter((x) => x.columns).length;
    const counted = `${tables} ${tables === 1 ? 'table' : 'tables'}${views ? ` and ${views} ${views === 1 ? 'view' : 'views'}` : ''}`;

    if (mode === 'new' && given) {
      await deps.openDocument(makeDocument({ ...imported, id: newId('d'), name }, given));
      return ok({ report, summary: `Opened ${counted} as the new design “${name}”.` });
    }
    if (mode === 'new') {
      onProgress({ message: `Laying out ${counted}…` });
      const design: Design = { ...imported, id: newId('d'), name };
      const empty: Layout = { tables: {}, notes: {}, viewport: { x: 0, y: 0, zoom: 1 } };
      const patch = await stoppedOnAbort(signal, deps.layout.cancel, () =>
        deps.layout.layout(design, empty, {}, (p) => {
          if (p.phase === 'layout')
            onProgress({ message: `Laying out ${counted}…`, done: p.done, total: p.total });
          if (p.phase === 'routing')
            onProgress({ message: 'Routing lines…', done: p.done, total: p.total });
        }),
      );
      // Stopped while laying out: no grid stands in, nothing opens.
      if (signal?.aborted) return err(IMPORT_CANCELLED);
      // The layout worker places views beside the tables they read from.
      const layout: Layout = patch.ok
        ? { ...empty, tables: patch.value.tables, routes: patch.value.routes }
        : { ...empty, tables: gridFallback(design) };
      await deps.openDocument(
        makeDocument(design, { ...layout, viewport: fitViewport(design, layout) }),
      );
      requestFitView();
      return ok({
        report,
        summary: `Imported ${counted} into the new design “${name}”.${patch.ok ? '' : ` (Auto-layout failed: ${patch.error.message}; tables are in a grid.)`}`,
      });
    }

    const state = deps.store.getState();
    const merged = mergeDesigns(state.design, imported);
    const addedTables = merged.addedIds.filter((id) => merged.design.tables[id]);
    const addedViews = merged.addedIds.filter((id) => !merged.design.tables[id]);
    const placed = placeNewTables(merged.design, state.layout, addedTables);
    const layout = withViews(
      merged.design,
      { ...state.layout, tables: { ...state.layout.tables, ...placed } },
      addedViews,
    );
    state.dispatchBoth(() => ({ design: merged.design, layout }));
    report.notes.push(...merged.notes);
    return ok({
      report,
      summary: `Merged ${addedTables.length} new ${addedTables.length === 1 ? 'table' : 'tables'} into “${state.design.name}” (undo with Ctrl+Z).`,
    });
  };
  return {
    async importSql(sql, options, onProgress) {
      if (options.signal?.aborted) return err(IMPORT_CANCELLED);
      const read = await stoppedOnAbort(options.signal, deps.cancelRead, () =>
        deps.readSql(sql, onProgress),
      );
      if (!read.ok) return read;
      // Another database's dump PostgreSQL refused: an empty new design would only hide the
      // sentence saying what the file is. Nothing opens; the report says why.
      if (read.value.report.dialect && isEmptyDesign(read.value.design))
        return ok({
          report: read.value.report,
          summary: 'Nothing was imported: the current design is unchanged.',
        });
      return place(read.value.design, undefined, read.value.report, options, onProgress);
    },
    importDesign: (design, layout, options, onProgress) =>
      place(design, layout, reportWithoutSql(), options, onProgress),
  };
}

/** Nothing came out of a read: no table, enum or kept object, no schema but public. */
function isEmptyDesign(design: Design): boolean {
  return (
    Object.keys(design.tables).length === 0 &&
    Object.keys(design.enums).length === 0 &&
    design.extras.length === 0 &&
    Object.values(design.schemas).every((s) => s.name === 'public')
  );
}

/** Runs `work`, calling `stop` if `signal` aborts meanwhile. */
async function stoppedOnAbort<T>(
  signal: AbortSignal | undefined,
  stop: () => void,
  work: () => Promise<T>,
): Promise<T> {
  if (!signal) return work();
  // Aborted already (from a progress callback, as the work was about to be asked for): the
  // work is stopped as soon as it starts.
  const abortedBefore = signal.aborted;
  const onAbort = () => stop();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const working = work();
    if (abortedBefore) stop();
    return await working;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Merged-in views go in a row under everything else (placeNewTables places tables only). */
function withViews(design: Design, layout: Layout, viewIds: string[]): Layout {
  if (viewIds.length === 0) return layout;
  const sizes = tableSizes(design, layout);
  let bottom = 0;
  for (const [id, l] of Object.entries(layout.tables))
    bottom = Math.max(bottom, l.y + (sizes.get(id)?.height ?? 0));
  const tables = { ...layout.tables };
  let x = 0;
  for (const id of viewIds) {
    tables[id] = { x, y: bottom + 120 };
    x += NODE_WIDTH + 60;
  }
  return { ...layout, tables };
}

function gridFallback(design: Design): Layout['tables'] {
  const ids = Object.keys(design.tables);
  const perRow = Math.ceil(Math.sqrt(ids.length));
  return Object.fromEntries(
    ids.map((id, i) => [id, { x: (i % perRow) * 340, y: Math.floor(i / perRow) * 420 }]),
  );
}

/** Frames the laid-out tables in a typical canvas (about 1,000 x 600 px), top-left aligned. */
function fitViewport(design: Design, layout: Layout): Layout['viewport'] {
  const sizes = tableSizes(design, layout);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [id, l] of Object.entries(layout.tables)) {
    minX = Math.min(minX, l.x);
    minY = Math.min(minY, l.y);
    maxX = Math.max(maxX, l.x + (sizes.get(id)?.width ?? NODE_WIDTH));
    maxY = Math.max(maxY, l.y + (sizes.get(id)?.height ?? viewSize(0).height));
  }
  if (!Number.isFinite(minX)) return { x: 0, y: 0, zoom: 1 };
  const zoom = Math.max(0.05, Math.min(1, 1000 / (maxX - minX + 80), 600 / (maxY - minY + 80)));
  return { x: 24 - minX * zoom, y: 16 - minY * zoom, zoom };
}
