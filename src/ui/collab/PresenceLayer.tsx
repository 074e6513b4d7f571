import { memo, useEffect } from 'react';
import { useReactFlow, useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import { useStore } from 'zustand';
import type { Person } from '../../app/presence';
import { useServices } from '../StudioContext';
import './presence.css';
import { useTableBox } from './useTableBox';

/**
 * The others in the room, on the canvas: the tables each one has selected, outlined in their
 * colour, and their pointer (with their name) while it is over the canvas. Drawn in flow
 * coordinates inside the viewport, so panning and zooming move them for free. Also reports this
 * person's own pointer over the canvas (throttled by the session).
 */
export function PresenceLayer() {
  const { collab } = useServices();
  const inRoom = useStore(collab.state, (s) => s.phase === 'inRoom');
  const people = useStore(collab.state, (s) => s.people);
  const pane = useFlowStore((s) => s.domNode);
  const flow = useReactFlow();
  useEffect(() => {
    if (!inRoom || !pane) return;
    const move = (e: PointerEvent) =>
      collab.setPointer(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    const leave = () => collab.setPointer(null);
    pane.addEventListener('pointermove', move);
    pane.addEventListener('pointerleave', leave);
    return () => {
      pane.removeEventListener('pointermove', move);
      pane.removeEventListener('pointerleave', leave);
      collab.setPointer(null);
    };
  }, [inRoom, pane, flow, collab]);
  if (!inRoom || people.length === 0) return null;
  return (
    <ViewportPortal>
      {people.map((person) => (
        <PersonMarks key={person.clientId} person={person} />
      ))}
    </ViewportPortal>
  );
}

const PersonMarks = memo(function PersonMarks({ person }: { person: Person }) {
  return (
    <>
      {person.selection.slice(0, 200).map((tableId) => (
        <Outline key={tableId} tableId={tableId} person={person} />
      ))}
      {person.pointer && (
        <div
          className="tw-remote-pointer"
          style={{
            transform: `translate(${person.pointer.x}px, ${person.pointer.y}px)`,
            ['--person' as string]: person.colour,
          }}
          aria-label={`${person.name}'s pointer`}
          role="img"
        >
          <svg width="14" height="18" viewBox="0 0 14 18" aria-hidden>
            <path d="M0 0 L14 11 L7 11 L4 18 Z" />
          </svg>
          <span>{person.name}</span>
        </div>
      )}
    </>
  );
});

function Outline({ tableId, person }: { tableId: string; person: Person }) {
  const box = useTableBox(tableId);
  if (!box) return null;
  const { x, y, width, height } = box;
  return (
    <div
      className="tw-remote-selection"
      style={{
        transform: `translate(${x - 4}px, ${y - 4}px)`,
        width: width + 8,
        height: height + 8,
        ['--person' as string]: person.colour,
      }}
      role="img"
      aria-label={`Selected by ${person.name}`}
    >
      <span>{person.name}</span>
    </div>
  );
}
