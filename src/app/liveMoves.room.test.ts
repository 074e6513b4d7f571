import { describe, expect, it } from 'vitest';
import { moveTables } from '../core/ops';
import { fragment, until, useRoomStudios, type RoomStudio } from '../test/roomStudios';

/** Drags streamed through a real relay: what a teammate sees while a table is moved. */
const room = useRoomStudios();

function drag(s: RoomStudio, moves: { id: string; x: number; y: number }[]) {
  s.store.getState().setLayout((l) => moveTables(l, moves), { history: false });
}

describe('a drag in a live room', () => {
  it('is seen by the others while it lasts, then lands as one change and one undo step', async () => {
    const url = await room.relayUrl();
    const a = room.studio(url);
    expect(a.session.setProfile({ name: 'Ana', colour: '#e5484d' })).toBeUndefined();
    await a.session.invite();
    const b = room.studio(url);
    await b.session.join(fragment(a.session.state.getState().editLink));
    const reader = room.studio(url);
    await reader.session.join(fragment(a.session.state.getState().readLink));
    const live = (s: RoomStudio) => s.session.state.getState().liveTables;

    a.store.getState().select({ tableIds: ['t_orders', 't_customers'] });
    a.store.getState().beginGesture();
    drag(a, [
      { id: 't_orders', x: 900, y: 40 },
      { id: 't_customers', x: 950, y: 400 },
    ]);
    await until(() => live(b).t_customers?.x === 950, 'the drag to reach B');
    expect(live(b).t_orders).toEqual({ x: 900, y: 40, name: 'Ana', colour: '#e5484d' });
    await until(() => live(reader).t_orders?.x === 900, 'the drag to reach the reader');
    // Nothing is written to the shared design while the drag lasts.
    expect(b.store.getState().layout.tables.t_orders).not.toMatchObject({ x: 900, y: 40 });

    drag(a, [
      { id: 't_orders', x: 1000, y: 60 },
      { id: 't_customers', x: 1050, y: 420 },
    ]);
    await until(() => live(b).t_orders?.x === 1000, 'the next position to reach B');
    a.store.getState().endGesture();
    await until(() => Object.keys(live(b)).length === 0, 'the drop to land on B');
    expect(b.store.getState().layout.tables.t_orders).toMatchObject({ x: 1000, y: 60 });
    expect(b.store.getState().layout.tables.t_customers).toMatchObject({ x: 1050, y: 420 });
    // One undo step of A's takes the whole drag back, on both screens.
    a.store.getState().undo();
    expect(a.store.getState().personalUndo?.canUndo).toBe(false);
    await until(() => b.store.getState().layout.tables.t_orders?.x !== 1000, 'the undo on B');
  });

  it('two people dragging the same table at once each keep their own hand, then agree', async () => {
    const url = await room.relayUrl();
    const a = room.studio(url);
    await a.session.invite();
    const b = room.studio(url);
    await b.session.join(fragment(a.session.state.getState().editLink));
    for (const [s, x] of [
      [a, 300],
      [b, 600],
    ] as const) {
      s.store.getState().select({ tableIds: ['t_orders'] });
      s.store.getState().beginGesture();
      drag(s, [{ id: 't_orders', x, y: 50 }]);
    }
    await until(() => b.session.state.getState().liveTables.t_orders?.x === 300, 'A’s drag on B');
    await until(() => a.session.state.getState().liveTables.t_orders?.x === 600, 'B’s drag on A');
    // Each screen still has the table under its own hand (the canvas draws mine over theirs).
    expect(a.store.getState().layout.tables.t_orders).toMatchObject({ x: 300 });
    expect(b.store.getState().layout.tables.t_orders).toMatchObject({ x: 600 });
    a.store.getState().endGesture();
    b.store.getState().endGesture();
    const at = (s: RoomStudio) => s.store.getState().layout.tables.t_orders?.x;
    await until(() => at(a) === at(b), 'the two drops to converge');
    expect([300, 600]).toContain(at(a));
    await until(
      () =>
        Object.keys(a.session.state.getState().liveTables).length === 0 &&
        Object.keys(b.session.state.getState().liveTables).length === 0,
      'both drags to end',
    );
  });

  it('ends on the others’ screens when the dragger leaves mid-drag', async () => {
    const url = await room.relayUrl();
    const a = room.studio(url);
    await a.session.invite();
    const b = room.studio(url);
    await b.session.join(fragment(a.session.state.getState().editLink));
    const before = b.store.getState().layout.tables.t_orders;
    a.store.getState().select({ tableIds: ['t_orders'] });
    a.store.getState().beginGesture();
    drag(a, [{ id: 't_orders', x: 700, y: 700 }]);
    const live = () => b.session.state.getState().liveTables;
    await until(() => live().t_orders?.x === 700, 'the drag to reach B');
    a.session.leave();
    await until(() => live().t_orders === undefined, 'the drag to end on B');
    expect(b.store.getState().layout.tables.t_orders).toBe(before);
  });
});
