import { err, ok, type Result } from '../core/result';
import type { StorageError } from './errors';
import type { TablewrightDb } from './openDb';
import {
  readDesignUiState,
  readSession,
  SESSION_LAST_DESIGN,
  uiStateKey,
  type DesignUiState,
  type Session,
} from './records';

/**
 * Small UI memories kept beside the designs. Reads are tolerant (missing or damaged → defaults,
 * storage failure → defaults): losing a selection is not worth an error dialog. Writes report.
 */
export interface SessionAccess {
  getSession(): Promise<Session>;
  /** Sets the given keys; a key set to `undefined` is removed. */
  setSession(patch: Session): Promise<Result<void, StorageError>>;
  /** `{ selection: [] }` when nothing is remembered. */
  getDesignUiState(designId: string): Promise<DesignUiState>;
  setDesignUiState(designId: string, state: DesignUiState): Promise<Result<void, StorageError>>;
}

export function createSessionAccess(
  db: TablewrightDb,
  storageFailure: (e: unknown, action: string) => StorageError,
): SessionAccess {
  return {
    async getSession() {
      try {
        return readSession(await db.get('session', SESSION_LAST_DESIGN));
      } catch {
        return {};
      }
    },

    async setSession(patch) {
      try {
        if ('lastDesignId' in patch) {
          if (patch.lastDesignId === undefined) await db.delete('session', SESSION_LAST_DESIGN);
          else await db.put('session', patch.lastDesignId, SESSION_LAST_DESIGN);
        }
        return ok(undefined);
      } catch (e) {
        return err(storageFailure(e, 'Remembering the open design'));
      }
    },

    async getDesignUiState(designId) {
      try {
        return readDesignUiState(await db.get('session', uiStateKey(designId)));
      } catch {
        return { selection: [] };
      }
    },

    async setDesignUiState(designId, state) {
      try {
        const value: DesignUiState = { selection: [...state.selection] };
        if (state.columnId !== undefined) value.columnId = state.columnId;
        if (state.ddlDraft !== undefined) value.ddlDraft = state.ddlDraft;
        await db.put('session', value, uiStateKey(designId));
        return ok(undefined);
      } catch (e) {
        return err(storageFailure(e, 'Remembering the selection'));
      }
    },
  };
}
