import { createStore, type StoreApi } from 'zustand/vanilla';

/** Long work in a worker (layout, import) that the toolbar shows with its progress. */
export interface Activity {
  message: string;
  done?: number;
  total?: number;
  /** Stops the work; the indicator offers it as a Cancel button. */
  cancel?: () => void;
}

export type ActivityStore = StoreApi<{ current: Activity | null }>;

export function createActivityStore(): ActivityStore {
  return createStore<{ current: Activity | null }>()(() => ({ current: null }));
}
