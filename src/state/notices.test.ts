import { describe, expect, it } from 'vitest';
import { createNoticeStore, MAX_NOTICES } from './notices';

/** Timers run by hand: the test decides when time passes. */
function manualTimers() {
  let now = 0;
  const due: { at: number; run: () => void; handle: number }[] = [];
  let handle = 0;
  return {
    set: (run: () => void, ms: number) => {
      due.push({ at: now + ms, run, handle: ++handle });
      return handle;
    },
    clear: (h: unknown) => {
      const i = due.findIndex((d) => d.handle === h);
      if (i >= 0) due.splice(i, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const d of due.filter((x) => x.at <= now)) {
        due.splice(due.indexOf(d), 1);
        d.run();
      }
    },
  };
}

describe('notices', () => {
  it('informational ones close by themselves; errors stay until dismissed', () => {
    const timers = manualTimers();
    const store = createNoticeStore(timers);
    store.getState().push({ tone: 'info', text: 'Copied.' });
    const error = store.getState().push({ tone: 'error', text: 'Could not save.' });
    timers.advance(5_999);
    expect(store.getState().notices).toHaveLength(2);
    timers.advance(1);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['Could not save.']);
    timers.advance(10 * 60_000);
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dismiss(error);
    expect(store.getState().notices).toHaveLength(0);
  });

  it('a notice being read (hovered or focused) waits, then closes after it is left', () => {
    const timers = manualTimers();
    const store = createNoticeStore(timers);
    const id = store
      .getState()
      .push({ tone: 'warning', text: 'Type mismatch', action: { label: 'Fix', run: () => {} } });
    timers.advance(14_000);
    store.getState().hold(id);
    timers.advance(60_000);
    expect(store.getState().notices).toHaveLength(1);
    store.getState().release(id);
    timers.advance(15_000);
    expect(store.getState().notices).toHaveLength(0);
  });

  it('shows a few at most, dropping the oldest informational one before any error', () => {
    const store = createNoticeStore(manualTimers());
    store.getState().push({ tone: 'error', text: 'e1' });
    for (let i = 0; i < 6; i++) store.getState().push({ tone: 'info', text: `i${i}` });
    expect(store.getState().notices.map((n) => n.text)).toEqual(['e1', 'i4', 'i5']);
    expect(store.getState().notices).toHaveLength(MAX_NOTICES);
  });
});
