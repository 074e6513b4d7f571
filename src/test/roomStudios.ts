import { afterEach, expect } from 'vitest';
import { createCollabSession, type CollabSession } from '../app/collabSession';
import { exampleDocument, type DesignDocument } from '../core/model';
import { ok } from '../core/result';
import type { DesignMeta } from '../persistence/records';
import { startRelay, type RunningRelay } from '../relay/relay';
import { memoryRoomStore } from '../relay/roomStore';
import { createNoticeStore, type NoticeStore } from '../state/notices';
import { createStudioStore, type StudioStore } from '../state/store';

/**
 * Studios in a live room through a real relay (Hocuspocus on 127.0.0.1, encrypted rooms), as
 * browsers have them: each its own store, notices and session. Call `useRoomStudios()` at the top
 * of a test file; it stops what a test started.
 */
const { default: WebSocket } = (await import('ws' as string)) as { default: unknown };

export interface RoomStudio {
  store: StudioStore;
  session: CollabSession;
  notices: NoticeStore;
}

export function useRoomStudios() {
  let relay: RunningRelay | undefined;
  const sessions: CollabSession[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0)) if (s.state.getState().phase !== 'off') s.leave();
    await relay?.stop();
    relay = undefined;
  });
  return {
    async relayUrl(): Promise<string> {
      relay = await startRelay({
        port: 0,
        host: '127.0.0.1',
        store: memoryRoomStore(),
        maxRoomBytes: 4 * 1024 * 1024,
        maxMessageBytes: 1024 * 1024,
      });
      return relay.url;
    },
    studio(url: string, doc: DesignDocument = exampleDocument()): RoomStudio {
      const store = createStudioStore(doc);
      const notices = createNoticeStore({ set: () => 0, clear: () => {} });
      const session = createCollabSession({
        store,
        notices,
        designs: {
          openDocument: async (d: DesignDocument) => store.getState().load(d),
          open: async () => {},
          list: async () => ok([{ id: store.getState().design.id } as DesignMeta]),
          flush: async () => {},
          duplicate: async () => {},
        },
        baseUrl: () => 'http://studio.test/',
        WebSocketPolyfill: WebSocket,
        storage: memoryStorage(),
      });
      expect(session.setRelayUrl(url)).toBeUndefined();
      sessions.push(session);
      return { store, session, notices };
    },
  };
}

/** A Storage of this studio's own: the profile (name, colour) is each browser's. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

export async function until(check: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 30_000) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const fragment = (link: string | undefined) => link!.slice(link!.indexOf('#'));
