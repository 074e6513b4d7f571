import { afterEach, describe, expect, it } from 'vitest';
import { renameDesign } from '../core/ops';
import { err } from '../core/result';
import type { DesignRepo } from '../persistence/designRepo';
import {
  freshIndexedDB,
  memoryJournalStorage,
  openTestRepo,
  sampleDoc,
  settle,
} from '../persistence/test/helpers';
import { createNoticeStore } from '../state/notices';
import { createStudioStore } from '../state/store';
import { createDesignSession, type DesignSession } from './designSession';

/** An event target that counts the listeners attached to it now. */
function countingTarget() {
  const target = new EventTarget() as EventTarget & {
    visibilityState: string;
    active: number;
    added: number;
  };
  target.visibilityState = 'visible';
  target.active = 0;
  target.added = 0;
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const attached = new Set<unknown>();
  target.addEventListener = (type, listener, options) => {
    const key = `${type}`;
    if (listener && !attached.has(listener)) {
      attached.add(listener);
      target.active++;
      target.added++;
    }
    add(key, listener, options);
  };
  target.removeEventListener = (type, listener, options) => {
    if (listener && attached.delete(listener)) target.active--;
    remove(type, listener, options);
  };
  return target;
}

const sessions: DesignSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.dispose()));
});

async function setup(wrap: (repo: DesignRepo) => DesignRepo = (r) => r) {
  const factory = freshIndexedDB();
  const repo = await openTestRepo(factory);
  /** Another connection to the same storage: the session closes its own on dispose. */
  const reader = () => openTestRepo(factory);
  const store = createStudioStore();
  const notices = createNoticeStore();
  const doc = countingTarget();
  const win = countingTarget();
  const session = createDesignSession(
    store,
    notices,
    async () => ({ ok: true, value: wrap(repo) }),
    {
      events: { document: doc, window: win },
      journalStorage: memoryJournalStorage(),
      tabChannel: null,
    },
  );
  sessions.push(session);
  return { repo, reader, store, notices, session, doc, win };
}

describe('design session', () => {
  it('opens a design at start, switches, and removes every listener it added on dispose', async () => {
    const { reader, store, session, doc, win } = await setup();
    await session.start();
    expect(session.phase().name).toBe('open');
    const first = session.state.getState().designId;
    await session.createNew();
    expect(session.phase()).toEqual({ name: 'open', designId: session.state.getState().designId });
    expect(session.state.getState().designId).not.toBe(first);
    expect(doc.active + win.active).toBeGreaterThan(0);
    // The first design's autosave stopped listening on the switch: one set of listeners at a time.
    const perDesign = doc.active + win.active;
    await session.open(first!);
    expect(doc.active + win.active).toBe(perDesign);

    store.getState().dispatch((d) => renameDesign(d, 'before dispose'));
    await session.dispose();
    expect(session.phase().name).toBe('closed');
    expect(doc.added).toBeGreaterThan(0);
    expect(doc.active).toBe(0);
    expect(win.active).toBe(0);
    // Pending work was stored by dispose; nothing after it is.
    const stored = await (await reader()).load(first!);
    expect(stored.ok && stored.value.doc.design.name).toBe('before dispose');
  });

  it('a failed write is said through the notices, not dropped', async () => {
    const { session, notices } = await setup((repo) => ({
      ...repo,
      setSession: async () =>
        err({
          kind: 'quota' as const,
          message: 'Remembering the open design failed: storage is full.',
        }),
    }));
    await session.start();
    await settle();
    expect(notices.getState().notices.map((n) => n.text)).toContain(
      'Remembering the open design failed: storage is full.',
    );
  });

  it('renaming the open design is one undoable step, stored by autosave', async () => {
    const { repo, store, session } = await setup();
    await session.start();
    const id = session.state.getState().designId!;
    const before = store.getState().design.name;
    await session.rename(id, 'Renamed');
    expect(store.getState().design.name).toBe('Renamed');
    const stored = await repo.load(id);
    expect(stored.ok && stored.value.meta.name).toBe('Renamed');
    store.getState().undo();
    expect(store.getState().design.name).toBe(before);
  });

  it('a session disposed while storage opens never opens a design', async () => {
    const repo = await openTestRepo();
    let release: () => void = () => undefined;
    const store = createStudioStore(sampleDoc('Shown', 1));
    const session = createDesignSession(
      store,
      createNoticeStore(),
      async () => {
        await new Promise<void>((r) => (release = r));
        return { ok: true, value: repo };
      },
      {
        events: { document: null, window: null },
        journalStorage: memoryJournalStorage(),
        tabChannel: null,
      },
    );
    const started = session.start();
    await settle(2);
    await session.dispose();
    release();
    await started;
    expect(session.phase().name).toBe('closed');
    expect(session.state.getState().designId).toBeUndefined();
  });
});
