import type { Design, Layout } from '../core/model';
import { designFromRead, type ReadMemo } from '../core/ops/designFromRead';
import type { Result } from '../core/result';
import type { DraftError, DraftStore } from '../state/ddlDraft';
import type { StudioStore } from '../state/store';
import { requestReveal } from '../state/revealRequest';

/**
 * Why typed SQL did not become the design: PostgreSQL refused statements (`failed`, each error
 * placed in the text), or the reading was stopped (`interrupted`: cancelled, timed out, or its
 * worker restarted; one error saying so).
 */
export interface DdlReadError {
  status: 'failed' | 'interrupted';
  errors: DraftError[];
}

/** SQL -> design through Postgres (the worker's scratch database). */
export type SqlToDesign = (sql: string) => Promise<Result<Design, DdlReadError>>;

/** Positions for tables that are new to the layout, near their neighbours and clear of others. */
export type PlaceNewTables = (
  design: Design,
  layout: Layout,
  newTableIds: string[],
) => Layout['tables'];

export interface DdlEditingOptions {
  store: StudioStore;
  draft: DraftStore;
  toDesign: SqlToDesign;
  placeNewTables: PlaceNewTables;
  /** Remember (or forget, with undefined) the typed text so a reload loses nothing. */
  persistDraft(text: string | undefined): void;
  /** Quiet time after typing before Postgres reads the SQL. */
  debounceMs?: number;
  /** A fast syntax check (the real parser, no database): its error is shown at once. */
  checkSyntax?: (sql: string) => Promise<DraftError | undefined>;
}

/**
 * Two-way DDL: text typed in the DDL pane becomes the design once Postgres has read it. One undo
 * history covers both ways, since an applied edit is an ordinary store change. While the SQL is
 * invalid the diagram keeps its last valid state and the text stays as typed.
 */
export function startDdlEditing(o: DdlEditingOptions) {
  const { store, draft } = o;
  const debounceMs = o.debounceMs ?? 700;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let syntaxTimer: ReturnType<typeof setTimeout> | undefined;
  // The syntax of the last text checked: the read after the pause needs the same answer, and
  // parsing a 1,000-table script twice costs what the whole incremental read does.
  // What the last read became: the next read reconciles only the tables that changed since.
  let memo: ReadMemo | undefined;
  let lastSyntax: { text: string; error: DraftError | undefined } | undefined;
  const syntaxOf = async (text: string) => {
    if (lastSyntax?.text === text) return lastSyntax.error;
    const error = await o.checkSyntax?.(text);
    lastSyntax = { text, error };
    return error;
  };

  const markSyntax = async (text: string) => {
    const error = await syntaxOf(text);
    const d = draft.getState();
    if (d.text !== text || d.phase !== 'waiting') return;
    draft.setState({ errors: error ? [error] : [] });
  };

  const end = () => {
    clearTimeout(timer);
    draft.setState({ text: null, phase: 'idle', errors: [], appliedDesign: null });
    o.persistDraft(undefined);
  };

  // A change made elsewhere (canvas, inspector, undo) ends the draft: the DDL follows the design again.
  const unsubscribe = store.subscribe((s, prev) => {
    const d = draft.getState();
    if (s.design !== prev.design && d.text !== null && s.design !== d.appliedDesign) end();
  });

  const apply = async () => {
    const text = draft.getState().text;
    if (text === null) return;
    const started = performance.now();
    const phases: Record<string, number> = {};
    let lapAt = started;
    const lap = (name: string) => {
      const t = performance.now();
      phases[name] = Math.round((t - lapAt) * 10) / 10;
      lapAt = t;
    };
    const syntax = await syntaxOf(text);
    lap('syntax');
    if (draft.getState().text !== text) return;
    if (syntax) {
      draft.setState({ phase: 'invalid', errors: [syntax] });
      return;
    }
    draft.setState({ phase: 'applying' });
    const result = await o.toDesign(text);
    lap('read');
    if (draft.getState().text !== text) return; // typed on meanwhile: the newer text is scheduled
    if (!result.ok) {
      draft.setState({ phase: 'invalid', errors: result.error.errors });
      return;
    }
    const { design, layout } = store.getState();
    // Ids kept (a rename stays a rename), the person's spelling, unchanged tables the same objects
    // (the canvas and the check skip them); only what changed since the last read is reconciled.
    const read = designFromRead(design, result.value, memo);
    memo = read.memo;
    const next = read.design;
    lap('reconcile');
    const kept: Layout['tables'] = {};
    const fresh: string[] = [];
    for (const id of Object.keys(next.tables)) {
      const entry = layout.tables[id];
      if (entry) kept[id] = entry;
      else fresh.push(id);
    }
    const base: Layout = { ...layout, tables: kept };
    const placed = fresh.length ? o.placeNewTables(next, base, fresh) : {};
    lap('place');
    draft.setState({ phase: 'applied', errors: [], appliedDesign: next });
    store
      .getState()
      .dispatchBoth(() => ({ design: next, layout: { ...base, tables: { ...kept, ...placed } } }));
    o.persistDraft(undefined);
    // The tables the SQL added are selected and, where the canvas is near, shown: the person sees
    // what they typed (placed by its neighbours, maybe outside the view).
    if (fresh.length) {
      store.getState().select({ tableIds: fresh });
      requestReveal(fresh[0] as string, 'follow');
    }
    lap('dispatch');
    // In the page's performance timeline (DevTools shows it; the benchmark prints it).
    performance.measure('tablewright: DDL pane applied', {
      start: started,
      end: lapAt,
      detail: phases,
    });
  };

  return {
    /** The user typed: remember the text, read it after a pause. */
    edit(text: string) {
      draft.setState({ text, phase: 'waiting' });
      o.persistDraft(text);
      clearTimeout(timer);
      clearTimeout(syntaxTimer);
      // Syntax at once (a short pause so each keystroke is not parsed), Postgres after a longer one.
      syntaxTimer = setTimeout(() => void markSyntax(text), 120);
      timer = setTimeout(() => void apply(), debounceMs);
    },
    /** Throw the typed text away and show the design's DDL again. */
    discard: end,
    /** Restore a draft saved before a reload; it is read again like fresh typing. */
    restore(text: string) {
      this.edit(text);
    },
    stop() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}

export type DdlEditing = ReturnType<typeof startDdlEditing>;
