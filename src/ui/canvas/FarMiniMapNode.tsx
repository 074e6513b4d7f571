import { memo, useMemo, type ReactElement } from 'react';
import type { MiniMapNodeProps } from '@xyflow/react';
import { tableSize } from '../../core/geometry/tableGeometry';
import type { Table, TableLayout } from '../../core/model';
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

/**
 * A table's rectangle, kept while its table and layout entry are the same objects: a drag frame
 * makes new entries for the moved tables only, and React skips the same element without
 * comparing its props.
 */
const rectCache = new WeakMap<Table, { at: TableLayout; rect: ReactElement }>();
function rectOf(table: Table, at: TableLayout): ReactElement {
  const cached = rectCache.get(table);
  if (cached?.at === at) return cached.rect;
  const { width, height } = tableSize(table, at);
  const rect = <TableRect key={table.id} x={at.x} y={at.y} width={width} height={height} />;
  rectCache.set(table, { at, rect });
  return rect;
}

/** The minimap's tables far out: one rectangle each, drawn for the node that stands for them. */
const FarTablesInMinimap = memo(function FarTablesInMinimap({ color }: { color?: string }) {
  const design = useStudio((s) => s.design);
  const layout = useStudio((s) => s.layout);
  const rects = useMemo(() => {
    const out: ReactElement[] = [];
    for (const table of Object.values(design.tables)) {
      const l = layout.tables[table.id];
      if (l && !table.partitionOf) out.push(rectOf(table, l));
    }
    return out;
  }, [design, layout]);
  return (
    <g className="react-flow__minimap-node" style={{ fill: color }}>
      {rects}
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
