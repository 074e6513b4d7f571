import { memo, useMemo } from 'react';
import type { MiniMapNodeProps } from '@xyflow/react';
import { tableSizes } from '../../core/geometry/tableGeometry';
import { useStudio } from '../StudioContext';
import { FAR_MAP_NODE } from './farNodes';

/** One table in the minimap; memoised, so a drag frame updates only the moved table's. */
const TableRect = memo(function TableRect(r: {
  x: number;
  y: number;
  width: number;
  height: number;
}) {
  return <rect x={r.x} y={r.y} width={r.width} height={r.height} />;
});

/** The minimap's tables far out: one rectangle each, drawn for the node that stands for them. */
const FarTablesInMinimap = memo(function FarTablesInMinimap({ color }: { color?: string }) {
  const design = useStudio((s) => s.design);
  const layout = useStudio((s) => s.layout);
  const rects = useMemo(() => {
    const sizes = tableSizes(design, layout);
    return Object.keys(design.tables).flatMap((id) => {
      const l = layout.tables[id];
      const size = sizes.get(id);
      if (!l || !size || design.tables[id]?.partitionOf) return [];
      return [{ id, x: l.x, y: l.y, ...size }];
    });
  }, [design, layout]);
  return (
    <g className="react-flow__minimap-node" style={{ fill: color }}>
      {rects.map((r) => (
        <TableRect key={r.id} x={r.x} y={r.y} width={r.width} height={r.height} />
      ))}
    </g>
  );
});

/** A minimap node: a rectangle, or every table for the far-out map's stand-in node. */
export function FarMiniMapNode(p: MiniMapNodeProps) {
  if (p.id === FAR_MAP_NODE) return <FarTablesInMinimap color={p.color} />;
  return (
    <rect
      className={`react-flow__minimap-node${p.selected ? ' selected' : ''} ${p.className}`}
      x={p.x}
      y={p.y}
      rx={p.borderRadius}
      ry={p.borderRadius}
      width={p.width}
      height={p.height}
      style={{ fill: p.color, stroke: p.strokeColor, strokeWidth: p.strokeWidth }}
      shapeRendering={p.shapeRendering}
    />
  );
}
