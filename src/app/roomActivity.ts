import type { StoreApi } from 'zustand/vanilla';
import type { DesignChange } from '../core/diff';
import type { DesignDocument } from '../core/model';
import type { StudioStore } from '../state/store';
import { realClock, type Clock } from './liveMoves';
import {
  authorOf,
  describeChange,
  roomChangeBetween,
  joinWords,
  touchedTables,
  type ChangeAuthor,
  type RoomChange,
} from './roomChanges';

/**
 * What teammates just changed, said briefly: the tables a change touched outlined in its author's
 * colour for a few seconds, and one line for the room's live region. Changes come in bursts (a
 * drag's drop, a rename typed letter by letter, a whole import): a burst is said once, when it
 * has settled, and its repeats merge (a column renamed twice is one rename).
 */

/** A table a teammate just changed, drawn outlined in their colour. */
export interface ChangeMark extends ChangeAuthor {
  /** New for each change: a table changed again is outlined afresh (its fade starts over). */
  serial: number;
}

/** The latest line about the others' changes (a new id each time a new line is said). */
export interface ActivityLine {
  id: number;
  text: string;
}

export interface RoomActivityState {
  changedTables: Readonly<Record<string, ChangeMark>>;
  activity: ActivityLine | null;
}

export const NO_CHANGED_TABLES: Readonly<Record<string, ChangeMark>> = Object.freeze({});
/** How long a changed table stays outlined. */
export const OUTLINE_MS = 4000;
/** A burst is over when nothing more arrived for this long... */
export const QUIET_MS = 1000;
/** ...or this long after it began (a steady stream is still said now and then). */
export const BURST_MAX_MS = 4000;
/** How long a line stays. */
export const LINE_MS = 10_000;
/** At most this many phrases per author in a line; the rest are counted. */
const PHRASES = 3;

interface Burst {
  author: ChangeAuthor;
  changes: Map<string, DesignChange>;
  moved: Set<string>;
}

export class RoomActivityFeed {
  private bursts = new Map<string, Burst>();
  private burstStart = 0;
  private marks = new Map<string, ChangeMark & { until: number }>();
  private lineId = 0;
  private serial = 0;
  private cancelSay: (() => void) | undefined;
  private cancelMarks: (() => void) | undefined;
  private cancelLine: (() => void) | undefined;

  constructor(
    private readonly publish: (patch: Partial<RoomActivityState>) => void,
    /** A table's name now (moved tables are named when the line is said). */
    private readonly tableName: (id: string) => string | undefined,
    private readonly clock: Clock = realClock,
  ) {}

  /** A change from the room was shown: `author` made `change`. */
  arrived(author: ChangeAuthor, change: RoomChange): void {
    if (change.changes.length === 0 && change.moved.length === 0) return;
    const now = this.clock.now();
    const until = now + OUTLINE_MS;
    const serial = ++this.serial;
    for (const id of touchedTables(change))
      this.marks.set(id, { name: author.name, colour: author.colour, serial, until });
    this.showMarks();

    if (this.bursts.size === 0) this.burstStart = now;
    const key = `${author.name}\u0000${author.colour}`;
    let burst = this.bursts.get(key);
    if (!burst) {
      burst = { author, changes: new Map(), moved: new Set() };
      this.bursts.set(key, burst);
    }
    for (const c of change.changes) {
      const id = `${c.entity}|${c.id}|${c.action}|${c.field ?? ''}`;
      burst.changes.set(id, mergeRepeat(burst.changes.get(id), c));
    }
    for (const id of change.moved) burst.moved.add(id);
    this.cancelSay?.();
    const wait = Math.max(0, Math.min(QUIET_MS, this.burstStart + BURST_MAX_MS - now));
    this.cancelSay = this.clock.later(() => this.say(), wait);
  }

  stop(): void {
    this.cancelSay?.();
    this.cancelMarks?.();
    this.cancelLine?.();
    this.bursts.clear();
    this.marks.clear();
  }

  private say(): void {
    this.cancelSay = undefined;
    const sentences = [...this.bursts.values()].map((b) => this.sentence(b));
    this.bursts.clear();
    const text = sentences.filter(Boolean).join(' ');
    if (!text) return;
    const line = { id: ++this.lineId, text };
    this.publish({ activity: line });
    this.cancelLine?.();
    this.cancelLine = this.clock.later(() => this.publish({ activity: null }), LINE_MS);
  }

  private sentence(burst: Burst): string {
    const phrases = [...burst.changes.values()].map(describeChange);
    const moved = [...burst.moved].map((id) => this.tableName(id)).filter(Boolean) as string[];
    if (moved.length === 1) phrases.push(`moved table ${moved[0]}`);
    else if (moved.length > 1 && moved.length <= PHRASES)
      phrases.push(`moved tables ${joinWords(moved)}`);
    else if (moved.length > PHRASES) phrases.push(`moved ${moved.length} tables`);
    if (phrases.length === 0) return '';
    const who = burst.author.name.charAt(0).toUpperCase() + burst.author.name.slice(1);
    if (phrases.length <= PHRASES) return `${who} ${joinWords(phrases)}.`;
    const shown = phrases.slice(0, PHRASES - 1);
    return `${who} made ${phrases.length} changes: ${shown.join(', ')} and ${phrases.length - shown.length} more.`;
  }

  private showMarks(): void {
    const now = this.clock.now();
    const next: Record<string, ChangeMark> = {};
    let due = Infinity;
    for (const [id, mark] of this.marks) {
      if (mark.until <= now) this.marks.delete(id);
      else {
        next[id] = { name: mark.name, colour: mark.colour, serial: mark.serial };
        due = Math.min(due, mark.until);
      }
    }
    this.publish({ changedTables: this.marks.size ? next : NO_CHANGED_TABLES });
    this.cancelMarks?.();
    this.cancelMarks =
      due === Infinity ? undefined : this.clock.later(() => this.showMarks(), due - now);
  }
}

/** The same entity changed again within a burst: one change, from where it began. */
function mergeRepeat(earlier: DesignChange | undefined, later: DesignChange): DesignChange {
  if (!earlier || later.action !== 'renamed') return later;
  const at = earlier.description.lastIndexOf(' renamed to ');
  if (at < 0) return later;
  return {
    ...later,
    from: earlier.from,
    description: `${earlier.description.slice(0, at)} renamed to ${later.to ?? ''}`,
  };
}

/**
 * The room's activity for a session: `heard` collects the authors of changes about to be applied
 * (sealed with them), `shown` says what they did once the store shows the result.
 */
export function followRoomActivity(
  state: StoreApi<RoomActivityState>,
  store: StudioStore,
): {
  heard: (authors: readonly unknown[]) => void;
  shown: (before: DesignDocument, after: DesignDocument) => void;
  stop: () => void;
} {
  const feed = new RoomActivityFeed(
    (patch) => state.setState(patch),
    (id) => store.getState().design.tables[id]?.name,
  );
  let authors: unknown[] = [];
  return {
    heard: (more) => void authors.push(...more),
    shown(before, after) {
      if (authors.length === 0) return; // mine (an undo), or the design as the room had it
      const author = authorOf(authors);
      authors = [];
      feed.arrived(author, roomChangeBetween(before, after));
    },
    stop() {
      feed.stop();
      state.setState({ changedTables: NO_CHANGED_TABLES, activity: null });
    },
  };
}
