import { parseDesign, type DesignDocument } from '../core/model';
import { browserLocalStorage } from './browserStorage';

/**
 * The synchronous journal: the last unsaved edit of a stored design, written to localStorage in
 * the same task as the edit (or, for designs too big to serialise on every change, when the page
 * is hidden or closing, which is also synchronous). IndexedDB commits asynchronously and a tab
 * closed right after an edit never finished it; the journal is what the next start replays.
 */
export interface JournalEntry {
  designId: string;
  /** The stored revision the edit was made on: the journal is newer than exactly that one. */
  baseRevision: number;
  doc: DesignDocument;
  writtenAt: number;
}

/** The part of `Storage` the journal uses (injectable for tests; absent where storage is refused). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Journal {
  /** Writes now. False when storage refused it (quota, private mode): the async save still runs. */
  write(entry: JournalEntry): boolean;
  /** The entry of a design, or undefined when none or unreadable (an unreadable one is removed). */
  read(designId: string): JournalEntry | undefined;
  clear(designId: string): void;
}

const PREFIX = 'tablewright.journal.v1.';

export function createJournal(storage: JournalStorage | undefined): Journal {
  return {
    write(entry) {
      if (!storage) return false;
      try {
        storage.setItem(
          PREFIX + entry.designId,
          JSON.stringify({
            designId: entry.designId,
            baseRevision: entry.baseRevision,
            writtenAt: entry.writtenAt,
            doc: entry.doc,
          }),
        );
        return true;
      } catch {
        return false;
      }
    },
    read(designId) {
      if (!storage) return undefined;
      let raw: string | null;
      try {
        raw = storage.getItem(PREFIX + designId);
      } catch {
        return undefined;
      }
      if (raw === null) return undefined;
      const entry = parseEntry(raw, designId);
      if (!entry) this.clear(designId);
      return entry;
    },
    clear(designId) {
      try {
        storage?.removeItem(PREFIX + designId);
      } catch {
        // Nothing to do: a stale entry is recognised by its revision on the next start.
      }
    },
  };
}

function parseEntry(raw: string, designId: string): JournalEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { baseRevision, writtenAt, doc } = value as Record<string, unknown>;
  if (typeof baseRevision !== 'number' || typeof writtenAt !== 'number') return undefined;
  // The one way in: a journal is stored input like any other.
  // Mended as the stored design it shadows is (whose opening already said what was dropped).
  const parsed = parseDesign(doc, { clampLayout: true, repair: true });
  if (!parsed.ok || parsed.value.doc.design.id !== designId) return undefined;
  return { designId, baseRevision, writtenAt, doc: parsed.value.doc };
}

/** Where the journal is written in a browser. */
export function browserJournalStorage(): JournalStorage | undefined {
  return browserLocalStorage();
}

/**
 * What to do with a journal entry found on opening a design whose stored revision is `stored`:
 * `replay` when the edit was made on exactly that revision (it never reached IndexedDB);
 * `same` when the stored design already holds it; `copy` when another tab saved since, so the
 * journaled work is kept beside theirs rather than over it.
 */
export function journalVerdict(
  entry: JournalEntry,
  stored: { revision: number; doc: DesignDocument },
): 'replay' | 'same' | 'copy' {
  const sameContent =
    JSON.stringify(entry.doc.design) === JSON.stringify(stored.doc.design) &&
    JSON.stringify(entry.doc.layout) === JSON.stringify(stored.doc.layout);
  if (sameContent) return 'same';
  return entry.baseRevision === stored.revision ? 'replay' : 'copy';
}
