import type * as Y from 'yjs';
import { sharedReader } from '../collab/sharedDesign';
import type { DesignDocument, Viewport } from '../core/model';

/**
 * The room's design as soon as `plain` holds a readable one: at once after the first sync, or
 * later when the room was still empty (its link opened before the inviter's first change reached
 * the relay; `onWaiting` is told then). `cancel` ends the wait with no design.
 */
export function roomDesignArrival(
  plain: Y.Doc,
  viewport: () => Viewport,
  onWaiting: () => void,
): { arrived: Promise<DesignDocument | undefined>; cancel: () => void } {
  const reader = sharedReader(plain);
  const readRoom = () => {
    const read = reader.read({ viewport: viewport() });
    return read.ok ? read.value.doc : undefined;
  };
  let cancel = () => {};
  const arrived = new Promise<DesignDocument | undefined>((resolve) => {
    const finish = (doc: DesignDocument | undefined) => {
      plain.off('afterTransaction', check);
      reader.destroy();
      cancel = () => {};
      resolve(doc);
    };
    const check = () => {
      const doc = readRoom();
      if (doc) finish(doc);
    };
    const now = readRoom();
    if (now) {
      finish(now);
      return;
    }
    onWaiting();
    cancel = () => finish(undefined);
    plain.on('afterTransaction', check);
  });
  return { arrived, cancel: () => cancel() };
}
