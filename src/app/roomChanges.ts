import { diffDesigns, summarizeChanges, type DesignChange } from '../core/diff';
import type { Design, DesignDocument } from '../core/model';
import { PresenceSchema } from './presence';

/**
 * What a change from the room did, for the person who sees it arrive: the design's changes (from
 * the diff engine, as the Compare view has them) and the tables moved, said in a sentence.
 */

/** Who made a change, as sealed with it; unknown authors are "a teammate". */
export interface ChangeAuthor {
  name: string;
  colour: string;
}

/** Drawn for changes whose author is not known. */
export const UNKNOWN_AUTHOR: ChangeAuthor = { name: 'a teammate', colour: '#8b8d98' };

const AuthorSchema = PresenceSchema.pick({ name: true, colour: true });

/**
 * The author of what arrived together: the one author all of it names, several joined ("Ana and
 * Ben"), or a teammate when any part names none (or one that does not check). Snapshots (null)
 * name nobody: they fold changes by anyone, mostly here already.
 */
export function authorOf(sealed: readonly unknown[]): ChangeAuthor {
  const authors: ChangeAuthor[] = [];
  for (const raw of sealed) {
    if (raw === null) continue;
    const checked = AuthorSchema.safeParse(raw);
    if (!checked.success) return UNKNOWN_AUTHOR;
    if (!authors.some((a) => a.name === checked.data.name)) authors.push(checked.data);
  }
  if (authors.length === 0) return UNKNOWN_AUTHOR;
  return { name: joinWords(authors.map((a) => a.name)), colour: authors[0]!.colour };
}

/** What changed from `before` to `after`: design changes and moved tables (by id). */
export interface RoomChange {
  changes: DesignChange[];
  moved: string[];
}

/**
 * The difference, looked for where it can be: tables that are the same objects (the shared
 * reader keeps unchanged entities as they were) are skipped before the diff runs.
 */
export function roomChangeBetween(before: DesignDocument, after: DesignDocument): RoomChange {
  const a = before.design;
  const b = after.design;
  const changes = a === b ? [] : diffDesigns(...onlyChangedTables(a, b));
  const moved: string[] = [];
  const was = before.layout.tables;
  const now = after.layout.tables;
  if (was !== now) {
    for (const [id, l] of Object.entries(now)) {
      const old = was[id];
      if (old && old !== l && (old.x !== l.x || old.y !== l.y) && b.tables[id]) moved.push(id);
    }
  }
  return { changes, moved };
}

function onlyChangedTables(a: Design, b: Design): [Design, Design] {
  if (a.tables === b.tables) return [a, b];
  const x: Design['tables'] = {};
  const y: Design['tables'] = {};
  for (const [id, t] of Object.entries(a.tables)) if (b.tables[id] !== t) x[id] = t;
  for (const [id, t] of Object.entries(b.tables)) if (a.tables[id] !== t) y[id] = t;
  return [
    { ...a, tables: x },
    { ...b, tables: y },
  ];
}

/** Tables to outline: changed, added or moved (a dropped table is no longer there to outline). */
export function touchedTables(change: RoomChange): string[] {
  const summary = summarizeChanges(change.changes);
  const ids = Object.entries(summary.tables)
    .filter(([, status]) => status !== 'removed')
    .map(([id]) => id);
  return [...new Set([...ids, ...change.moved])];
}

/**
 * One change as a phrase whose subject is its author: "renamed column users.email to
 * email_address", "added table invoices", "dropped index orders_by_day on orders".
 */
export function describeChange(change: DesignChange): string {
  const text = change.description;
  const renamed = / renamed to /.exec(text);
  switch (change.action) {
    case 'added': {
      const m = /^(.*) (?:added|created)( \(.*\))?$/.exec(text);
      return m ? `added ${m[1]}${m[2] ?? ''}` : `added ${text}`;
    }
    case 'removed':
      return `dropped ${text.replace(/ dropped$/, '')}`;
    case 'renamed':
      return renamed
        ? `renamed ${text.slice(0, renamed.index)} to ${text.slice(renamed.index + renamed[0].length)}`
        : `renamed ${text}`;
    case 'moved':
      return `moved ${text.replace(/ moved to /, ' to ')}`;
    case 'changed':
      if (/ redefined$/.test(text)) return `redefined ${text.replace(/ redefined$/, '')}`;
      if (/ replaced$/.test(text)) return `replaced ${text.replace(/ replaced$/, '')}`;
      if (/: comment changed$/.test(text))
        return `changed the comment of ${text.replace(/: comment changed$/, '')}`;
      return `changed ${text}`;
  }
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
