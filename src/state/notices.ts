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
  /** Keeps a notice on screen while the pointer or focus is on it (a person is reading it). */
  hold(id: number): void;
  /** Starts its countdown again when the pointer or focus leaves. */
  release(id: number): void;
}

export type NoticeStore = StoreApi<NoticeState>;

/** At most this many notices on screen: the oldest informational ones go first. */
export const MAX_NOTICES = 3;
/**
 * How long a notice stays before closing by itself. Errors stay until dismissed; a notice with
 * an action stays longer, so there is time to take it.
 */
export function noticeLifetime(n: Omit<Notice, 'id'>): number | undefined {
  if (n.tone === 'error') return undefined;
  if (n.action) return 15_000;
  return n.tone === 'warning' ? 10_000 : 6_000;
}

interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createNoticeStore(timers: Timers = realTimers): NoticeStore {
  let next = 1;
  const pending = new Map<number, unknown>();
  const schedule = (n: Notice, dismiss: (id: number) => void) => {
    const ms = noticeLifetime(n);
    if (ms !== undefined)
      pending.set(
        n.id,
        timers.set(() => dismiss(n.id), ms),
      );
  };
  const unschedule = (id: number) => {
    if (pending.has(id)) timers.clear(pending.get(id));
    pending.delete(id);
  };
  return createStore<NoticeState>()((set, get) => ({
    notices: [],
    push: (n) => {
      const id = next++;
      const notice = { ...n, id };
      let list = [...get().notices, notice];
      // Drop the oldest that is not an error first; errors only when nothing else is left.
      while (list.length > MAX_NOTICES) {
        const victim = list.find((x) => x.tone !== 'error') ?? list[0];
        if (!victim) break;
        unschedule(victim.id);
        list = list.filter((x) => x !== victim);
      }
      set({ notices: list });
      schedule(notice, get().dismiss);
      return id;
    },
    dismiss: (id) => {
      unschedule(id);
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    hold: (id) => unschedule(id),
    release: (id) => {
      const n = get().notices.find((x) => x.id === id);
      if (n && !pending.has(id)) schedule(n, get().dismiss);
    },
  }));
}
