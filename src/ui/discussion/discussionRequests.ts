import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Thread, ThreadTarget } from '../../core/model';
import { openThreadCounts } from '../../core/ops/discussion';
import type { StudioStore } from '../../state/store';

/**
 * Asking for the Discussion panel from elsewhere (a table's menu, the inspector): what to start a
 * thread on, or which thread to show. One per studio, kept beside its store rather than in it,
 * since it is only where the panel should look.
 */
export interface DiscussionRequest {
  /** A new thread is being written on this target. */
  draft: ThreadTarget | null;
  /** Bumped on each request, so asking twice for the same target still brings the panel up. */
  seq: number;
}

const requests = new WeakMap<StudioStore, StoreApi<DiscussionRequest>>();

export function discussionRequests(store: StudioStore): StoreApi<DiscussionRequest> {
  let found = requests.get(store);
  if (!found) {
    found = createStore<DiscussionRequest>(() => ({ draft: null, seq: 0 }));
    requests.set(store, found);
  }
  return found;
}

/** Opens the Discussion panel with a new thread on `target` being written. */
export function startDiscussion(store: StudioStore, target: ThreadTarget): void {
  const r = discussionRequests(store);
  r.setState({ draft: target, seq: r.getState().seq + 1 });
}

/** Open threads per table, counted once per change of the threads list (badges on 1,000 tables). */
const countsByList = new WeakMap<readonly Thread[], ReadonlyMap<string, number>>();
export function openThreadCount(threads: readonly Thread[], tableId: string): number {
  let counts = countsByList.get(threads);
  if (!counts) {
    counts = openThreadCounts(threads);
    countsByList.set(threads, counts);
  }
  return counts.get(tableId) ?? 0;
}
