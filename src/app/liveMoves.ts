import type { StoreApi } from 'zustand/vanilla';
import type { TableLayout } from '../core/model';
import type { StudioState, StudioStore } from '../state/store';
import { MAX_LIVE_MOVES, type LiveMove, type Person } from './presence';

/**
 * Drags streamed live. The dragger's store suppresses writes to the shared document while a
 * gesture lasts (the drop commits one change, one undo step); meanwhile the dragged tables'
 * positions travel in presence, at presence's rate, and each receiver draws them in place of the
 * stored ones. Everything here costs what the drag touches (the dragged tables), never the design.
 */

/** Where a table is drawn while someone else moves it, and by whom (their colour). */
export interface LiveTable {
  x: number;
  y: number;
  name: string;
  colour: string;
}

/** Live positions by table id; the same object while nothing changes. */
export type LiveTables = Readonly<Record<string, LiveTable>>;

export const NO_LIVE_TABLES: LiveTables = Object.freeze({});

/** How long a dropped table keeps its live position while the drop's change is on its way. */
export const LANDING_MS = 2000;

/**
 * The tables this person is dragging, where they are now: the selected ones (a drag moves the
 * selection) whose position differs from the gesture's start. Nothing outside a gesture.
 */
export function draggedPositions(
  s: Pick<StudioState, 'gestureStart' | 'layout' | 'selection'>,
): LiveMove[] {
  const start = s.gestureStart;
  if (!start || start.layout.tables === s.layout.tables) return [];
  const out: LiveMove[] = [];
  for (const id of s.selection.tableIds) {
    const now = s.layout.tables[id];
    if (!now || now === start.layout.tables[id]) continue;
    out.push({ id, x: Math.round(now.x * 10) / 10, y: Math.round(now.y * 10) / 10 });
    if (out.length === MAX_LIVE_MOVES) break;
  }
  return out;
}

interface Landing extends LiveTable {
  clientId: number;
  /** The stored position when the dragger let go: a new one means the drop has arrived. */
  stored: TableLayout | undefined;
  until: number;
}

/** Time, as the trackers of a room see it (tests move their own). */
export interface Clock {
  now(): number;
  /** Runs `run` in `ms`; the function returned cancels it. */
  later(run: () => void, ms: number): () => void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  later: (run, ms) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * What receivers draw: the others' live positions, checked (a read-only member moves nothing,
 * a table id must be one of the design's), kept after a drop until the dropped position arrives
 * in the shared document (or `LANDING_MS` pass), so the table does not jump back in between;
 * dropped at once when its dragger leaves.
 */
export class LiveTableTracker {
  private moving = new Map<number, Map<string, LiveTable>>();
  private landing = new Map<string, Landing>();
  private shown: LiveTables = NO_LIVE_TABLES;
  private cancelTimer: (() => void) | undefined;

  constructor(
    private readonly tables: () => Readonly<Record<string, TableLayout>>,
    private readonly onChange: (live: LiveTables) => void,
    private readonly clock: Clock = realClock,
  ) {}

  current(): LiveTables {
    return this.shown;
  }

  /** The others' presence, as last read. */
  people(people: readonly Person[]): void {
    const tables = this.tables();
    const next = new Map<number, Map<string, LiveTable>>();
    for (const person of people) {
      if (person.access !== 'write' || person.moving.length === 0) continue;
      const moves = new Map<string, LiveTable>();
      for (const m of person.moving) {
        if (!Object.hasOwn(tables, m.id)) continue;
        moves.set(m.id, { x: m.x, y: m.y, name: person.name, colour: person.colour });
      }
      if (moves.size) next.set(person.clientId, moves);
    }
    const here = new Set(people.map((p) => p.clientId));
    for (const [id, landing] of this.landing) {
      // Gone from the room (left, offline): nothing of theirs is on its way any more.
      if (!here.has(landing.clientId) || next.get(landing.clientId)?.has(id))
        this.landing.delete(id);
    }
    for (const [clientId, moves] of this.moving) {
      if (!here.has(clientId)) continue;
      for (const [id, last] of moves) {
        if (next.get(clientId)?.has(id)) continue;
        const stored = tables[id];
        // The drop's change came first: the table is already where it was let go.
        if (stored && Math.abs(stored.x - last.x) < 1 && Math.abs(stored.y - last.y) < 1) continue;
        this.landing.set(id, {
          ...last,
          clientId,
          stored,
          until: this.clock.now() + LANDING_MS,
        });
      }
    }
    this.moving = next;
    this.publish();
  }

  /** The shared design changed: tables whose dropped position arrived stop being drawn live. */
  layoutChanged(): void {
    if (this.landing.size === 0) return;
    const tables = this.tables();
    let changed = false;
    for (const [id, landing] of this.landing) {
      if (tables[id] !== landing.stored) {
        this.landing.delete(id);
        changed = true;
      }
    }
    if (changed) this.publish();
  }

  /**
   * This person dropped these tables: where someone else let go of them is not drawn any more
   * (both drops are in the shared design, which settles on one; a live drag still shows).
   */
  forget(ids: readonly string[]): void {
    let changed = false;
    for (const id of ids) changed = this.landing.delete(id) || changed;
    if (changed) this.publish();
  }

  stop(): void {
    this.cancelTimer?.();
    this.moving.clear();
    this.landing.clear();
  }

  private publish(): void {
    const now = this.clock.now();
    const next: Record<string, LiveTable> = {};
    let nextDue = Infinity;
    for (const [id, landing] of this.landing) {
      if (landing.until <= now) this.landing.delete(id);
      else {
        next[id] = { x: landing.x, y: landing.y, name: landing.name, colour: landing.colour };
        nextDue = Math.min(nextDue, landing.until);
      }
    }
    for (const moves of this.moving.values()) for (const [id, t] of moves) next[id] = t;
    this.cancelTimer?.();
    this.cancelTimer =
      nextDue === Infinity ? undefined : this.clock.later(() => this.publish(), nextDue - now);
    if (sameLive(this.shown, next)) return;
    this.shown = Object.keys(next).length ? next : NO_LIVE_TABLES;
    this.onChange(this.shown);
  }
}

function sameLive(a: LiveTables, b: LiveTables): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    const x = a[k]!;
    const y = b[k];
    if (!y || x.x !== y.x || x.y !== y.y || x.colour !== y.colour || x.name !== y.name)
      return false;
  }
  return true;
}

/**
 * Follows the others' drags for the room's lifetime: their checked presence in, `liveTables` of
 * the session's state out; the store's layout changes end the landings.
 */
export function followLiveTables(
  state: StoreApi<{ people: Person[]; liveTables: LiveTables }>,
  store: StudioStore,
): () => void {
  const tracker = new LiveTableTracker(
    () => store.getState().layout.tables,
    (liveTables) => state.setState({ liveTables }),
  );
  const stopPeople = state.subscribe((s, prev) => {
    if (s.people !== prev.people) tracker.people(s.people);
  });
  const stopLayout = store.subscribe((s, prev) => {
    if (s.layout.tables !== prev.layout.tables) tracker.layoutChanged();
    if (prev.gestureStart && !s.gestureStart) tracker.forget(s.selection.tableIds);
  });
  return () => {
    stopPeople();
    stopLayout();
    tracker.stop();
    state.setState({ liveTables: NO_LIVE_TABLES });
  };
}
