import { useInternalNode } from '@xyflow/react';
import { tableSize } from '../../core/geometry/tableGeometry';
import { useStudio } from '../StudioContext';

export interface TableBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a table is drawn, in flow coordinates, for what is outlined over it (a teammate's
 * selection, a change of theirs). Near, React Flow's node (live drags included); far out the map
 * is one bitmap and React Flow holds no tables, so the box comes from the layout.
 */
export function useTableBox(tableId: string): TableBox | undefined {
  const node = useInternalNode(tableId);
  const table = useStudio((s) => s.design.tables[tableId]);
  const placed = useStudio((s) => s.layout.tables[tableId]);
  if (node) {
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? node.width ?? 0;
    const height = node.measured.height ?? node.height ?? 0;
    return width && height ? { x, y, width, height } : undefined;
  }
  if (!table || !placed) return undefined;
  return { x: placed.x, y: placed.y, ...tableSize(table, placed) };
}
