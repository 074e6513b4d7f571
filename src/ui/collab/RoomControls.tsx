import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { useServices } from '../StudioContext';
import { RoomDialog } from './RoomDialog';

const STATUS_TEXT = {
  connected: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline',
} as const;

/** The toolbar's room controls: Invite (and the room's links), who is here, the connection. */
export function RoomControls() {
  const { collab } = useServices();
  const phase = useStore(collab.state, (s) => s.phase);
  const status = useStore(collab.state, (s) => s.status);
  const people = useStore(collab.state, (s) => s.people);
  const profile = useStore(collab.state, (s) => s.profile);
  const access = useStore(collab.state, (s) => s.access);
  const connectedOnce = useStore(collab.state, (s) => s.connectedOnce);
  const [open, setOpen] = useState(false);
  const inRoom = phase === 'inRoom';
  const statusText =
    phase === 'joining'
      ? 'Joining the room…'
      : !inRoom
        ? undefined
        : status === 'connecting' && connectedOnce
          ? 'Reconnecting…'
          : STATUS_TEXT[status];
  return (
    <>
      {inRoom && (
        <ul className="tw-people" aria-label="People in this room">
          <li title={`${profile.name} (you)`} style={{ '--person': profile.colour } as never}>
            <span aria-hidden className="tw-person-dot" />
            {profile.name} (you){access === 'read' ? ', read-only' : ''}
          </li>
          {people.map((p) => (
            <li key={p.clientId} style={{ '--person': p.colour } as never}>
              <span aria-hidden className="tw-person-dot" />
              {p.name}
              {p.access === 'read' ? ', read-only' : ''}
            </li>
          ))}
        </ul>
      )}
      {statusText && (
        <span
          role="status"
          aria-label={`Room status: ${statusText}`}
          className={`tw-room-status tw-room-${phase === 'joining' ? 'connecting' : status}`}
        >
          {statusText}
        </span>
      )}
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title={
          inRoom
            ? 'The room’s links, your name and colour, leaving the room'
            : 'Design together live: invite teammates to a room'
        }
      >
        {inRoom ? 'Room' : 'Invite'}
      </button>
      {/* Out of the toolbar: it would inherit the toolbar's no-wrap text. */}
      {open && createPortal(<RoomDialog onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
