import type { StoreApi } from 'zustand/vanilla';
import type { StudioStore } from '../state/store';
import type { Collaboration } from './collaboration';
import { draggedPositions } from './liveMoves';
import type { Profile } from './presence';

const POINTER_EVERY_MS = 50;

interface PresenceSource {
  collab: Collaboration;
  store: StudioStore;
  profile: StoreApi<{ profile: Profile }>;
  access: 'write' | 'read';
  pointer: () => { x: number; y: number } | null;
}

/**
 * This person's presence (name, colour, selection, pointer, the tables being dragged) sent to the
 * room: at most one message per 50 ms, and only the latest state when several changes fall in one
 * interval. A drag is sent as it goes, and its end (nothing moving) once it is dropped.
 */
export function presenceSender(source: PresenceSource): { send: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = false;
  let stopped = false;
  const push = () => {
    const { profile } = source.profile.getState();
    void source.collab.presence.set({
      name: profile.name,
      colour: profile.colour,
      selection: source.store.getState().selection.tableIds.slice(0, 1000),
      pointer: source.pointer(),
      access: source.access,
      moving: source.access === 'write' ? draggedPositions(source.store.getState()) : [],
    });
  };
  const send = () => {
    if (stopped) return;
    if (timer !== undefined) {
      due = true;
      return;
    }
    push();
    timer = setTimeout(() => {
      timer = undefined;
      if (due) {
        due = false;
        send();
      }
    }, POINTER_EVERY_MS);
  };
  const stopDrags = source.store.subscribe((s, prev) => {
    if (s.gestureStart ? s.layout.tables !== prev.layout.tables : prev.gestureStart) send();
  });
  return {
    send,
    stop() {
      stopped = true;
      stopDrags();
      clearTimeout(timer);
    },
  };
}
