import type * as Y from 'yjs';
import {
  addSharedVersion,
  DEFAULT_VERSION_LIMITS,
  listSharedVersions,
  loadSharedVersion,
  removeSharedVersion,
  VERSIONS,
  type SharedVersionMeta,
  type VersionLimits,
} from '../collab/sharedVersions';
import { newId, type DesignDocument, type Repair } from '../core/model';
import type { Result } from '../core/result';
import type { Profile } from './presence';

/**
 * The versions of the room the studio is in, as the Versions timeline uses them: listed with who
 * saved them, opened, saved (by members with the edit link) and removed for everyone.
 */
export interface RoomVersions {
  access: 'write' | 'read';
  /** What the room keeps for versions, in bytes (compressed). */
  budgetBytes: number;
  list(): SharedVersionMeta[];
  /** Calls back when the room's versions change (mine, a teammate's, a merge). */
  subscribe(listener: () => void): () => void;
  save(name: string, doc: DesignDocument, savedAt?: number): Result<SharedVersionMeta, string>;
  load(
    id: string,
  ): Result<{ meta: SharedVersionMeta; doc: DesignDocument; repairs: Repair[] }, string>;
  remove(id: string): void;
}

/** The room's versions over its plaintext doc; `profile` names whoever saves one. */
export function roomVersions(options: {
  plain: Y.Doc;
  access: 'write' | 'read';
  profile: () => Profile;
  now?: () => number;
  limits?: VersionLimits;
}): RoomVersions {
  const { plain, access, limits } = options;
  const now = options.now ?? Date.now;
  return {
    access,
    budgetBytes: (limits ?? DEFAULT_VERSION_LIMITS).maxTotalBytes,
    list: () => listSharedVersions(plain, limits),
    subscribe(listener) {
      const map = plain.getMap(VERSIONS);
      const observer = () => listener();
      map.observe(observer);
      return () => map.unobserve(observer);
    },
    save(name, doc, savedAt) {
      const { name: by, colour } = options.profile();
      return addSharedVersion(
        plain,
        { id: newId('x'), name, savedBy: { name: by, colour }, savedAt: savedAt ?? now(), doc },
        limits,
      );
    },
    load: (id) => loadSharedVersion(plain, id, limits),
    remove: (id) => removeSharedVersion(plain, id),
  };
}
