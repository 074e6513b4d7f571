import { useEffect } from 'react';
import { revealRequests } from '../../state/revealRequest';
import type { StudioStore } from '../../state/store';
import { revealTable, type RevealFlow } from '../common/revealTable';

/** The canvas answers "show this table" from the panels (see state/revealRequest.ts). */
export function useRevealRequests(store: StudioStore, flow: RevealFlow): void {
  useEffect(
    () =>
      revealRequests.subscribe((s, before) => {
        const r = s.last;
        if (!r || r.seq === before.last?.seq) return;
        // After the selection's render: a table typed into the DDL has only just been placed.
        requestAnimationFrame(() => revealTable(store, flow, r.tableId, r.mode));
      }),
    [store, flow],
  );
}
