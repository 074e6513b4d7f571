import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { EncryptedPresence } from '../collab/encryptedPresence';
import { EncryptedRoom, type RoomLimits, type RoomRefusal } from '../collab/encryptedRoom';
import { openRoomKeys, type RoomInvite, type RoomKeys } from '../collab/roomKeys';
import { err, ok, type Result } from '../core/result';

/**
 * A live room, connected: the plaintext shared design (`plain`, read and written through
 * src/collab/sharedDesign.ts), kept in step with the relay through an encrypted room, with
 * sealed presence. What the studio's collaboration UI (Invite, presence, status) is built on.
 */
export type RoomStatus = 'connecting' | 'connected' | 'offline';

export interface JoinOptions {
  /** The relay's WebSocket URL (`ws://` or `wss://`), from the studio's configuration. */
  relayUrl: string | undefined;
  invite: RoomInvite;
  /** The private plaintext doc; may already hold the design (the room creator, an offline copy). */
  plain: Y.Doc;
  /** A WebSocket class where there is no global one (Node: the `ws` package). */
  WebSocketPolyfill?: unknown;
  limits?: Partial<RoomLimits>;
  onRefused?: (refusal: RoomRefusal) => void;
  onStatus?: (status: RoomStatus) => void;
  onError?: (error: unknown) => void;
  /** Who this person's changes are by, sealed with each (see EncryptedRoomOptions). */
  author?: () => unknown;
  /** The authors of changes from the room about to be applied (see EncryptedRoomOptions). */
  onApplying?: (authors: unknown[]) => void;
  /**
   * The relay closed the connection (the provider then retries): reason `room-full` when a change
   * would grow the room past the relay's cap (Hocuspocus sends it as a close message, code 1000),
   * code 1009 when a message was over the relay's message cap.
   */
  onClosed?: (code: number, reason: string) => void;
}

export interface Collaboration {
  keys: RoomKeys;
  room: EncryptedRoom;
  presence: EncryptedPresence;
  /** The public (ciphertext) doc the relay syncs; kept locally it is the offline copy to store. */
  sealed: Y.Doc;
  status(): RoomStatus;
  /** Resolves once the relay has sent the room and everything in it has been opened. */
  synced(): Promise<void>;
  /** True when every local change has reached the relay. */
  allSent(): boolean;
  /** Stops talking to the relay (edits go on locally and are sent on `goOnline`). */
  goOffline(): void;
  goOnline(): void;
  leave(): void;
}

export interface JoinError {
  message: string;
}

/** What the studio says when no relay is configured. */
export const COLLABORATION_OFF =
  'Collaboration is off: this studio has no relay configured. Start one with `npx tablewright relay` and set its URL.';

/** Checks a relay URL as configured; a sentence when it cannot be used. */
export function checkRelayUrl(url: string | undefined): Result<string, JoinError> {
  if (!url || !url.trim()) return err({ message: COLLABORATION_OFF });
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')
      return err({
        message: `The relay URL must start with ws:// or wss:// (not ${parsed.protocol}//).`,
      });
    return ok(parsed.toString().replace(/\/$/, ''));
  } catch {
    return err({ message: `The relay URL “${url}” is not a URL.` });
  }
}

export async function joinRoom(options: JoinOptions): Promise<Result<Collaboration, JoinError>> {
  const url = checkRelayUrl(options.relayUrl);
  if (!url.ok) return url;
  const keys = await openRoomKeys(options.invite);
  if (!keys.ok) return keys;
  const sealed = new Y.Doc();
  const room = new EncryptedRoom({
    keys: keys.value,
    plain: options.plain,
    sealed,
    limits: options.limits,
    onRefused: options.onRefused,
    onError: options.onError,
    author: options.author,
    onApplying: options.onApplying,
  });
  const socket = new HocuspocusProviderWebsocket({
    url: url.value,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    // Back soon after a relay restart, without hammering one that is down.
    delay: 250,
    minDelay: 250,
    maxDelay: 5000,
  });
  let status: RoomStatus = 'connecting';
  const setStatus = (next: RoomStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: keys.value.roomId,
    document: sealed,
    // Readers send none: the relay makes their connection read-only.
    token: keys.value.writeToken ?? 'read-only',
    onStatus: ({ status: s }) =>
      setStatus(s === 'connected' ? 'connected' : s === 'connecting' ? 'connecting' : 'offline'),
  });
  provider.attach();
  provider.on('close', ({ event }: { event: { code: number; reason?: string } }) =>
    options.onClosed?.(event.code, event.reason ?? ''),
  );
  let closing = false;
  let wantOnline = true;
  socket.on('status', ({ status: s }: { status: string }) => {
    if (s !== 'disconnected' || !closing) return;
    closing = false;
    if (wantOnline) void socket.connect();
  });
  const presence = new EncryptedPresence(keys.value, provider.awareness!);
  let firstSync: Promise<void> | undefined;
  return ok({
    keys: keys.value,
    room,
    presence,
    sealed,
    status: () => status,
    synced() {
      firstSync ??= new Promise<void>((resolve) => {
        if (provider.isSynced) return resolve();
        const done = () => {
          provider.off('synced', done);
          resolve();
        };
        provider.on('synced', done);
      }).then(() => room.idle());
      return firstSync.then(() => room.idle());
    },
    allSent: () => provider.isSynced && provider.unsyncedChanges === 0 && status === 'connected',
    goOffline() {
      wantOnline = false;
      closing = socket.status !== 'disconnected';
      socket.disconnect();
      setStatus('offline');
    },
    goOnline() {
      wantOnline = true;
      // The provider ignores connect() until the old socket has closed: wait for it.
      if (!closing) void socket.connect();
    },
    leave() {
      presence.destroy();
      room.destroy();
      provider.destroy();
      socket.destroy();
    },
  });
}
