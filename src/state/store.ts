import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  exampleDocument,
  makeDocument,
  type Design,
  type DesignDocument,
  type Layout,
  type Viewport,
} from '../core/model';
import { pushPast, type History, type Snapshot } from './history';

/** What is selected on the canvas. Column selection drives the inspector's focus. */
export interface Selection {
  tableIds: string[];
  columnId?: string;
}

export interface DispatchOptions {
  /** false for continuous changes (a drag in progress); the gesture commits one step at its end. */
  history?: boolean;
}

export interface StudioState {
  design: Design;
  layout: Layout;
  selection: Selection;
  history: History;
  /** Snapshot taken at the start of a gesture (drag), committed as one undo step on its end. */
  gestureStart: Snapshot | undefined;
  /** Bumped on every change to design or layout; persistence and the checker watch it. */
  revision: number;
  /** True while a shared/read-only design is shown. */
  readOnly: boolean;
  /** Show only this schema's tables on the canvas (a schema id), or all when null. View state. */
  schemaFilter: string | null;
  /** Bumped by `load`: the canvas moves to the loaded document's viewport. */
  loadCount: number;
  /**
   * Set while something other than the edited design is on screen, read-only: a version, or a
   * comparison of two. The edited design waits in `stash`, untouched, history and all.
   */
  preview: Preview | null;
  /** Focus mode: one table and its neighbours bright, the rest dimmed or hidden. View state. */
  focus: FocusView | null;
  /** The reach and hiding last chosen: the next focus starts with them. View state. */
  focusReach: Pick<FocusView, 'hops' | 'hideOthers'>;
  setFocus(focus: FocusView | null): void;
  /** The Find path panel, open when set: the two tables whose chain of keys is drawn. View state. */
  pathEnds: PathEnds | null;
  setPathEnds(ends: PathEnds | null): void;
  /** Every table drawn with its key columns only (as a collapsed table is). View state. */
  keysOnly: boolean;
  setKeysOnly(keysOnly: boolean): void;
  /** Tables a query plan touches, lit on the canvas by the EXPLAIN lab. View state. */
  litTableIds: readonly string[];
  setLit(ids: readonly string[]): void;
  stash: (Snapshot & { history: History; selection: Selection }) | null;
  /**
   * Set while in a live room: Undo and Redo act on this person's own changes only (the room's
   * undo manager), and the store records no history of its own meanwhile.
   */
  personalUndo: PersonalUndo | null;
  setPersonalUndo(undo: PersonalUndo | null): void;
  /**
   * Shows the design as the room has it now (a teammate's change, or an undo of mine): not an
   * undo step, allowed while read-only; the viewport stays this person's.
   */
  applyShared(design: Design, layout: Layout): void;

  /** The one entry point for design changes: a pure op applied to the current design. */
  dispatch(op: (d: Design) => Design, options?: DispatchOptions): void;
  /** Change design and layout together (e.g. add a table at a position) as one step. */
  dispatchBoth(
    op: (d: Design, l: Layout) => { design: Design; layout: Layout },
    options?: DispatchOptions,
  ): void;
  setLayout(op: (l: Layout) => Layout, options?: DispatchOptions): void;
  /** Viewport changes are saved but are not undo steps. */
  setViewport(v: Viewport): void;
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  setSchemaFilter(schemaId: string | null): void;
  /** Replace the whole document (open, new design); clears history. A shared link opens read-only. */
  load(doc: DesignDocument, selection?: Selection, options?: { readOnly?: boolean }): void;
  /** Shows `doc` read-only in place of the edited design (kept in `stash`) until `exitPreview`. */
  enterPreview(doc: DesignDocument, preview: Preview): void;
  exitPreview(): void;
}

export type StudioStore = StoreApi<StudioState>;

/** Undo and Redo in a live room (see `personalUndo`). */
export interface PersonalUndo {
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

/** How far focus mode reaches, in foreign keys. */
export type FocusHops = 1 | 2 | 3;

/** Focus mode: `tableId` and the tables up to `hops` keys away; the rest dimmed, or hidden. */
export interface FocusView {
  tableId: string;
  hops: FocusHops;
  hideOthers: boolean;
}

/** The two tables the Find path panel joins (by id); either may still be unchosen. */
export interface PathEnds {
  fromId: string | null;
  toId: string | null;
}

/** What is previewed, and for comparisons, how each table and column changed. */
export interface Preview {
  label: string;
  kind: 'version' | 'compare';
  /** The version previewed or compared from. */
  versionId?: string;
  overlay?: ChangeOverlay;
}

export type ChangeStatus = 'added' | 'removed' | 'changed';
/** Colors for the canvas: by table id and by column id. */
export interface ChangeOverlay {
  tables: Record<string, ChangeStatus>;
  columns: Record<string, ChangeStatus>;
}

/** A store per studio (and a fresh one per test), never a module singleton. */
export function createStudioStore(initial: DesignDocument = exampleDocument()): StudioStore {
  return createStore<StudioState>()((set, get) => {
    const commit = (next: { design: Design; layout: Layout }, options?: DispatchOptions) => {
      const s = get();
      if (s.readOnly) return;
      if (next.design === s.design && next.layout === s.layout) return;
      const recordStep = (options?.history ?? true) && !s.gestureStart && !s.personalUndo;
      set({
        ...next,
        history: recordStep
          ? pushPast(s.history, { design: s.design, layout: s.layout })
          : s.history,
        selection: pruneSelection(s.selection, next.design),
        revision: s.revision + 1,
      });
    };
    return {
      design: initial.design,
      layout: initial.layout,
      selection: { tableIds: [] },
      history: { past: [], future: [] },
      gestureStart: undefined,
      revision: 0,
      readOnly: false,
      schemaFilter: null,
      loadCount: 0,
      preview: null,
      stash: null,
      personalUndo: null,
      setPersonalUndo: (personalUndo) =>
        set(personalUndo ? { personalUndo } : { personalUndo, history: { past: [], future: [] } }),
      applyShared: (design, layout) => {
        const s = get();
        set({
          design,
          layout: { ...layout, viewport: s.layout.viewport },
          selection: pruneSelection(s.selection, design),
          revision: s.revision + 1,
        });
      },
      focus: null,
      focusReach: { hops: 1, hideOthers: false },
      setFocus: (focus) =>
        set(
          focus
            ? { focus, focusReach: { hops: focus.hops, hideOthers: focus.hideOthers } }
            : { focus },
        ),
      pathEnds: null,
      setPathEnds: (pathEnds) => set({ pathEnds }),
      keysOnly: false,
      setKeysOnly: (keysOnly) => set({ keysOnly }),
      litTableIds: [],
      setLit: (litTableIds) => set({ litTableIds }),
      setSchemaFilter: (schemaFilter) => set({ schemaFilter }),
      dispatch: (op, options) =>
        commit({ design: op(get().design), layout: get().layout }, options),
      dispatchBoth: (op, options) => commit(op(get().design, get().layout), options),
      setLayout: (op, options) =>
        commit({ design: get().design, layout: op(get().layout) }, options),
      setViewport: (viewport) => {
        const { layout } = get();
        const v = layout.viewport;
        if (v.x === viewport.x && v.y === viewport.y && v.zoom === viewport.zoom) return;
        set({ layout: { ...layout, viewport }, revision: get().revision + 1 });
      },
      beginGesture: () => {
        const s = get();
        if (!s.gestureStart) set({ gestureStart: { design: s.design, layout: s.layout } });
      },
      endGesture: () => {
        const s = get();
        const start = s.gestureStart;
        if (!start) return;
        const changed = start.design !== s.design || start.layout.tables !== s.layout.tables;
        const record = changed && !s.personalUndo;
        set({ gestureStart: undefined, history: record ? pushPast(s.history, start) : s.history });
      },
      undo: () => {
        const s = get();
        if (s.personalUndo && !s.readOnly) return s.personalUndo.undo();
        const prev = s.history.past[s.history.past.length - 1];
        if (!prev || s.readOnly) return;
        set({
          design: prev.design,
          layout: { ...prev.layout, viewport: s.layout.viewport },
          history: {
            past: s.history.past.slice(0, -1),
            future: [{ design: s.design, layout: s.layout }, ...s.history.future],
          },
          selection: pruneSelection(s.selection, prev.design),
          revision: s.revision + 1,
        });
      },
      redo: () => {
        const s = get();
        if (s.personalUndo && !s.readOnly) return s.personalUndo.redo();
        const next = s.history.future[0];
        if (!next || s.readOnly) return;
        set({
          design: next.design,
          layout: { ...next.layout, viewport: s.layout.viewport },
          history: {
            past: [...s.history.past, { design: s.design, layout: s.layout }],
            future: s.history.future.slice(1),
          },
          selection: pruneSelection(s.selection, next.design),
          revision: s.revision + 1,
        });
      },
      select: (selection) => set({ selection }),
      enterPreview: (doc, preview) => {
        const s = get();
        const stash = s.stash ?? {
          design: s.design,
          layout: s.layout,
          history: s.history,
          selection: s.selection,
        };
        set({
          stash,
          preview,
          readOnly: true,
          design: doc.design,
          // The canvas stays where the person was looking.
          layout: { ...doc.layout, viewport: s.layout.viewport },
          history: { past: [], future: [] },
          selection: { tableIds: [] },
          gestureStart: undefined,
          revision: s.revision + 1,
        });
      },
      exitPreview: () => {
        const s = get();
        if (!s.stash) return;
        const { design, layout, history, selection } = s.stash;
        set({
          design,
          layout: { ...layout, viewport: s.layout.viewport },
          history,
          selection,
          stash: null,
          preview: null,
          readOnly: false,
          revision: s.revision + 1,
        });
      },
      load: (doc, selection, options) =>
        set({
          preview: null,
          stash: null,
          readOnly: options?.readOnly ?? false,
          design: doc.design,
          layout: doc.layout,
          selection: pruneSelection(selection ?? { tableIds: [] }, doc.design),
          history: { past: [], future: [] },
          gestureStart: undefined,
          schemaFilter: null,
          focus: null,
          pathEnds: null,
          loadCount: get().loadCount + 1,
          revision: get().revision + 1,
        }),
    };
  });
}

function pruneSelection(sel: Selection, design: Design): Selection {
  const tableIds = sel.tableIds.filter((id) => design.tables[id]);
  const first = tableIds.length === 1 ? design.tables[tableIds[0] as string] : undefined;
  const columnId =
    first && sel.columnId && first.columns.some((c) => c.id === sel.columnId)
      ? sel.columnId
      : undefined;
  if (tableIds.length === sel.tableIds.length && columnId === sel.columnId) return sel;
  return columnId ? { tableIds, columnId } : { tableIds };
}

export function currentDocument(s: Pick<StudioState, 'design' | 'layout'>): DesignDocument {
  return makeDocument(s.design, s.layout);
}

/** The design being edited: the one on screen, or the one waiting while a preview is shown. */
export function editedDocument(
  s: Pick<StudioState, 'design' | 'layout' | 'stash'>,
): DesignDocument {
  return s.stash
    ? makeDocument(s.stash.design, { ...s.stash.layout, viewport: s.layout.viewport })
    : makeDocument(s.design, s.layout);
}
