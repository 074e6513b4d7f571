import { newId, parseDesign, type DesignDocument, type Repair } from '../core/model';
import { err, ok, type Result } from '../core/result';
import type { LoadError, StorageError } from './errors';
import type { TablewrightDb } from './openDb';
import type { VersionMeta, VersionRecord } from './records';

/** Automatic versions kept per design; the person's own are never pruned. */
export const AUTO_VERSIONS_KEPT = 20;

export interface NewVersion {
  designId: string;
  name: string;
  auto: boolean;
  doc: DesignDocument;
}

/** Versions of designs: a timeline per design, each a full document. */
export interface VersionAccess {
  saveVersion(version: NewVersion): Promise<Result<VersionMeta, StorageError>>;
  /** Newest first. */
  listVersions(designId: string): Promise<Result<VersionMeta[], StorageError>>;
  loadVersion(
    id: string,
  ): Promise<Result<{ meta: VersionMeta; doc: DesignDocument; repairs: Repair[] }, LoadError>>;
  renameVersion(id: string, name: string): Promise<Result<void, StorageError>>;
  deleteVersion(id: string): Promise<Result<void, StorageError>>;
}

const metaOf = ({ doc: _doc, ...meta }: VersionRecord): VersionMeta => meta;

export function createVersionAccess(
  db: TablewrightDb,
  now: () => number,
  storageFailure: (e: unknown, action: string) => StorageError,
): VersionAccess {
  const all = async (designId: string) =>
    (await db.getAllFromIndex('versions', 'byDesign', designId)).sort(
      (a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id),
    );
  return {
    async saveVersion({ designId, name, auto, doc }) {
      const record: VersionRecord = {
        id: newId('x'),
        designId,
        name,
        auto,
        createdAt: now(),
        tableCount: Object.keys(doc.design.tables).length,
        doc,
      };
      try {
        const tx = db.transaction('versions', 'readwrite');
        await tx.store.put(record);
        if (auto) {
          const autos = (await tx.store.index('byDesign').getAll(designId))
            .filter((v) => v.auto)
            .sort((a, b) => b.createdAt - a.createdAt);
          for (const old of autos.slice(AUTO_VERSIONS_KEPT)) await tx.store.delete(old.id);
        }
        await tx.done;
        return ok(metaOf(record));
      } catch (e) {
        return err(storageFailure(e, 'Saving the version'));
      }
    },
    async listVersions(designId) {
      try {
        return ok((await all(designId)).map(metaOf));
      } catch (e) {
        return err(storageFailure(e, 'Listing the versions'));
      }
    },
    async loadVersion(id) {
      try {
        const record = await db.get('versions', id);
        if (!record) return err({ kind: 'notFound', message: 'This version no longer exists.' });
        const parsed = parseDesign(record.doc, { clampLayout: true, repair: true });
        if (!parsed.ok) {
          const damaged: LoadError = {
            kind: 'damaged',
            message: `This version cannot be opened: ${parsed.error.message}`,
          };
          if (parsed.error.path) damaged.path = parsed.error.path;
          return err(damaged);
        }
        return ok({ meta: metaOf(record), ...parsed.value });
      } catch (e) {
        return err(storageFailure(e, 'Opening the version'));
      }
    },
    async renameVersion(id, name) {
      try {
        const tx = db.transaction('versions', 'readwrite');
        const record = await tx.store.get(id);
        if (record) await tx.store.put({ ...record, name });
        await tx.done;
        return ok(undefined);
      } catch (e) {
        return err(storageFailure(e, 'Renaming the version'));
      }
    },
    async deleteVersion(id) {
      try {
        await db.delete('versions', id);
        return ok(undefined);
      } catch (e) {
        return err(storageFailure(e, 'Deleting the version'));
      }
    },
  };
}
