import { memo } from 'react';
import { Panel, ViewportPortal } from '@xyflow/react';
import { useStore } from 'zustand';
import type { ChangeMark } from '../../app/roomActivity';
import { useServices } from '../StudioContext';
import './presence.css';
import { useTableBox } from './useTableBox';

/** Most outlines drawn at once (an import by a teammate touches every table). */
const MAX_OUTLINES = 200;

/**
 * What teammates just changed: the tables outlined in the author's colour for a few seconds,
 * and a line in a polite live region ("Ana renamed column users.email to email_address").
 * The region is there for the whole visit, so screen readers announce each new line.
 */
export function RoomActivity() {
  const { collab } = useServices();
  const inRoom = useStore(collab.state, (s) => s.phase === 'inRoom');
  const line = useStore(collab.state, (s) => s.activity);
  const changed = useStore(collab.state, (s) => s.changedTables);
  if (!inRoom) return null;
  return (
    <>
      <Panel position="bottom-center" className="tw-room-activity-panel">
        <div
          role="status"
          aria-live="polite"
          aria-label="Room activity"
          className={line ? 'tw-room-activity' : 'tw-room-activity tw-room-activity-empty'}
        >
          {line && <span key={line.id}>{line.text}</span>}
        </div>
      </Panel>
      <ViewportPortal>
        {Object.entries(changed)
          .slice(0, MAX_OUTLINES)
          .map(([tableId, mark]) => (
            <ChangedOutline key={`${tableId} ${mark.serial}`} tableId={tableId} mark={mark} />
          ))}
      </ViewportPortal>
    </>
  );
}

const ChangedOutline = memo(function ChangedOutline({
  tableId,
  mark,
}: {
  tableId: string;
  mark: ChangeMark;
}) {
  const box = useTableBox(tableId);
  if (!box) return null;
  const { x, y, width, height } = box;
  return (
    <div
      className="tw-changed-outline"
      style={{
        transform: `translate(${x - 7}px, ${y - 7}px)`,
        width: width + 14,
        height: height + 14,
        ['--person' as string]: mark.colour,
      }}
      role="img"
      aria-label={`Changed by ${mark.name}`}
    />
  );
});
