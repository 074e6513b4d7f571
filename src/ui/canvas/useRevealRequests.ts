import type { ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import { revealRequests } from '../../state/revealRequest';
import type { StudioStore } from '../../state/store';
import { revealTable, type RevealFlow } from '../common/revealTable';

/** Around a fitted design: names drawn beside the outermost tables stay on screen. */
const FIT_PADDING = 0.08;

/** The canvas answers "show this table" (or the whole design) from elsewhere: state/revealRequest.ts. */
export function useRevealRequests(
  store: StudioStore,
  flow: RevealFlow & Pick<ReactFlowInstance, 'fitView'>,
): void {
  useEffect(
    () =>
      revealRequests.subscribe((s, before) => {
        const r = s.last;
        if (!r || r.seq === before.last?.seq) return;
        const { target } = r;
        // After the render that follows the request: a table typed into the DDL has only just
        // been placed, and an imported design's saved viewport is applied on its first render.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (target === 'all') void flow.fitView({ padding: FIT_PADDING });
            else revealTable(store, flow, target.tableId, target.mode);
          }),
        );
      }),
    [store, flow],
  );
}
