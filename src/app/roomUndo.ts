import * as Y from 'yjs';
import type { StudioStore } from '../state/store';

/** The origin of this person's own changes to the shared document: the undo manager tracks it. */
export const LOCAL_ORIGIN = Symbol('tablewright collab local');

/**
 * Personal undo in a room: Undo and Redo take back this person's changes only (those made with
 * `LOCAL_ORIGIN`), never a teammate's. Published to the store, which routes Ctrl+Z here while in
 * the room. `show` puts the result on screen at once, as an ordinary undo does.
 */
export function bindPersonalUndo(plain: Y.Doc, store: StudioStore, show: () => void): () => void {
  const undo = new Y.UndoManager(plain, {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: 0,
  });
  const publish = () =>
    store.getState().setPersonalUndo({
      undo: () => {
        undo.undo();
        show();
      },
      redo: () => {
        undo.redo();
        show();
      },
      canUndo: undo.undoStack.length > 0,
      canRedo: undo.redoStack.length > 0,
    });
  publish();
  undo.on('stack-item-added', publish);
  undo.on('stack-item-popped', publish);
  undo.on('stack-cleared', publish);
  return () => undo.destroy();
}

/** A read-only member has nothing of their own to undo, and the room's changes are not theirs. */
export function noPersonalUndo(store: StudioStore): () => void {
  const nothing = () => {};
  store
    .getState()
    .setPersonalUndo({ undo: nothing, redo: nothing, canUndo: false, canRedo: false });
  return nothing;
}
