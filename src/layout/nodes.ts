import type { Design, Layout } from '../core/model';
import type { Size } from './rect';
import { tableSize, viewSize } from '../core/geometry/tableGeometry';

/** One box the canvas draws, so one box layout places: a table or a view. */
export interface CanvasNode extends Size {
  id: string;
  schemaId: string | undefined;
  /** Ids this node is drawn downstream of: the tables a table references, the objects a view reads. */
  upstream: string[];
}

/**
 * What the canvas draws (see `toFlow` in src/ui/canvas), in design order: tables except
 * partitions (folded under their parent, so not drawn), then views and materialized views (raw
 * objects that carry `columns`). Their positions share `layout.tables`.
 */
export function canvasNodes(design: Design, layout: Layout): CanvasNode[] {
  const nodes: CanvasNode[] = [];
  for (const table of Object.values(design.tables)) {
    if (table.partitionOf) continue;
    const upstream = table.constraints.flatMap((k) =>
      k.kind === 'foreignKey' ? [k.refTableId] : [],
    );
    nodes.push({
      id: table.id,
      schemaId: table.schemaId,
      upstream,
      ...tableSize(table, layout.tables[table.id]),
    });
  }
  for (const view of design.extras) {
    if (!view.columns) continue;
    nodes.push({
      id: view.id,
      schemaId: view.schemaId,
      upstream: view.dependsOn,
      ...viewSize(view.columns.length),
    });
  }
  return nodes;
}
