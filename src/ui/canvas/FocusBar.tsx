import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { neighbourhood } from '../../core/graph';
import { displayName } from '../../core/model';
import type { FocusHops } from '../../state/store';
import { enterFocus } from '../common/reading';
import { useStudio, useStudioStore } from '../StudioContext';

const HOPS: FocusHops[] = [1, 2, 3];

/** Shown in focus mode: whose neighbourhood, how far it reaches, dim or hide the rest, exit. */
export function FocusBar() {
  const store = useStudioStore();
  const flow = useReactFlow();
  const focus = useStudio((s) => s.focus);
  const design = useStudio((s) => s.design);
  const table = focus ? design.tables[focus.tableId] : undefined;
  const shown = useMemo(
    () => (focus && table ? neighbourhood(design, focus.tableId, focus.hops).size : 0),
    [design, focus, table],
  );
  if (!focus || !table) return null;
  const total = Object.values(design.tables).filter((t) => !t.partitionOf).length;
  const exit = () => store.getState().setFocus(null);
  return (
    <div
      className="tw-reading-bar"
      role="region"
      aria-label="Focus mode"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          exit();
        }
      }}
    >
      <strong>Focus: {displayName(design, table)}</strong>
      <span className="tw-muted">
        {shown} of {total} tables
      </span>
      <fieldset className="tw-reading-hops">
        <legend>Reach</legend>
        {HOPS.map((h) => (
          <label key={h}>
            <input
              type="radio"
              name="tw-focus-hops"
              checked={focus.hops === h}
              onChange={() => enterFocus(store, flow, focus.tableId, h)}
            />
            {h === 1 ? '1 hop' : `${h} hops`}
          </label>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={focus.hideOthers}
          onChange={(e) => store.getState().setFocus({ ...focus, hideOthers: e.target.checked })}
        />
        Hide other tables
      </label>
      <button type="button" onClick={exit} aria-keyshortcuts="Escape" title="Exit focus (Esc)">
        Exit focus
      </button>
    </div>
  );
}
