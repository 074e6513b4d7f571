import type { Result } from '../core/result';
import type { DesignRepo } from '../persistence/designRepo';
import type { StudioStore } from '../state/store';

/**
 * The open design's view state, stored beside it: the selection and DDL typed but not yet valid.
 * Debounced, so IndexedDB is not written on every click or keystroke; flushed when the page hides.
 */
export interface DesignUiState {
  /** Remember (or forget) DDL typed but not yet valid; stored within a fraction of a second. */
  setDraft(text: string | undefined): void;
  /** A stored design was opened: the draft typed for the one before is not its draft. */
  forgetDraft(): void;
  /** Store the selection as it changes from now on (a design was attached). */
  followSelection(): void;
  stopFollowingSelection(): void;
  /** Store what is pending now. */
  flush(): void;
  /** Drop what is pending without storing it (the session is closing). */
  cancel(): void;
}

export function createDesignUiState(deps: {
  store: StudioStore;
  /** Where the view state goes: the storage and the stored design that is open, if any. */
  target(): { repo: DesignRepo; designId: string } | undefined;
  /** Says a failed write (it loses no design work, but the person should know). */
  reportWrite(r: Result<unknown, { message: string }>): void;
}): DesignUiState {
  const { store } = deps;
  let draftText: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopSelection: (() => void) | undefined;

  const current = () => {
    const sel = store.getState().selection;
    return {
      selection: sel.tableIds,
      ...(sel.columnId ? { columnId: sel.columnId } : {}),
      ...(draftText !== undefined ? { ddlDraft: draftText } : {}),
    };
  };
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    const target = deps.target();
    if (target)
      void target.repo.setDesignUiState(target.designId, current()).then(deps.reportWrite);
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };
  const stopFollowingSelection = () => {
    stopSelection?.();
    stopSelection = undefined;
  };

  return {
    setDraft(text) {
      draftText = text;
      // Typing saves within a fraction of a second; IndexedDB is not hit on every keystroke.
      schedule(250);
    },
    forgetDraft() {
      draftText = undefined;
    },
    followSelection() {
      stopSelection?.();
      stopSelection = store.subscribe((s, prev) => {
        if (s.selection !== prev.selection) schedule(200);
      });
    },
    stopFollowingSelection,
    flush,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
