import type { Edge, Node } from '@xyflow/react';
import { Position } from '@xyflow/react';
import { findColumn, isUniqueSet, type Design, type Layout, type Table } from '../../core/model';
import { typesMatchForReference } from '../../core/model/typeNames';
import { handleId, handlesFor, nodeHeight, NODE_WIDTH, visibleColumns } from './geometry';

export interface TableNodeData extends Record<string, unknown> {
  tableId: string;
}
export type TableNode = Node<TableNodeData, 'table'>;

/** Crow's-foot ends of a relationship, derived from the real constraints. */
export interface RelationshipData extends Record<string, unknown> {
  /** At the referenced (parent) table: exactly one when the FK columns are NOT NULL, else zero or one. */
  parentEnd: 'one' | 'zeroOrOne';
  /** At the referencing (child) table: many unless the FK columns are unique. */
  childEnd: 'zeroOrMany' | 'zeroOrOne';
  typeMismatch: boolean;
}
export type RelationshipEdge = Edge<RelationshipData, 'relationship'>;

const nodeCache = new WeakMap<Table, { key: string; node: TableNode }>();

/**
 * Design + layout + selection -> React Flow nodes and edges. Pure. Node objects are reused when
 * nothing about them changed, so React Flow skips them; they carry their size and handles so it
 * never has to measure (which is what lets 1,000 tables cull and route edges off-screen).
 */
export function toFlow(design: Design, layout: Layout, selected: ReadonlySet<string>): { nodes: TableNode[]; edges: RelationshipEdge[] } {
  const nodes: TableNode[] = [];
  for (const table of Object.values(design.tables)) {
    const l = layout.tables[table.id] ?? { x: 0, y: 0 };
    const isSelected = selected.has(table.id);
    const collapsed = !!l.collapsed;
    const key = `${l.x},${l.y},${isSelected},${collapsed},${l.width ?? ''}`;
    const cached = nodeCache.get(table);
    if (cached && cached.key === key) {
      nodes.push(cached.node);
      continue;
    }
    const width = l.width ?? NODE_WIDTH;
    const height = nodeHeight(table, collapsed);
    const node: TableNode = {
      id: table.id,
      type: 'table',
      position: { x: l.x, y: l.y },
      data: { tableId: table.id },
      selected: isSelected,
      width,
      height,
      measured: { width, height },
      handles: handlesFor(table, collapsed, width).map((h) => ({ ...h, position: h.position === 'left' ? Position.Left : Position.Right })),
      dragHandle: '.tw-table-drag',
    };
    nodeCache.set(table, { key, node });
    nodes.push(node);
  }
  return { nodes, edges: relationshipEdges(design, layout) };
}

function relationshipEdges(design: Design, layout: Layout): RelationshipEdge[] {
  const edges: RelationshipEdge[] = [];
  for (const child of Object.values(design.tables)) {
    for (const k of child.constraints) {
      if (k.kind !== 'foreignKey') continue;
      const parent = design.tables[k.refTableId];
      const childCol = k.columnIds[0];
      const parentCol = k.refColumnIds[0];
      if (!parent || !childCol || !parentCol) continue;
      const cl = layout.tables[child.id] ?? { x: 0, y: 0 };
      const pl = layout.tables[parent.id] ?? { x: 0, y: 0 };
      const childVisible = visibleColumns(child, !!cl.collapsed).some((c) => c.id === childCol);
      const parentVisible = visibleColumns(parent, !!pl.collapsed).some((c) => c.id === parentCol);
      if (!childVisible || !parentVisible) continue;
      // Route from the sides that face each other; tables stacked above each other (and a
      // self-reference) connect on one side, which reads better than a Z through both.
      const dx = pl.x + (pl.width ?? NODE_WIDTH) / 2 - (cl.x + (cl.width ?? NODE_WIDTH) / 2);
      const stacked = child.id === parent.id || Math.abs(dx) < NODE_WIDTH * 0.75;
      const childSide = stacked ? (child.id === parent.id ? 'r' : 'l') : dx > 0 ? 'r' : 'l';
      const parentSide = stacked ? childSide : dx > 0 ? 'l' : 'r';
      const notNull = k.columnIds.every((cid) => findColumn(child, cid)?.nullable === false);
      const typeMismatch = k.columnIds.some((cid, i) => {
        const a = findColumn(child, cid)?.type;
        const b = findColumn(parent, k.refColumnIds[i] ?? '')?.type;
        return !!a && !!b && !typesMatchForReference(a, b);
      });
      edges.push({
        id: k.id,
        type: 'relationship',
        source: child.id,
        target: parent.id,
        sourceHandle: handleId(childCol, childSide),
        targetHandle: handleId(parentCol, parentSide),
        data: {
          parentEnd: notNull ? 'one' : 'zeroOrOne',
          childEnd: isUniqueSet(child, k.columnIds) ? 'zeroOrOne' : 'zeroOrMany',
          typeMismatch,
        },
        ariaLabel: `Foreign key ${k.name ?? ''} from ${child.name} to ${parent.name}`.replace('  ', ' '),
        focusable: true,
      });
    }
  }
  return edges;
}
