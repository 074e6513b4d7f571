import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  diffDesigns,
  planMigration,
  summarizeChanges,
  type DesignChange,
  type Migration,
  type MigrationMode,
} from '../core/diff';
import { comparisonDesign } from '../core/diff/comparisonDesign';
import { makeDocument, type DesignDocument } from '../core/model';
import type { MigrationVerifier } from '../db/verifyClient';
import type { VerifyResult } from '../db/verifyMigration';
import { editedDocument, type StudioStore } from '../state/store';
import type { Versions } from './versions';

export type Verification =
  | { state: 'running' }
  | { state: 'done'; result: VerifyResult }
  | { state: 'error'; message: string };

export interface ComparisonState {
  /** Null when no comparison is open. */
  open: null | {
    fromLabel: string;
    toLabel: string;
    from: DesignDocument;
    to: DesignDocument;
    changes: DesignChange[];
    mode: MigrationMode;
    migration: Migration;
    verification: Verification;
  };
}

/**
 * Compare two versions (or a version and the design now): the canvas shows the result colored,
 * the panel lists every change and the migration, which Postgres verifies in a worker.
 */
export interface Comparison {
  state: StoreApi<ComparisonState>;
  compare(fromVersionId: string, to: string | 'current'): Promise<void>;
  setMode(mode: MigrationMode): void;
  close(): void;
}

export function createComparison(deps: {
  store: StudioStore;
  versions: Versions;
  verifier: MigrationVerifier;
}): Comparison {
  const state = createStore<ComparisonState>()(() => ({ open: null }));
  const verify = (from: DesignDocument, to: DesignDocument, mode: MigrationMode) => {
    const started = state.getState().open;
    void deps.verifier.verify(from.design, to.design, mode).then((r) => {
      const now = state.getState().open;
      // A result for a comparison or mode no longer shown is dropped.
      if (!now || (now !== started && (now.from !== from || now.to !== to || now.mode !== mode)))
        return;
      state.setState({
        open: {
          ...now,
          verification: r.ok
            ? { state: 'done', result: r.result }
            : { state: 'error', message: r.message },
        },
      });
    });
  };
  // Leaving the preview (Back to editing, opening another design) closes the comparison.
  deps.store.subscribe((s, prev) => {
    if (prev.preview?.kind === 'compare' && s.preview?.kind !== 'compare')
      state.setState({ open: null });
  });
  return {
    state,
    async compare(fromId, to) {
      const label = (id: string) =>
        deps.versions.state.getState().list.find((v) => v.id === id)?.name ?? 'version';
      const from = await deps.versions.load(fromId);
      const target =
        to === 'current' ? editedDocument(deps.store.getState()) : await deps.versions.load(to);
      if (!from || !target) return;
      const changes = diffDesigns(from.design, target.design);
      const summary = summarizeChanges(changes);
      const shown = comparisonDesign(from, target, summary);
      const fromLabel = `“${label(fromId)}”`;
      const toLabel = to === 'current' ? 'now' : `“${label(to)}”`;
      const mode: MigrationMode = state.getState().open?.mode ?? 'safe';
      state.setState({
        open: {
          fromLabel,
          toLabel,
          from,
          to: target,
          changes,
          mode,
          migration: planMigration(from.design, target.design, { mode }),
          verification: { state: 'running' },
        },
      });
      deps.store.getState().enterPreview(makeDocument(shown.design, shown.layout), {
        kind: 'compare',
        label: `Comparing ${fromLabel} with ${toLabel}`,
        overlay: summary,
        versionId: fromId,
      });
      verify(from, target, mode);
    },
    setMode(mode) {
      const open = state.getState().open;
      if (!open || open.mode === mode) return;
      state.setState({
        open: {
          ...open,
          mode,
          migration: planMigration(open.from.design, open.to.design, { mode }),
          verification: { state: 'running' },
        },
      });
      verify(open.from, open.to, mode);
    },
    close() {
      deps.store.getState().exitPreview();
    },
  };
}
