import type { Awareness } from 'y-protocols/awareness';
import type { RoomKeys } from './roomKeys';
import { openPresence, sealPresence } from './sealedBlobs';

/** Largest presence (name, colour, selection, pointer) a member may send, sealed. */
export const MAX_PRESENCE_BYTES = 16 * 1024;
const FIELD = 'sealed';

/**
 * Presence (who is here, their selection and pointer) through Yjs awareness, sealed like the
 * changes: the relay relays it without reading it. Unsigned, since read-only members are present
 * too; what arrives is whatever JSON a member sent, for the UI to check before drawing it.
 */
export class EncryptedPresence {
  private readonly others = new Map<number, unknown>();
  private readonly listeners = new Set<(others: ReadonlyMap<number, unknown>) => void>();
  private sequence = 0;

  constructor(
    private readonly keys: RoomKeys,
    private readonly awareness: Awareness,
  ) {
    awareness.on('change', this.onChange);
  }

  /** Shares this person's presence (replacing the last); `null` leaves. */
  async set(state: unknown): Promise<void> {
    const mine = ++this.sequence;
    if (state === null) return this.awareness.setLocalState(null);
    const sealed = await sealPresence(this.keys, state);
    if (mine !== this.sequence) return; // a newer one was set meanwhile
    this.awareness.setLocalStateField(FIELD, sealed);
  }

  /** The others' presence by awareness client id, as it was last opened. */
  current(): ReadonlyMap<number, unknown> {
    return this.others;
  }

  subscribe(listener: (others: ReadonlyMap<number, unknown>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.awareness.off('change', this.onChange);
    this.listeners.clear();
  }

  private onChange = async ({
    added,
    updated,
    removed,
  }: {
    added: number[];
    updated: number[];
    removed: number[];
  }) => {
    for (const id of removed) this.others.delete(id);
    for (const id of [...added, ...updated]) {
      if (id === this.awareness.clientID) continue;
      const sealed = (this.awareness.getStates().get(id) as Record<string, unknown> | undefined)?.[
        FIELD
      ];
      const opened = await openPresence(this.keys, sealed, MAX_PRESENCE_BYTES);
      if (opened === undefined) this.others.delete(id);
      else this.others.set(id, opened);
    }
    for (const listener of this.listeners) listener(this.others);
  };
}
