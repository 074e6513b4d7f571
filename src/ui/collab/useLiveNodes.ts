import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useServices, useStudio } from '../StudioContext';
import { withLiveTables } from './liveNodes';

const NOBODY: ReadonlySet<string> = new Set();

/** The canvas's nodes, with the tables others are dragging in a live room where they are now. */
export function useLiveNodes<N extends { id: string; position: { x: number; y: number } }>(
  nodes: N[],
): N[] {
  const { collab } = useServices();
  const live = useStore(collab.state, (s) => s.liveTables);
  const dragging = useStudio((s) => s.gestureStart !== undefined);
  const selection = useStudio((s) => s.selection.tableIds);
  const mine = useMemo(() => (dragging ? new Set(selection) : NOBODY), [dragging, selection]);
  return useMemo(() => withLiveTables(nodes, live, mine), [nodes, live, mine]);
}
