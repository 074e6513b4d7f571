import * as Y from 'yjs';
import { decodeAuthoredChange, encodeAuthoredChange } from './authoredChanges';
import { openBlob, sealBlob, type BlobRefusal } from './sealedBlobs';
import type { RoomKeys } from './roomKeys';
import { sharedReader, type SharedReader } from './sharedDesign';
import { sharedVersionsCheck } from './sharedVersions';

/**
 * Keeps a private plaintext Y.Doc (the shared design, see `sharedDesign.ts`) in step with the
 * room's public Y.Doc, the one the relay syncs: that one holds only a Y.Array of sealed blobs
 * (`sealedBlobs.ts`). The relay stays a plain, unmodified Yjs server that merges ciphertext.
 *
 * - Local changes to the plaintext doc are merged, sealed and appended as one blob.
 * - Blobs appended by others are opened, checked (signature, size, and the design they would
 *   make, on a trial copy) and applied with origin `REMOTE_ORIGIN`; anything refused leaves the
 *   local copy untouched and is reported through `onRefused`.
 * - A writer compacts: it appends a sealed snapshot of its whole state and deletes the blobs that
 *   snapshot covers (those it has applied or refused), so the room does not grow with history.
 */

/** The origin of changes applied from the room: an UndoManager must not track it. */
export const REMOTE_ORIGIN = Symbol('tablewright collab remote');
/** The origin of this replica's own appends to the public doc. */
const SEALING_ORIGIN = Symbol('tablewright collab sealing');
/** The name of the public doc's array of sealed blobs. */
export const BLOBS = 'sealed';

export interface RoomLimits {
  /** Largest sealed blob accepted (and written): one change or one snapshot. */
  maxBlobBytes: number;
  /** Largest plaintext design state a change may grow the local copy to. */
  maxDocumentBytes: number;
  /** A writer compacts once the room holds more blobs than this. */
  compactAfter: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxBlobBytes: 8 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  compactAfter: 200,
};

/** Why a change from the room was not applied (or a local one not sent). */
export type RoomRefusal =
  BlobRefusal | { reason: 'invalid' | 'documentTooLarge' | 'readOnly'; message: string };

export interface EncryptedRoomOptions {
  keys: RoomKeys;
  /** The private document: the shared design in plaintext; never leaves this replica as it is. */
  plain: Y.Doc;
  /** The public document that a provider syncs with the relay. */
  sealed: Y.Doc;
  limits?: Partial<RoomLimits>;
  onRefused?: (refusal: RoomRefusal) => void;
  /** Failures of this replica's own work (sealing): a bug or a broken WebCrypto. */
  onError?: (error: unknown) => void;
  /** Who this replica's changes are by (JSON, e.g. name and colour): sealed with each change. */
  author?: () => unknown;
  /**
   * Changes from the room are about to be applied to `plain`: their authors, as sealed (unchecked
   * JSON; undefined for a change sealed without one; null for a snapshot, which folds the room's
   * changes by anyone). Called just before the apply.
   */
  onApplying?: (authors: unknown[]) => void;
}

export class EncryptedRoom {
  readonly limits: RoomLimits;
  private readonly blobs: Y.Array<Uint8Array>;
  /** Blobs applied to (or refused by) the plaintext doc: what a snapshot of it covers. */
  private readonly handled = new WeakSet<Uint8Array>();
  private pendingLocal: Uint8Array[] = [];
  private pendingRemote: Uint8Array[] = [];
  private work: Promise<void> = Promise.resolve();
  private scheduled = false;
  private destroyed = false;
  /**
   * A second copy of the plaintext doc that changes from the room are tried on first, so a refused
   * one never touches `plain`; rebuilt from `plain` after a refusal. Read through a cache, so a
   * check costs the entities a change touches, not the whole design.
   */
  private mirror!: Y.Doc;
  private mirrorReader!: SharedReader;
  private mirrorState!: { readable: boolean; malformed: number };
  /** The plaintext state's size, estimated (a sum of updates) between exact measurements. */
  private plainBytes: number;
  /** The room's shared versions, checked like the design (each stored value once). */
  private readonly checkVersions = sharedVersionsCheck();

  constructor(private readonly options: EncryptedRoomOptions) {
    this.limits = { ...DEFAULT_ROOM_LIMITS, ...options.limits };
    this.blobs = options.sealed.getArray<Uint8Array>(BLOBS);
    this.plainBytes = this.rebuildMirror();
    options.plain.on('update', this.onPlainUpdate);
    this.blobs.observe(this.onSealedChange);
    this.pendingRemote.push(...this.blobs.toArray());
    // What the plaintext doc held before (the room's creator, a copy kept offline) is shared
    // too; whatever of it the room already has merges away.
    if (this.canWrite && options.plain.store.clients.size > 0)
      this.pendingLocal.push(Y.encodeStateAsUpdate(options.plain));
    this.schedule();
  }

  get canWrite(): boolean {
    return this.options.keys.access === 'write';
  }

  /** Resolves once everything queued so far (local sealing, remote opening) is done. */
  async idle(): Promise<void> {
    for (;;) {
      const current = this.work;
      await current;
      if (current === this.work && !this.scheduled) return;
    }
  }

  /** Folds the room's blobs into one sealed snapshot (writers only; a no-op for readers). */
  compact(): Promise<void> {
    if (!this.canWrite) return Promise.resolve();
    return this.enqueue(async () => {
      await this.flushLocal();
      const snapshot = await sealBlob(
        this.options.keys,
        'snapshot',
        Y.encodeStateAsUpdate(this.options.plain),
      );
      if (snapshot.length > this.limits.maxBlobBytes) return;
      this.options.sealed.transact(() => {
        const covered: number[] = [];
        this.blobs.toArray().forEach((blob, i) => this.handled.has(blob) && covered.push(i));
        for (let i = covered.length - 1; i >= 0; i--) this.blobs.delete(covered[i]!, 1);
        this.append(snapshot);
      }, SEALING_ORIGIN);
    });
  }

  destroy(): void {
    this.destroyed = true;
    this.mirrorReader.destroy();
    this.mirror.destroy();
    this.options.plain.off('update', this.onPlainUpdate);
    this.blobs.unobserve(this.onSealedChange);
  }

  private onPlainUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE_ORIGIN || this.destroyed) return;
    Y.applyUpdate(this.mirror, update);
    this.plainBytes += update.length;
    if (!this.canWrite) {
      this.options.onRefused?.({
        reason: 'readOnly',
        message: 'This invite is read-only: the change stays on this screen and is not shared.',
      });
      return;
    }
    this.pendingLocal.push(update);
    this.schedule();
  };

  private onSealedChange = (event: Y.YArrayEvent<Uint8Array>) => {
    if (event.transaction.origin === SEALING_ORIGIN) return;
    for (const change of event.changes.delta) {
      if (change.insert) this.pendingRemote.push(...(change.insert as Uint8Array[]));
    }
    this.schedule();
  };

  /** Work runs one piece at a time, in order: sealing and opening are asynchronous. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    this.work = this.work.then(task).catch((error) => this.options.onError?.(error));
    return this.work;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    void this.enqueue(async () => {
      this.scheduled = false;
      await this.flushLocal();
      await this.openRemote();
      if (this.canWrite && this.blobs.length > this.limits.compactAfter) {
        void this.compact();
      }
    });
  }

  private async flushLocal(): Promise<void> {
    if (this.pendingLocal.length === 0 || this.destroyed) return;
    const update = Y.mergeUpdates(this.pendingLocal);
    this.pendingLocal = [];
    const blob = this.options.author
      ? await sealBlob(
          this.options.keys,
          'change',
          encodeAuthoredChange(this.options.author(), update),
        )
      : await sealBlob(this.options.keys, 'update', update);
    if (blob.length > this.limits.maxBlobBytes) {
      this.options.onError?.(
        new Error(
          `A change of ${blob.length} bytes is over the room's ${this.limits.maxBlobBytes}-byte cap.`,
        ),
      );
      return;
    }
    this.options.sealed.transact(() => this.append(blob), SEALING_ORIGIN);
  }

  /** Yjs stores a copy of pushed bytes: the copy is what later reads (and compaction) see. */
  private append(blob: Uint8Array): void {
    this.blobs.push([blob]);
    this.handled.add(this.blobs.get(this.blobs.length - 1));
  }

  private async openRemote(): Promise<void> {
    const blobs = this.pendingRemote.filter((b) => !this.handled.has(b));
    this.pendingRemote = [];
    if (blobs.length === 0 || this.destroyed) return;
    const opened: { blob: Uint8Array; update: Uint8Array; author?: unknown }[] = [];
    for (const blob of blobs) {
      const result = await openBlob(this.options.keys, blob, this.limits.maxBlobBytes);
      const authored =
        result.ok && result.value.kind === 'change'
          ? decodeAuthoredChange(result.value.plaintext)
          : undefined;
      if (authored) {
        opened.push({ blob, update: authored.update, author: authored.author });
      } else if (result.ok && result.value.kind !== 'presence' && result.value.kind !== 'change') {
        const author = result.value.kind === 'snapshot' ? null : undefined;
        opened.push({ blob, update: result.value.plaintext, author });
      } else {
        this.handled.add(blob);
        this.options.onRefused?.(
          !result.ok
            ? result.error
            : result.value.kind === 'change'
              ? { reason: 'malformed', message: 'A change arrived whose author part is damaged.' }
              : { reason: 'malformed', message: 'A presence blob arrived where changes belong.' },
        );
      }
    }
    if (opened.length === 0) return;
    // All at once when they pass together (a newcomer opens the whole room), else one by one.
    const merged =
      opened.length > 1 ? Y.mergeUpdates(opened.map((o) => o.update)) : opened[0]!.update;
    if (this.check(merged) === undefined) return this.apply(opened, merged);
    for (const one of opened) {
      const refusal = this.check(one.update);
      if (refusal) {
        this.handled.add(one.blob);
        this.options.onRefused?.(refusal);
      } else this.apply([one], one.update);
    }
  }

  private apply(blobs: { blob: Uint8Array; author?: unknown }[], update: Uint8Array): void {
    this.options.onApplying?.(blobs.map((b) => b.author));
    Y.applyUpdate(this.options.plain, update, REMOTE_ORIGIN);
    this.plainBytes += update.length;
    for (const b of blobs) this.handled.add(b.blob);
  }

  /** A fresh mirror of `plain`; returns the plaintext state's exact size. */
  private rebuildMirror(): number {
    this.mirrorReader?.destroy();
    this.mirror?.destroy();
    this.mirror = new Y.Doc();
    const state = Y.encodeStateAsUpdate(this.options.plain);
    Y.applyUpdate(this.mirror, state);
    this.mirrorReader = sharedReader(this.mirror);
    const read = this.mirrorReader.read();
    this.mirrorState = { readable: read.ok, malformed: read.ok ? read.value.malformed.length : 0 };
    return state.length;
  }

  /**
   * What applying `update` would make, tried on the mirror: a refusal (and the mirror rebuilt),
   * or undefined when it is fine (and the mirror has it, as `plain` will).
   */
  private check(update: Uint8Array): RoomRefusal | undefined {
    if (this.plainBytes + update.length > this.limits.maxDocumentBytes) {
      this.plainBytes = Y.encodeStateAsUpdate(this.options.plain).length;
      if (this.plainBytes + update.length > this.limits.maxDocumentBytes)
        return {
          reason: 'documentTooLarge',
          message: `A change would grow the design past ${this.limits.maxDocumentBytes} bytes; it was refused.`,
        };
    }
    let refusal: RoomRefusal | undefined;
    let versionRefusal: string | undefined;
    try {
      Y.applyUpdate(this.mirror, update);
      const after = this.mirrorReader.read();
      if (!after.ok && this.mirrorState.readable)
        refusal = { reason: 'invalid', message: `A change was refused: ${after.error.message}` };
      else if (after.ok && after.value.malformed.length > this.mirrorState.malformed)
        refusal = {
          reason: 'invalid',
          message: `A change was refused: ${after.value.malformed[after.value.malformed.length - 1]!.message}`,
        };
      else if ((versionRefusal = this.checkVersions(this.mirror)))
        refusal = { reason: 'invalid', message: versionRefusal };
      else
        this.mirrorState = {
          readable: after.ok,
          malformed: after.ok ? after.value.malformed.length : 0,
        };
    } catch (thrown) {
      refusal = {
        reason: 'invalid',
        message: `A change that is not a readable update was refused (${(thrown as Error).message}).`,
      };
    }
    if (refusal) this.rebuildMirror();
    return refusal;
  }
}
