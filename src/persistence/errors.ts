/**
 * Errors of the persistence layer, as values with sentences for the person at the keyboard.
 * Every message about a failed write says plainly that the latest changes are NOT saved and what
 * to do instead, because that is the one thing the person must not miss.
 */

/** Appended to every message about a failed write: the way out that always works. */
export const EXPORT_ADVICE = 'Export the design as a file to keep it.';

/** The browser's storage failed (full, blocked, closed, or not offered at all). */
export interface StorageError {
  kind: 'quota' | 'unavailable';
  message: string;
}

/** Why `openDesignRepo` could not open storage; the studio then works in memory only. */
export interface OpenError {
  kind: 'unavailable' | 'blocked' | 'versionTooNew';
  message: string;
}

/** Why a save (or create) was refused. */
export type SaveError =
  /** Another tab or window stored a newer revision; nothing was overwritten. */
  | { kind: 'conflict'; theirRevision: number; message: string }
  /** The design was deleted permanently (purged), probably in another tab. */
  | { kind: 'notFound'; message: string }
  /** `create` of a design whose id is already stored. */
  | { kind: 'exists'; message: string }
  | StorageError;

/** Why a stored design could not be opened. */
export type LoadError =
  | { kind: 'notFound'; message: string }
  /** The record or its document is damaged or from a newer studio; `path` points into the document. */
  | { kind: 'damaged'; message: string; path?: string }
  | StorageError;

/** Why a list operation (rename, duplicate, delete...) failed. */
export type RepoError =
  | { kind: 'notFound'; message: string }
  | { kind: 'damaged'; message: string; path?: string }
  | StorageError;

export function notFoundMessage(id: string): string {
  return `The design "${id}" is no longer stored here (it was deleted permanently, perhaps in another tab).`;
}

export function conflictMessage(): string {
  return (
    'This design was changed in another tab or window after you opened it. ' +
    'Your latest changes are NOT saved yet: load their version, or keep yours as a copy.'
  );
}

export function purgedWhileEditingMessage(): string {
  return 'This design was deleted permanently in another tab. Your latest changes are NOT saved: keep them as a copy.';
}

function errorName(e: unknown): string {
  if (
    typeof e === 'object' &&
    e !== null &&
    'name' in e &&
    typeof (e as { name: unknown }).name === 'string'
  ) {
    return (e as { name: string }).name;
  }
  return '';
}

function errorText(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
    const m = (e as { message: unknown }).message;
    if (typeof m === 'string' && m) return m;
  }
  return String(e);
}

/** True for the ways browsers report a full disk or an exceeded origin quota. */
export function isQuotaError(e: unknown): boolean {
  const name = errorName(e);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  // A transaction aborted by the quota reports AbortError with the real cause in `error`.
  if (typeof e === 'object' && e !== null && 'error' in e)
    return isQuotaError((e as { error: unknown }).error);
  return /quota/i.test(errorText(e));
}

/**
 * Maps whatever IndexedDB threw (DOMException, an aborted transaction, a closed connection) to a
 * StorageError. `action` completes "… failed", e.g. "Saving" or "Renaming the design".
 */
export function toStorageError(e: unknown, action = 'Saving'): StorageError {
  if (isQuotaError(e)) {
    return {
      kind: 'quota',
      message: `Your browser refused to store more data (storage full). Your latest changes are NOT saved. ${EXPORT_ADVICE}`,
    };
  }
  const name = errorName(e);
  const why =
    name === 'InvalidStateError'
      ? 'the browser closed the storage (another tab may have upgraded the studio; reload this tab after exporting)'
      : `${name ? name + ': ' : ''}${errorText(e)}`;
  return {
    kind: 'unavailable',
    message: `${action} failed: the browser's storage is unavailable (${why}). Your latest changes are NOT saved. ${EXPORT_ADVICE}`,
  };
}

/** Like toStorageError, for operations that do not lose the open design's work (list, rename...). */
export function toRepoStorageError(e: unknown, action: string): StorageError {
  if (isQuotaError(e)) {
    return {
      kind: 'quota',
      message: `${action} failed: your browser refused to store more data (storage full).`,
    };
  }
  const name = errorName(e);
  return {
    kind: 'unavailable',
    message: `${action} failed: the browser's storage is unavailable (${name ? name + ': ' : ''}${errorText(e)}).`,
  };
}

/** Maps a failure of `indexedDB.open` to the banner text the studio shows. */
export function toOpenError(e: unknown): OpenError {
  const prefix = "Designs can't be saved in this browser window: ";
  const suffix = ' You can keep designing here; export the design as a file to keep it.';
  const name = errorName(e);
  if (name === 'VersionError') {
    return {
      kind: 'versionTooNew',
      message: `${prefix}a newer version of Tablewright has upgraded the storage in another tab. Reload this tab to use it.${suffix}`,
    };
  }
  if (isQuotaError(e))
    return { kind: 'unavailable', message: `${prefix}the browser's storage is full.${suffix}` };
  return {
    kind: 'unavailable',
    message: `${prefix}the browser does not allow storage here (private browsing or storage disabled: ${name || errorText(e)}).${suffix}`,
  };
}
