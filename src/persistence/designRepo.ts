import { parseDesign, type DesignDocument, type Repair } from '../core/model';
import { err, ok, type Result } from '../core/result';
import {
  conflictMessage,
  EXPORT_ADVICE,
  notFoundMessage,
  toRepoStorageError,
  toStorageError,
  type LoadError,
  type OpenError,
  type RepoError,
  type SaveError,
  type StorageError,
} from './errors';
import { openTablewrightDb, type OpenDbOptions, type TablewrightDb } from './openDb';
import {
  copyName,
  readMeta,
  recordOf,
  SESSION_LAST_DESIGN,
  storedRevision,
  uiStateKey,
  withNewDesignId,
  type DesignMeta,
  type DesignRecord,
} from './records';
import { createSessionAccess, type SessionAccess } from './sessionAccess';
import { createVersionAccess, type VersionAccess } from './versionAccess';
import { putRecord, writeTx, type WriteTx } from './writeTx';

/** What happened to a stored design; `saved` covers create, save, rename and duplicate. */
export type DesignChangeType = 'saved' | 'deleted' | 'restored' | 'purged';

/** A committed change made through this repo (this tab). `tabSync` forwards these to other tabs. */
export interface DesignChange {
  type: DesignChangeType;
  designId: string;
  /** The new revision, for `saved`. */
  revision?: number;
  /** Who wrote it, as passed to `save`/`create`: lets an autosave recognise its own writes. */
  origin?: string;
}

/** A design read back from storage, already through `parseDesign`. */
export interface LoadedDesign {
  doc: DesignDocument;
  revision: number;
  meta: DesignMeta;
  /** Dangling references dropped to open it (see `ParseOptions.repair`); empty for a sound design. */
  repairs: Repair[];
}

/** Tags a write so change listeners can tell who made it. */
export interface WriteOptions {
  origin?: string;
}

/**
 * The stored designs of this browser profile (IndexedDB). Every method resolves to a value; none
 * throws for storage trouble. Writes are single transactions; `save` is compare-and-swap.
 */
export interface DesignRepo extends SessionAccess, VersionAccess {
  /** Metas, most recently updated first; deleted (trashed) ones only with `includeDeleted`. */
  list(options?: { includeDeleted?: boolean }): Promise<Result<DesignMeta[], StorageError>>;
  /** The document through `parseDesign`: a damaged record is an error value, never a throw. */
  load(id: string): Promise<Result<LoadedDesign, LoadError>>;
  /**
   * The stored document exactly as it is, unparsed: lets the person download a design that fails
   * to load (so nothing is lost) instead of only reading why. `undefined` when there is none.
   */
  readRaw(id: string): Promise<Result<unknown, StorageError>>;
  /** Stores a new design under `doc.design.id`, at revision 1. Refuses an id already stored (`exists`). */
  create(
    doc: DesignDocument,
    options?: WriteOptions,
  ): Promise<Result<{ id: string; revision: number }, SaveError>>;
  /**
   * Writes `doc` if the stored revision is still `baseRevision` (compare-and-swap in one
   * transaction); otherwise refuses with `conflict` and overwrites nothing. A design in the
   * trash stays there (its work is still kept).
   */
  save(
    doc: DesignDocument,
    options: { baseRevision: number } & WriteOptions,
  ): Promise<Result<{ revision: number }, SaveError>>;
  /** Renames (document and meta together); bumps the revision, so an open editor elsewhere learns of it. */
  rename(id: string, name: string): Promise<Result<{ revision: number }, RepoError>>;
  /** A copy under a new design id, named `newName` or "<name> (copy)". */
  duplicate(
    id: string,
    newName?: string,
  ): Promise<Result<{ id: string; revision: number }, RepoError>>;
  /** Moves to the trash (recoverable); the revision is unchanged. */
  softDelete(id: string): Promise<Result<void, RepoError>>;
  restore(id: string): Promise<Result<void, RepoError>>;
  /** Deletes for real, with its UI state. Purging a missing design succeeds. */
  purge(id: string): Promise<Result<void, StorageError>>;
  /** Listens to changes committed through this repo object. Returns the unsubscribe function. */
  subscribe(listener: (change: DesignChange) => void): () => void;
  close(): void;
}

export interface OpenDesignRepoOptions extends Omit<OpenDbOptions, 'onClosed'> {
  /** The clock for createdAt/updatedAt. */
  now?: () => number;
}

/**
 * Opens the designs store. When IndexedDB cannot be opened (private mode, disabled storage,
 * blocked by another tab) the error's message is the banner to show; the studio then works in
 * memory and should offer export.
 */
export async function openDesignRepo(
  dbName = 'tablewright',
  options: OpenDesignRepoOptions = {},
): Promise<Result<DesignRepo, OpenError>> {
  let closedElsewhere = false;
  const opened = await openTablewrightDb(dbName, {
    ...options,
    onClosed: (reason) => {
      if (reason === 'upgradeElsewhere') closedElsewhere = true;
    },
  });
  if (!opened.ok) return opened;
  return ok(createRepo(opened.value, options.now ?? Date.now, () => closedElsewhere));
}

function createRepo(
  db: TablewrightDb,
  now: () => number,
  closedElsewhere: () => boolean,
): DesignRepo {
  const listeners = new Set<(change: DesignChange) => void>();
  const emit = (change: DesignChange) => {
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (e) {
        // A failing listener must not turn a committed write into a reported failure.
        console.error('DesignRepo change listener failed', e);
      }
    }
  };

  const storageFailure = (e: unknown, action: string): StorageError => {
    if (closedElsewhere()) {
      return {
        kind: 'unavailable',
        message:
          `${action} failed: a newer version of Tablewright opened in another tab and took over the storage.` +
          (action === 'Saving'
            ? ` Your latest changes are NOT saved. ${EXPORT_ADVICE} Then reload this tab.`
            : ' Reload this tab.'),
      };
    }
    return action === 'Saving' ? toStorageError(e, action) : toRepoStorageError(e, action);
  };

  const write = <T>(fn: (tx: WriteTx) => Promise<T>) => writeTx(db, fn);

  const repo: DesignRepo = {
    ...createSessionAccess(db, storageFailure),
    ...createVersionAccess(db, now, storageFailure),

    async list(options = {}) {
      try {
        const stored = await db.getAll('metas');
        const metas = stored.map(readMeta).filter((m): m is DesignMeta => m !== undefined);
        const visible = options.includeDeleted
          ? metas
          : metas.filter((m) => m.deletedAt === undefined);
        visible.sort(
          (a, b) =>
            b.updatedAt - a.updatedAt || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
        );
        return ok(visible);
      } catch (e) {
        return err(storageFailure(e, 'Listing the designs'));
      }
    },

    async load(id) {
      let record: unknown;
      try {
        record = await db.get('designs', id);
      } catch (e) {
        return err(storageFailure(e, 'Opening the design'));
      }
      if (record === undefined) return err({ kind: 'notFound', message: notFoundMessage(id) });
      const meta = readMeta(record);
      const label = meta ? `"${meta.name}"` : `"${id}"`;
      if (!meta)
        return err({
          kind: 'damaged',
          message: `The stored design ${label} is damaged and cannot be opened.`,
        });
      const parsed = parseDesign((record as { doc?: unknown }).doc, {
        clampLayout: true,
        repair: true,
      });
      if (!parsed.ok) {
        const damaged: LoadError = {
          kind: 'damaged',
          message: `The stored design ${label} cannot be opened: ${parsed.error.message}`,
        };
        if (parsed.error.path) damaged.path = parsed.error.path;
        return err(damaged);
      }
      // The key is the identity: a document carrying another id would be saved under that other key.
      const { doc: stored, repairs } = parsed.value;
      const doc =
        stored.design.id === id ? stored : { ...stored, design: { ...stored.design, id } };
      return ok({
        doc,
        revision: meta.revision,
        meta: { ...meta, name: doc.design.name },
        repairs,
      });
    },

    async readRaw(id) {
      try {
        const record = (await db.get('designs', id)) as { doc?: unknown } | undefined;
        return ok(record?.doc);
      } catch (e) {
        return err(storageFailure(e, 'Reading the design'));
      }
    },

    async create(doc, options = {}) {
      const id = doc.design.id;
      try {
        // A refusal answers without writing: the transaction commits nothing.
        const outcome = await write(async (tx): Promise<Result<void, SaveError>> => {
          if ((await tx.objectStore('designs').getKey(id)) !== undefined)
            return err({
              kind: 'exists',
              message: `A design with the id "${id}" is already stored; it was not overwritten.`,
            });
          await putRecord(tx, recordOf(doc, 1, now()));
          return ok(undefined);
        });
        if (!outcome.ok) return outcome;
        emit({ type: 'saved', designId: id, revision: 1, origin: options.origin });
        return ok({ id, revision: 1 });
      } catch (e) {
        return err(storageFailure(e, 'Saving'));
      }
    },

    async save(doc, { baseRevision, origin }) {
      const id = doc.design.id;
      try {
        const outcome = await write(
          async (tx): Promise<Result<{ revision: number }, SaveError>> => {
            const current = (await tx.objectStore('designs').get(id)) as DesignRecord | undefined;
            if (current === undefined)
              return err({ kind: 'notFound', message: notFoundMessage(id) });
            const theirRevision = storedRevision(current);
            if (theirRevision !== baseRevision) {
              return err({ kind: 'conflict', theirRevision, message: conflictMessage() });
            }
            const revision = baseRevision + 1;
            await putRecord(tx, recordOf(doc, revision, now(), current));
            return ok({ revision });
          },
        );
        if (outcome.ok)
          emit({ type: 'saved', designId: id, revision: outcome.value.revision, origin });
        return outcome;
      } catch (e) {
        return err(storageFailure(e, 'Saving'));
      }
    },

    async rename(id, name) {
      const newName = name.trim() || 'Untitled design';
      try {
        const outcome = await write(
          async (tx): Promise<Result<{ revision: number }, RepoError>> => {
            const current = (await tx.objectStore('designs').get(id)) as DesignRecord | undefined;
            if (current === undefined)
              return err({ kind: 'notFound', message: notFoundMessage(id) });
            const doc = current.doc as { design?: unknown } | null;
            const design =
              typeof doc === 'object' && doc !== null && typeof doc.design === 'object'
                ? doc.design
                : undefined;
            // A damaged document keeps its damage; the rename still shows in the list.
            const renamedDoc = design
              ? { ...doc, design: { ...design, name: newName } }
              : current.doc;
            const revision = storedRevision(current) + 1;
            await putRecord(tx, {
              ...current,
              doc: renamedDoc,
              name: newName,
              revision,
              updatedAt: now(),
            });
            return ok({ revision });
          },
        );
        if (outcome.ok) emit({ type: 'saved', designId: id, revision: outcome.value.revision });
        return outcome;
      } catch (e) {
        return err(storageFailure(e, 'Renaming the design'));
      }
    },

    async duplicate(id, newName) {
      const loaded = await repo.load(id);
      if (!loaded.ok) return loaded;
      const copy = withNewDesignId(
        loaded.value.doc,
        newName?.trim() || copyName(loaded.value.doc.design.name),
      );
      const created = await repo.create(copy);
      if (created.ok) return created;
      // A fresh random id cannot exist already, nor conflict: only storage failures remain.
      const e = created.error;
      return err(
        e.kind === 'quota' || e.kind === 'unavailable'
          ? e
          : { kind: 'unavailable', message: e.message },
      );
    },

    softDelete: (id) => setDeleted(id, now()),
    restore: (id) => setDeleted(id, undefined),

    async purge(id) {
      try {
        await write(async (tx) => {
          await Promise.all([
            tx.objectStore('designs').delete(id),
            tx.objectStore('metas').delete(id),
          ]);
          await purgeSessionOf(tx, id);
          // A design deleted for good takes its versions with it.
          for (const key of await tx.objectStore('versions').index('byDesign').getAllKeys(id))
            await tx.objectStore('versions').delete(key);
        });
        emit({ type: 'purged', designId: id });
        return ok(undefined);
      } catch (e) {
        return err(storageFailure(e, 'Deleting the design'));
      }
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close: () => db.close(),
  };

  async function purgeSessionOf(tx: WriteTx, id: string): Promise<void> {
    const session = tx.objectStore('session');
    await session.delete(uiStateKey(id));
    if ((await session.get(SESSION_LAST_DESIGN)) === id) await session.delete(SESSION_LAST_DESIGN);
  }

  async function setDeleted(
    id: string,
    deletedAt: number | undefined,
  ): Promise<Result<void, RepoError>> {
    try {
      const found = await write(async (tx) => {
        const current = (await tx.objectStore('designs').get(id)) as DesignRecord | undefined;
        if (current === undefined) return false;
        const next: DesignRecord = { ...current };
        if (deletedAt === undefined) delete next.deletedAt;
        else next.deletedAt = deletedAt;
        await putRecord(tx, next);
        return true;
      });
      if (!found) return err({ kind: 'notFound', message: notFoundMessage(id) });
      emit({ type: deletedAt === undefined ? 'restored' : 'deleted', designId: id });
      return ok(undefined);
    } catch (e) {
      return err(
        storageFailure(
          e,
          deletedAt === undefined ? 'Restoring the design' : 'Moving the design to the trash',
        ),
      );
    }
  }

  return repo;
}
