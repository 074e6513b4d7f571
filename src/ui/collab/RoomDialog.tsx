import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { checkRelayUrl } from '../../app/collaboration';
import { CopyField } from '../common/CopyField';
import { useServices, useStudio } from '../StudioContext';
import { DialogHeader } from '../common/DialogHeader';

/** Invite: start a room, its edit and read-only links, name and colour, the relay, leaving. */
export function RoomDialog({ onClose }: { onClose(): void }) {
  const { collab } = useServices();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  const room = useStore(collab.state);
  const readOnly = useStudio((s) => s.readOnly);
  const [name, setName] = useState(room.profile.name);
  const [colour, setColour] = useState(room.profile.colour);
  const [relay, setRelay] = useState(room.relayUrl ?? '');
  const [problem, setProblem] = useState<string>();
  const relayOk = checkRelayUrl(room.relayUrl).ok;
  const inRoom = room.phase === 'inRoom';

  const saveProfile = () => {
    const message = collab.setProfile({ name, colour });
    setProblem(message);
    return !message;
  };
  return (
    <dialog ref={ref} className="tw-dialog" aria-label="Invite" onClose={onClose}>
      <DialogHeader dialog={ref}>{inRoom ? 'Live room' : 'Design together, live'}</DialogHeader>
      <div className="tw-dialog-body tw-share">
        <fieldset className="tw-row">
          <legend>You, as the others see you</legend>
          <label>
            Your name
            <input
              value={name}
              maxLength={40}
              onChange={(e) => setName(e.target.value)}
              onBlur={saveProfile}
            />
          </label>
          <label>
            Your colour
            <input
              type="color"
              value={colour}
              onChange={(e) => {
                setColour(e.target.value);
                collab.setProfile({ name, colour: e.target.value });
              }}
            />
          </label>
        </fieldset>
        {problem && (
          <p className="tw-warning" role="alert">
            {problem}
          </p>
        )}
        {inRoom ? (
          <>
            <p>
              Everyone with the edit link changes this design with you, live; the read-only link
              lets people follow without changing anything. Everything is end-to-end encrypted with
              the key in the link: the relay sees only ciphertext.
            </p>
            {room.editLink && (
              <CopyField
                label="Edit link"
                name="Edit link"
                value={room.editLink}
                rows={2}
                copyLabel="Copy edit link"
                copiedMessage="Edit link copied."
                primary
              />
            )}
            {room.readLink && (
              <CopyField
                label="Read-only link"
                name="Read-only link"
                value={room.readLink}
                rows={2}
                copyLabel="Copy read-only link"
                copiedMessage="Read-only link copied."
              />
            )}
            <div className="tw-row">
              <button
                type="button"
                onClick={() => {
                  collab.leave();
                  ref.current?.close();
                }}
              >
                Leave room
              </button>
            </div>
          </>
        ) : (
          <>
            {relayOk ? (
              <p>
                Starts a room from this design on the relay <code>{room.relayUrl}</code>. You get a
                link to send: whoever opens it designs with you, live, end-to-end encrypted.
              </p>
            ) : (
              <p className="tw-warning" role="status" aria-label="Collaboration status">
                Collaboration is off: this studio has no relay configured. Start one with{' '}
                <code>npx tablewright relay</code> and enter its URL below. (A team runs one relay;{' '}
                <code>npm start</code> starts one for development.)
              </p>
            )}
            <form
              className="tw-row"
              onSubmit={(e) => {
                e.preventDefault();
                const message = collab.setRelayUrl(relay);
                setProblem(message);
              }}
            >
              <label>
                Relay URL
                <input
                  value={relay}
                  placeholder="ws://127.0.0.1:1234"
                  onChange={(e) => setRelay(e.target.value)}
                />
              </label>
              <button type="submit">Use this relay</button>
            </form>
            <div className="tw-row">
              <button
                type="button"
                className="tw-primary"
                disabled={!relayOk || readOnly || room.phase !== 'off'}
                onClick={() => {
                  if (saveProfile()) void collab.invite();
                }}
              >
                {room.phase === 'joining' ? 'Starting the room…' : 'Start a live room'}
              </button>
              {room.phase === 'joining' && (
                <button type="button" onClick={() => collab.leave()}>
                  Stop joining
                </button>
              )}
              {readOnly && (
                <span className="tw-muted">A read-only design cannot be shared for editing.</span>
              )}
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
