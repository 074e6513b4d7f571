import { describe, expect, it } from 'vitest';
import { addTable, updateColumn } from '../core/ops';
import { fragment, until, useRoomStudios } from '../test/roomStudios';

/** Who changed what, said to the others in the room, through a real relay. */
const room = useRoomStudios();

describe('what teammates changed', () => {
  it('is said to the others with the author’s name, and outlined in their colour', async () => {
    const url = await room.relayUrl();
    const a = room.studio(url);
    expect(a.session.setProfile({ name: 'Ana', colour: '#e5484d' })).toBeUndefined();
    await a.session.invite();
    const b = room.studio(url);
    expect(b.session.setProfile({ name: 'Ben', colour: '#0090ff' })).toBeUndefined();
    await b.session.join(fragment(a.session.state.getState().editLink));
    const reader = room.studio(url);
    await reader.session.join(fragment(a.session.state.getState().readLink));
    // Joining says nothing: the room's design is not a teammate's change.
    expect(b.session.state.getState().activity).toBeNull();

    a.store
      .getState()
      .dispatch((d) =>
        updateColumn(d, 't_customers', 'c_customers_email', { name: 'email_address' }),
      );
    await until(
      () => b.session.state.getState().changedTables.t_customers !== undefined,
      'B’s outline',
    );
    expect(b.session.state.getState().changedTables.t_customers).toMatchObject({
      name: 'Ana',
      colour: '#e5484d',
    });
    await until(() => b.session.state.getState().activity !== null, 'B’s line');
    expect(b.session.state.getState().activity?.text).toBe(
      'Ana renamed column customers.email to email_address.',
    );
    await until(() => reader.session.state.getState().activity !== null, 'the reader’s line');
    expect(reader.session.state.getState().activity?.text).toBe(
      'Ana renamed column customers.email to email_address.',
    );
    // The author is not told about their own change.
    expect(a.session.state.getState().activity).toBeNull();
    expect(a.session.state.getState().changedTables).toEqual({});

    b.store.getState().dispatch((d) => addTable(d, { id: 't_invoices', name: 'invoices' }));
    await until(
      () => a.session.state.getState().activity?.text === 'Ben added table invoices.',
      'A to hear of B’s table',
    );
    // Undo of one's own change is not news to oneself.
    b.store.getState().undo();
    await until(
      () => a.session.state.getState().activity?.text === 'Ben dropped table invoices.',
      'A to hear of B’s undo',
    );
    expect(b.session.state.getState().activity?.text ?? '').not.toContain('Ben');
  });
});
