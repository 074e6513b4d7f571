import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { InProcessWorker } from '../db/rpc/inProcessWorker';
import { createLayoutClient } from '../layout/client';
import type { LayoutProgress } from '../layout/autoLayout';
import type { LayoutApi } from '../layout/protocol';
import { layoutImplementation } from '../layout/serve';
import { createActivityStore, type Activity } from '../state/activity';
import { createNoticeStore } from '../state/notices';
import { createStudioStore } from '../state/store';
import { arrangeTables } from './arrange';

const elk = new ELK();

function setup(answer = true) {
  const store = createStudioStore();
  const layout = createLayoutClient({
    createWorker: () =>
      new InProcessWorker<LayoutApi, LayoutProgress>(layoutImplementation(elk), { answer }),
  });
  const activity = createActivityStore();
  const notices = createNoticeStore();
  const seen: Activity[] = [];
  activity.subscribe((s) => {
    if (s.current) seen.push(s.current);
  });
  return { deps: { store, layout, activity, notices }, seen };
}

describe('arrangeTables', () => {
  it('places the tables and keeps their routed lines, as one undo step, with progress and Cancel', async () => {
    const { deps, seen } = setup();
    const before = deps.store.getState().layout;
    await arrangeTables(deps);
    const after = deps.store.getState().layout;
    expect(Object.keys(after.routes ?? {}).length).toBeGreaterThan(0);
    expect(after.tables).not.toEqual(before.tables);
    expect(seen.some((a) => a.message === 'Routing lines…')).toBe(true);
    expect(seen.every((a) => typeof a.cancel === 'function')).toBe(true);
    expect(deps.activity.getState().current).toBeNull();
    deps.store.getState().undo();
    expect(deps.store.getState().layout.routes).toBeUndefined();
    expect(deps.store.getState().layout.tables).toEqual(before.tables);
  });

  it('Cancel stops it: nothing moves, nothing is reported as an error', async () => {
    const { deps } = setup(false);
    const before = deps.store.getState().layout;
    const running = arrangeTables(deps);
    deps.activity.getState().current?.cancel?.();
    await running;
    expect(deps.store.getState().layout).toBe(before);
    expect(deps.notices.getState().notices).toEqual([]);
    expect(deps.activity.getState().current).toBeNull();
  });
});
