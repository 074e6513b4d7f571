import { describe, expect, it } from 'vitest';
import { exampleDocument, type TableLayout } from '../core/model';
import { moveTables } from '../core/ops';
import { createStudioStore } from '../state/store';
import { withLiveTables } from '../ui/collab/liveNodes';
import { draggedPositions, LANDING_MS, LiveTableTracker, type LiveTables } from './liveMoves';
import { MAX_LIVE_MOVES, readPeople, type Person } from './presence';

const doc = exampleDocument();
const [first, second] = Object.keys(doc.design.tables) as [string, string];

function person(clientId: number, moving: Person['moving'], access: Person['access'] = 'write') {
  return {
    clientId,
    name: `P${clientId}`,
    colour: '#0090ff',
    selection: [],
    pointer: null,
    access,
    moving,
  } satisfies Person;
}

/** A tracker over a layout the test changes, with a clock the test moves. */
function tracked() {
  let tables: Record<string, TableLayout> = { ...doc.layout.tables };
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const seen: LiveTables[] = [];
  const tracker = new LiveTableTracker(
    () => tables,
    (live) => seen.push(live),
    {
      now: () => now,
      later: (run, ms) => {
        const timer = { at: now + ms, run };
        timers.push(timer);
        return () => {
          if (timers.includes(timer)) timers.splice(timers.indexOf(timer), 1);
        };
      },
    },
  );
  return {
    tracker,
    seen,
    setTable(id: string, at: TableLayout) {
      tables = { ...tables, [id]: at };
      tracker.layoutChanged();
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.run();
      }
    },
  };
}

describe('live drags: what the dragger sends', () => {
  it('sends the selected tables that moved since the gesture began, and nothing outside one', () => {
    const store = createStudioStore(doc);
    store.getState().select({ tableIds: [first, second] });
    expect(draggedPositions(store.getState())).toEqual([]);
    store.getState().beginGesture();
    expect(draggedPositions(store.getState())).toEqual([]);
    store
      .getState()
      .setLayout((l) => moveTables(l, [{ id: first, x: 123, y: -40 }]), { history: false });
    expect(draggedPositions(store.getState())).toEqual([{ id: first, x: 123, y: -40 }]);
    store.getState().endGesture();
    expect(draggedPositions(store.getState())).toEqual([]);
  });

  it('sends at most the cap of one drag', () => {
    const ids = Array.from({ length: MAX_LIVE_MOVES + 20 }, (_, i) => `t${i}`);
    const start = Object.fromEntries(ids.map((id) => [id, { x: 0, y: 0 }]));
    const now = Object.fromEntries(ids.map((id) => [id, { x: 5, y: 5 }]));
    const s = {
      gestureStart: { design: doc.design, layout: { ...doc.layout, tables: start } },
      layout: { ...doc.layout, tables: now },
      selection: { tableIds: ids },
    };
    expect(draggedPositions(s)).toHaveLength(MAX_LIVE_MOVES);
  });
});

describe('live drags: what arrives is checked', () => {
  const base = { name: 'Ana', colour: '#e5484d', selection: [], pointer: null, access: 'write' };
  it('keeps finite positions within bounds, and presence without drags', () => {
    const people = readPeople(
      new Map<number, unknown>([
        [1, { ...base, moving: [{ id: first, x: 10, y: 20 }] }],
        [2, { ...base, name: 'Old studio' }],
        [3, { ...base, moving: [{ id: first, x: Number.NaN, y: 0 }] }],
        [4, { ...base, moving: [{ id: first, x: 1e9, y: 0 }] }],
        [5, { ...base, moving: [{ id: 'x'.repeat(65), x: 0, y: 0 }] }],
        [
          6,
          {
            ...base,
            moving: Array.from({ length: MAX_LIVE_MOVES + 1 }, () => ({ id: first, x: 0, y: 0 })),
          },
        ],
        [7, { ...base, moving: 'everything' }],
      ]),
    );
    expect(people.map((p) => [p.clientId, p.moving])).toEqual([
      [1, [{ id: first, x: 10, y: 20 }]],
      [2, []],
    ]);
  });

  it('draws only tables of the design, and nothing a read-only member sends', () => {
    const t = tracked();
    t.tracker.people([
      person(1, [
        { id: first, x: 1, y: 2 },
        { id: 'no_such_table', x: 3, y: 4 },
        { id: '__proto__', x: 3, y: 4 },
      ]),
      person(2, [{ id: second, x: 5, y: 6 }], 'read'),
    ]);
    expect(t.tracker.current()).toEqual({ [first]: { x: 1, y: 2, name: 'P1', colour: '#0090ff' } });
  });
});

describe('live drags: what receivers draw', () => {
  it('draws several tables moving at once, and the same object while nothing changes', () => {
    const t = tracked();
    const drag = [
      { id: first, x: 1, y: 2 },
      { id: second, x: 3, y: 4 },
    ];
    t.tracker.people([person(1, drag)]);
    const live = t.tracker.current();
    expect(Object.keys(live).sort()).toEqual([first, second].sort());
    t.tracker.people([
      person(
        1,
        drag.map((m) => ({ ...m })),
      ),
    ]);
    expect(t.tracker.current()).toBe(live);
    expect(t.seen).toHaveLength(1);
  });

  it('keeps a dropped table where it was let go until the drop arrives in the shared design', () => {
    const t = tracked();
    t.tracker.people([person(1, [{ id: first, x: 500, y: 600 }])]);
    t.tracker.people([person(1, [])]);
    expect(t.tracker.current()[first]).toMatchObject({ x: 500, y: 600 });
    t.setTable(second, { x: 9, y: 9 }); // another table's change is not the drop
    expect(t.tracker.current()[first]).toMatchObject({ x: 500, y: 600 });
    t.setTable(first, { x: 500, y: 600 });
    expect(t.tracker.current()).toEqual({});
  });

  it('stops drawing where someone let go of a table this person has just dropped too', () => {
    const t = tracked();
    t.tracker.people([person(1, [{ id: first, x: 500, y: 600 }])]);
    t.tracker.people([person(1, [])]);
    expect(t.tracker.current()[first]).toBeDefined();
    t.tracker.forget([first]);
    expect(t.tracker.current()).toEqual({});
  });

  it('lets a dropped table go after a while when its change never arrives', () => {
    const t = tracked();
    t.tracker.people([person(1, [{ id: first, x: 500, y: 600 }])]);
    t.tracker.people([person(1, [])]);
    t.advance(LANDING_MS - 1);
    expect(t.tracker.current()[first]).toBeDefined();
    t.advance(1);
    expect(t.tracker.current()).toEqual({});
  });

  it('does not hold a table whose drop arrived before the end of the drag', () => {
    const t = tracked();
    t.tracker.people([person(1, [{ id: first, x: 500, y: 600 }])]);
    t.setTable(first, { x: 500, y: 600 });
    t.tracker.people([person(1, [])]);
    expect(t.tracker.current()).toEqual({});
  });

  it('drops the live positions of someone who leaves or goes offline mid-drag, at once', () => {
    const t = tracked();
    t.tracker.people([person(1, [{ id: first, x: 500, y: 600 }]), person(2, [])]);
    t.tracker.people([person(2, [])]);
    expect(t.tracker.current()).toEqual({});
    // Left while a drop was landing: that goes too.
    t.tracker.people([person(1, [{ id: first, x: 500, y: 600 }]), person(2, [])]);
    t.tracker.people([person(1, []), person(2, [])]);
    expect(t.tracker.current()[first]).toBeDefined();
    t.tracker.people([person(2, [])]);
    expect(t.tracker.current()).toEqual({});
  });
});

describe('live drags on the canvas', () => {
  const nodes = Object.entries(doc.layout.tables).map(([id, l]) => ({
    id,
    position: { x: l.x, y: l.y },
  }));
  const live: LiveTables = { [first]: { x: 7, y: 8, name: 'Ana', colour: '#e5484d' } };

  it('moves only the dragged nodes, and leaves the array alone when nothing moves', () => {
    const out = withLiveTables(nodes, live, new Set());
    expect(out).not.toBe(nodes);
    expect(out.find((n) => n.id === first)!.position).toEqual({ x: 7, y: 8 });
    expect(out.filter((n, i) => n !== nodes[i]).map((n) => n.id)).toEqual([first]);
    expect(withLiveTables(nodes, {}, new Set())).toBe(nodes);
  });

  it('leaves a table this person is dragging under their own hand', () => {
    expect(withLiveTables(nodes, live, new Set([first]))).toBe(nodes);
  });
});
