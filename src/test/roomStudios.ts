import { afterEach, expect } from 'vitest';
import { createCollabSession, type CollabSession } from '../app/collabSession';
import { exampleDocument, type DesignDocument } from '../core/model';
import { ok } from '../core/result';
import type { DesignMeta } from '../persistence/records';
import { startRelay, type RunningRelay } from '../relay/relay';
import { memoryRoomStore, type RoomStore } from '../relay/roomStore';
import { createNoticeStore, type NoticeStore } from '../state/notices';
import { createStudioStore, type StudioStore } from '../state/store';
import { memoryStorage } from './memoryStorage';
import { NodeWebSocket } from './nodeWebSocket';
import { ROOMY_LIMITS } from './relayClients';

export { until } from './until';

/**
 * Studios in a live room through a real relay (Hocuspocus on 127.0.0.1, encrypted rooms), as
 * browsers have them: each its own store, notices and session. Call `useRoomStudios()` at the top
 * of a test file; it stops what a test started.
 */
export interface RoomStudio {
  store: StudioStore;
  session: CollabSession;
  notices: NoticeStore;
}

/** What a session needs besides the relay and the WebSocket class: the studio's own parts. */
type SessionDeps = Omit<Parameters<typeof createCollabSession>[0], 'baseUrl' | 'WebSocketPolyfill'>;

/**
 * The studio's designs as a room session uses them, stood in: storage is not what room tests test.
 * The design on screen is the one stored; a room's design is loaded as the studio loads any
 * design. `more` adds or replaces parts (a real version store, a record of duplicates).
 */
export function designsOnScreen<More extends object = object>(store: StudioStore, more?: More) {
  return {
    openDocument: async (d: DesignDocument) => store.getState().load(d),
    open: async () => {},
    list: async () => ok([{ id: store.getState().design.id } as DesignMeta]),
    flush: async () => {},
    duplicate: async (_id: string) => {},
    ...more,
  };
}

/** Notices that show nowhere: a test reads them from the store. */
export const quietNotices = () => createNoticeStore({ set: () => 0, clear: () => {} });

/** The texts of the notices of one tone, oldest first. */
export const noticeTexts = (notices: NoticeStore, tone: 'error' | 'warning' | 'info') =>
  notices
    .getState()
    .notices.filter((n) => n.tone === tone)
    .map((n) => n.text);

export function useRoomStudios() {
  let relay: RunningRelay | undefined;
  const sessions: CollabSession[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0)) if (s.state.getState().phase !== 'off') s.leave();
    await relay?.stop();
    relay = undefined;
  });
  /** A room session for the studio made of `deps`, on the relay at `url`, left after the test. */
  const session = (url: string, deps: SessionDeps): CollabSession => {
    const s = createCollabSession({
      ...deps,
      baseUrl: () => 'http://studio.test/',
      WebSocketPolyfill: NodeWebSocket,
    });
    expect(s.setRelayUrl(url)).toBeUndefined();
    sessions.push(s);
    return s;
  };
  return {
    /**
     * Starts the relay and gives its URL. Again with the same `port` and `store` after
     * `stopRelay()`, it is the same relay restarted.
     */
    async relayUrl(
      options: { port?: number; store?: RoomStore; maxRoomBytes?: number } = {},
    ): Promise<string> {
      relay = await startRelay({
        port: options.port ?? 0,
        host: '127.0.0.1',
        store: options.store ?? memoryRoomStore(),
        ...ROOMY_LIMITS,
        ...(options.maxRoomBytes ? { maxRoomBytes: options.maxRoomBytes } : {}),
      });
      return relay.url;
    },
    /** Stops the relay mid-test; its sessions go on trying to reconnect. */
    async stopRelay(): Promise<void> {
      await relay!.stop();
    },
    session,
    /** A studio with its profile (name, colour) in a storage of its own, as each browser has. */
    studio(url: string, doc: DesignDocument = exampleDocument()): RoomStudio {
      const store = createStudioStore(doc);
      const notices = quietNotices();
      const s = session(url, {
        store,
        notices,
        designs: designsOnScreen(store),
        storage: memoryStorage(),
      });
      return { store, session: s, notices };
    },
  };
}

/** The invite part of a room link (what a person pastes into Join). */
export const fragment = (link: string | undefined) => link!.slice(link!.indexOf('#'));
