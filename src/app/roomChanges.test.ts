import { describe, expect, it } from 'vitest';
import { decodeAuthoredChange, encodeAuthoredChange } from '../collab/authoredChanges';
import { exampleDocument, makeDocument, type DesignDocument } from '../core/model';
import {
  addTable,
  deleteTables,
  moveTables,
  renameTable,
  setTableComment,
  updateColumn,
} from '../core/ops';
import {
  LINE_MS,
  OUTLINE_MS,
  QUIET_MS,
  BURST_MAX_MS,
  RoomActivityFeed,
  type RoomActivityState,
} from './roomActivity';
import {
  authorOf,
  describeChange,
  roomChangeBetween,
  UNKNOWN_AUTHOR,
  type ChangeAuthor,
} from './roomChanges';

const start = exampleDocument();
const ana: ChangeAuthor = { name: 'Ana', colour: '#e5484d' };
const ben: ChangeAuthor = { name: 'Ben', colour: '#0090ff' };

const edit = (doc: DesignDocument, op: (d: DesignDocument['design']) => DesignDocument['design']) =>
  makeDocument(op(doc.design), doc.layout);
const renameEmail = (doc: DesignDocument, name: string) =>
  edit(doc, (d) => updateColumn(d, 't_customers', 'c_customers_email', { name }));
const phrases = (before: DesignDocument, after: DesignDocument) =>
  roomChangeBetween(before, after).changes.map(describeChange);

describe('what a change from the room did, in words', () => {
  it('says renames, additions, drops and edits with their author as subject', () => {
    expect(phrases(start, renameEmail(start, 'email_address'))).toEqual([
      'renamed column customers.email to email_address',
    ]);
    expect(
      phrases(
        start,
        edit(start, (d) => addTable(d, { id: 't_inv', name: 'invoices' })),
      ),
    ).toEqual(['added table invoices']);
    expect(
      phrases(
        start,
        edit(start, (d) => deleteTables(d, ['t_orders'])),
      ),
    ).toContain('dropped table orders');
    expect(
      phrases(
        start,
        edit(start, (d) => renameTable(d, 't_orders', 'purchases')),
      ),
    ).toEqual(['renamed table orders to purchases']);
    expect(
      phrases(
        start,
        edit(start, (d) => setTableComment(d, 't_orders', 'x')),
      ),
    ).toEqual(['changed the comment of table orders']);
    expect(
      phrases(
        start,
        edit(start, (d) =>
          updateColumn(d, 't_customers', 'c_customers_email', { type: 'varchar(200)' }),
        ),
      ),
    ).toEqual(['changed column customers.email: type text -> varchar(200)']);
  });

  it('finds moved tables, and nothing where nothing changed', () => {
    const moved = makeDocument(
      start.design,
      moveTables(start.layout, [{ id: 't_orders', x: 999, y: 9 }]),
    );
    expect(roomChangeBetween(start, moved)).toEqual({ changes: [], moved: ['t_orders'] });
    expect(roomChangeBetween(start, makeDocument(start.design, { ...start.layout }))).toEqual({
      changes: [],
      moved: [],
    });
  });

  it('knows the author only from what checks: otherwise a teammate', () => {
    expect(authorOf([ana])).toEqual(ana);
    expect(authorOf([ana, ana, ben])).toEqual({ name: 'Ana and Ben', colour: ana.colour });
    expect(authorOf([])).toBe(UNKNOWN_AUTHOR);
    expect(authorOf([ana, undefined])).toBe(UNKNOWN_AUTHOR);
    expect(authorOf([ana, null])).toEqual(ana);
    expect(authorOf([null])).toBe(UNKNOWN_AUTHOR);
    expect(authorOf([{ name: 'Ana', colour: 'red; background: url(x)' }])).toBe(UNKNOWN_AUTHOR);
    expect(authorOf([{ name: '', colour: '#000000' }])).toBe(UNKNOWN_AUTHOR);
  });

  it('carries the author with the sealed change, and refuses a damaged author part', () => {
    const update = new Uint8Array([1, 2, 3]);
    const decoded = decodeAuthoredChange(encodeAuthoredChange(ana, update));
    expect(decoded?.author).toEqual(ana);
    expect([...decoded!.update]).toEqual([1, 2, 3]);
    expect(decodeAuthoredChange(new Uint8Array([0xff, 0xff, 1]))).toBeUndefined();
    expect(decodeAuthoredChange(new Uint8Array([0]))).toBeUndefined();
    // An author that is not JSON is unknown, the change itself still arrives.
    const garbled = decodeAuthoredChange(new Uint8Array([0, 2, 0x7b, 0x7b, 9]));
    expect(garbled?.author).toBeUndefined();
    expect([...garbled!.update]).toEqual([9]);
  });
});

/** A feed with a clock the test moves; what it publishes is kept. */
function feed() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const state: RoomActivityState = { changedTables: {}, activity: null };
  const lines: string[] = [];
  const names: Record<string, string> = { t_orders: 'orders', t_customers: 'customers' };
  const f = new RoomActivityFeed(
    (patch) => {
      Object.assign(state, patch);
      if (patch.activity) lines.push(patch.activity.text);
    },
    (id) => names[id],
    {
      now: () => now,
      later: (run, ms) => {
        const t = { at: now + ms, run };
        timers.push(t);
        return () => {
          if (timers.includes(t)) timers.splice(timers.indexOf(t), 1);
        };
      },
    },
  );
  return {
    feed: f,
    state,
    lines,
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        now = next.at;
        timers.splice(timers.indexOf(next), 1);
        next.run();
      }
      now = end;
    },
  };
}

describe('the room’s activity: outlines and one line per burst', () => {
  it('outlines the changed tables in the author’s colour at once, for a few seconds', () => {
    const f = feed();
    f.feed.arrived(ana, roomChangeBetween(start, renameEmail(start, 'email_address')));
    expect(f.state.changedTables).toMatchObject({ t_customers: ana });
    f.advance(OUTLINE_MS - 1);
    expect(f.state.changedTables).toMatchObject({ t_customers: ana });
    f.advance(1);
    expect(f.state.changedTables).toEqual({});
  });

  it('outlines a table changed again afresh, for the full time from its last change', () => {
    const f = feed();
    const once = renameEmail(start, 'e1');
    f.feed.arrived(ana, roomChangeBetween(start, once));
    const first = f.state.changedTables.t_customers!.serial;
    f.advance(OUTLINE_MS - 1000);
    f.feed.arrived(ana, roomChangeBetween(once, renameEmail(once, 'e2')));
    expect(f.state.changedTables.t_customers!.serial).not.toBe(first);
    f.advance(OUTLINE_MS - 1);
    expect(f.state.changedTables.t_customers).toBeDefined();
    f.advance(1);
    expect(f.state.changedTables).toEqual({});
  });

  it('says a burst once it settles, with a rename typed in steps as one rename', () => {
    const f = feed();
    let doc = start;
    for (const name of ['e', 'em', 'email_address']) {
      const next = renameEmail(doc, name);
      f.feed.arrived(ana, roomChangeBetween(doc, next));
      doc = next;
      f.advance(QUIET_MS - 1);
    }
    expect(f.lines).toEqual([]);
    f.advance(1);
    expect(f.lines).toEqual(['Ana renamed column customers.email to email_address.']);
    f.advance(LINE_MS);
    expect(f.state.activity).toBeNull();
  });

  it('says a steady stream now and then rather than never', () => {
    const f = feed();
    let doc = start;
    for (let i = 0; i * (QUIET_MS / 2) < BURST_MAX_MS; i++) {
      const next = edit(doc, (d) => setTableComment(d, 't_orders', `v${i}`));
      f.feed.arrived(ana, roomChangeBetween(doc, next));
      doc = next;
      f.advance(QUIET_MS / 2);
    }
    expect(f.lines).toEqual(['Ana changed the comment of table orders.']);
  });

  it('groups many changes and several authors in one line', () => {
    const f = feed();
    let doc = start;
    const next = edit(doc, (d) =>
      ['a', 'b', 'c', 'd'].reduce((x, n) => addTable(x, { id: `t_${n}`, name: n }), d),
    );
    f.feed.arrived(ana, roomChangeBetween(doc, next));
    doc = next;
    const moved = makeDocument(
      doc.design,
      moveTables(doc.layout, [
        { id: 't_orders', x: 1, y: 2 },
        { id: 't_customers', x: 3, y: 4 },
      ]),
    );
    f.feed.arrived(ben, roomChangeBetween(doc, moved));
    f.feed.arrived(
      UNKNOWN_AUTHOR,
      roomChangeBetween(
        moved,
        edit(moved, (d) => renameTable(d, 't_a', 'aa')),
      ),
    );
    f.advance(QUIET_MS);
    expect(f.lines).toEqual([
      'Ana made 4 changes: added table a, added table b and 2 more. Ben moved tables customers and orders. A teammate renamed table a to aa.',
    ]);
    expect(f.state.changedTables.t_orders).toMatchObject(ben);
    expect(f.state.changedTables.t_a).toMatchObject(UNKNOWN_AUTHOR);
  });

  it('says nothing for a change that changes nothing', () => {
    const f = feed();
    f.feed.arrived(ana, roomChangeBetween(start, start));
    f.advance(QUIET_MS);
    expect(f.lines).toEqual([]);
    expect(f.state.changedTables).toEqual({});
  });
});
