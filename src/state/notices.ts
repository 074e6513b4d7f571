import { createStore, type StoreApi } from 'zustand/vanilla';

/** A message for the user, optionally with one action (e.g. the fix for a type mismatch). */
export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

export interface NoticeState {
  notices: Notice[];
  push(n: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
}

export type NoticeStore = StoreApi<NoticeState>;

export function createNoticeStore(): NoticeStore {
  let next = 1;
  return createStore<NoticeState>()((set, get) => ({
    notices: [],
    push: (n) => {
      const id = next++;
      set({ notices: [...get().notices.slice(-4), { ...n, id }] });
      return id;
    },
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  }));
}
