import type { DesignChange, DesignChangeType, DesignRepo } from './designRepo';

/** The channel every Tablewright tab of this origin listens on. */
export const TAB_CHANNEL_NAME = 'tablewright';

/** The part of BroadcastChannel used here; tests pass an in-memory one. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close?(): void;
}

/** On the wire: `{ type: 'saved', designId, revision, tabId }` (and deleted / restored / purged). */
export interface TabMessage {
  type: DesignChangeType;
  designId: string;
  revision?: number;
  tabId: string;
}

/** A change to a stored design, made in this tab (through the repo) or in another one. */
export interface DesignChangeEvent extends DesignChange {
  fromThisTab: boolean;
  /** The tab that made the change. */
  tabId: string;
}

/** One per tab: tells other tabs what this tab stored, and tells listeners what any tab stored. */
export interface TabSync {
  readonly tabId: string;
  /** Every committed change, local and remote. Returns the unsubscribe function. */
  subscribe(listener: (event: DesignChangeEvent) => void): () => void;
  /** Stops listening and closes the channel. */
  close(): void;
}

export interface TabSyncOptions {
  /** Local changes are read from here and broadcast. */
  repo?: Pick<DesignRepo, 'subscribe'>;
  /** Omitted or null (no BroadcastChannel in this browser): local events only; the CAS in save still protects. */
  channel?: BroadcastChannelLike | null;
  tabId?: string;
}

/** `new BroadcastChannel('tablewright')`, or undefined where the browser has none. */
export function openTabChannel(name = TAB_CHANNEL_NAME): BroadcastChannelLike | undefined {
  const Channel = (globalThis as { BroadcastChannel?: new (name: string) => BroadcastChannelLike })
    .BroadcastChannel;
  if (!Channel) return undefined;
  try {
    return new Channel(name);
  } catch {
    return undefined;
  }
}

function newTabId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return 'tab_' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const TYPES: ReadonlySet<string> = new Set<DesignChangeType>([
  'saved',
  'deleted',
  'restored',
  'purged',
]);

/** Messages come from any build of the studio that shares the origin: read them defensively. */
export function readTabMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (typeof m.type !== 'string' || !TYPES.has(m.type)) return undefined;
  if (typeof m.designId !== 'string' || typeof m.tabId !== 'string') return undefined;
  const message: TabMessage = {
    type: m.type as DesignChangeType,
    designId: m.designId,
    tabId: m.tabId,
  };
  if (typeof m.revision === 'number' && Number.isFinite(m.revision)) message.revision = m.revision;
  return message;
}

/**
 * Connects the repo of this tab to the other tabs. Create it once per tab at startup and hand it
 * to every autosave and to the designs list (to refresh when another tab changes something).
 */
export function createTabSync({ repo, channel, tabId = newTabId() }: TabSyncOptions): TabSync {
  const listeners = new Set<(event: DesignChangeEvent) => void>();
  const deliver = (event: DesignChangeEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (e) {
        console.error('TabSync listener failed', e);
      }
    }
  };

  const unsubscribeRepo = repo?.subscribe((change) => {
    const message: TabMessage = { type: change.type, designId: change.designId, tabId };
    if (change.revision !== undefined) message.revision = change.revision;
    try {
      channel?.postMessage(message);
    } catch {
      // A closed channel: other tabs will still be protected by the compare-and-swap.
    }
    deliver({ ...change, fromThisTab: true, tabId });
  });

  const onMessage = (event: { data: unknown }) => {
    const message = readTabMessage(event.data);
    if (!message || message.tabId === tabId) return;
    deliver({ ...message, fromThisTab: false });
  };
  channel?.addEventListener('message', onMessage);

  return {
    tabId,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      unsubscribeRepo?.();
      channel?.removeEventListener('message', onMessage);
      channel?.close?.();
      listeners.clear();
    },
  };
}
