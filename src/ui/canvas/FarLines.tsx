import { memo, useMemo } from 'react';
import { ViewportPortal, type Node } from '@xyflow/react';
import { farLines } from './farLines';
import type { RelationshipEdge } from './toFlow';

/**
 * Far out, every relationship line in one SVG inside the viewport, under the tables. React Flow
 * draws each line as its own component with its own store subscription and its own SVG element:
 * at 1,000 tables that was most of the work of every pan frame, though far-out lines never
 * change while panning and take no clicks. Here a pan re-renders nothing (the viewport's
 * transform moves the layer) and a drag rewrites only the moved table's paths.
 */
export const FarLines = memo(function FarLines({
  nodes,
  edges,
}: {
  nodes: readonly Node[];
  edges: readonly RelationshipEdge[];
}) {
  const lines = useMemo(() => farLines(nodes, edges), [nodes, edges]);
  return (
    <ViewportPortal>
      <svg className="tw-far-lines" aria-hidden>
        {lines.map((l) => (
          <path key={l.id} d={l.d} className={l.className} data-id={l.id} />
        ))}
      </svg>
    </ViewportPortal>
  );
});
