import type { Node } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { Design, Layout, Table } from '../../core/model';
import { NODE_WIDTH, tableSize, viewSize } from '../../core/geometry/tableGeometry';
import { handlesFor } from './handles';
import { placeLabels } from './labels';
import { NO_EMPHASIS, type Emphasis } from './emphasis';
import { areaNodes, filterShows, type AreaLabelNode, type AreaRegionNode } from './areaNodes';
import type { Box } from '../../core/geometry/areaRegions';
import { relationshipEdges, tablesOf, type RelationshipEdge } from './relationshipEdges';

export type { RelationshipData, RelationshipEdge } from './relationshipEdges';

export interface TableNodeData extends Record<string, unknown> {
  tableId: string;
  /** Far out: whether this table's name is drawn (see `placeLabels`). */
  label: boolean;
}
export type TableNode = Node<TableNodeData, 'table'>;

export interface ViewNodeData extends Record<string, unknown> {
  viewId: string;
}
/** A view or materialized view (kept as SQL in `design.extras`), drawn read-only. */
export type ViewNode = Node<ViewNodeData, 'view'>;

export interface SchemaGroupData extends Record<string, unknown> {
  name: string;
}
/** The box behind one schema's tables when a design has several schemas. */
export type SchemaGroupNode = Node<SchemaGroupData, 'schemaGroup'>;

/** Every kind of node the canvas draws. */
export type FlowNode = TableNode | ViewNode | SchemaGroupNode | AreaRegionNode | AreaLabelNode;

/** Where each drawn table is, for the regions drawn around them. */
function drawnBoxes(nodes: readonly FlowNode[]): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const n of nodes) {
    if (n.type === 'table')
      boxes.set(n.id, { ...n.position, width: n.width ?? NODE_WIDTH, height: n.height ?? 0 });
  }
  return boxes;
}

/** Room around a schema's tables inside its box (the title sits in the top band). */
const GROUP_PAD = { top: 48, right: 24, bottom: 24, left: 24 };

/** What a table's node is derived from besides the table itself (compared item by item). */
type NodeKey = [
  x: number,
  y: number,
  selected: boolean,
  collapsed: boolean,
  width: number | undefined,
  label: boolean,
  lifted: boolean,
  className: string | undefined,
];
const sameKey = (a: NodeKey, b: NodeKey) => a.every((v, i) => v === b[i]);
const nodeCache = new WeakMap<Table, { key: NodeKey; node: TableNode }>();

type FlowHandles = NonNullable<TableNode['handles']>;
const handleCache = new WeakMap<
  Table,
  { collapsed: boolean; width: number; handles: FlowHandles }
>();

/**
 * A table's handles as React Flow takes them. They depend on its columns, collapsed state and
 * width, not on where it is: an arrangement that moves every table makes no new ones.
 */
function flowHandles(table: Table, collapsed: boolean, width: number): FlowHandles {
  const cached = handleCache.get(table);
  if (cached && cached.collapsed === collapsed && cached.width === width) return cached.handles;
  const handles = handlesFor(table, collapsed, width).map((h) => ({
    ...h,
    position: h.position === 'left' ? Position.Left : Position.Right,
  }));
  handleCache.set(table, { collapsed, width, handles });
  return handles;
}

/**
 * Design + layout + selection -> React Flow nodes and edges. Pure. Node objects are reused when
 * nothing about them changed, so React Flow skips them; they carry their size and handles so it
 * never has to measure (which is what lets 1,000 tables cull and route edges off-screen).
 */
export function toFlow(
  design: Design,
  layout: Layout,
  selected: ReadonlySet<string>,
  schemaFilter: string | null = null,
  labelZoom: number | null = null,
  emphasis: Emphasis = NO_EMPHASIS,
): { nodes: FlowNode[]; edges: RelationshipEdge[] } {
  const nodes: FlowNode[] = [];
  const { bright, hideOthers, pathKeys, pathTables } = emphasis;
  const filtered = filterShows(design, schemaFilter);
  const shown = (id: string, schemaId: string | undefined) =>
    filtered(id, schemaId) && !(hideOthers && bright && !bright.has(id));
  const classOf = (id: string) =>
    pathTables.has(id) ? 'tw-on-path' : bright && !bright.has(id) ? 'tw-dimmed' : undefined;
  // Partitions fold under their parent; the parent's footer counts them.
  const tables = tablesOf(design).filter((t) => !t.partitionOf && shown(t.id, t.schemaId));
  const labelled =
    labelZoom === null
      ? null
      : placeLabels(design, layout, new Set(tables.map((t) => t.id)), labelZoom);
  for (const table of tables) {
    const l = layout.tables[table.id] ?? { x: 0, y: 0 };
    const isSelected = selected.has(table.id);
    const collapsed = !!l.collapsed;
    // Near, every name is drawn in its header; far out, only the names `placeLabels` made room for.
    const label = labelled ? labelled.has(table.id) : true;
    const lifted = !!labelled && label;
    const className = classOf(table.id);
    const key: NodeKey = [l.x, l.y, isSelected, collapsed, l.width, label, lifted, className];
    const cached = nodeCache.get(table);
    if (cached && sameKey(cached.key, key)) {
      nodes.push(cached.node);
      continue;
    }
    const { width, height } = tableSize(table, l);
    const node: TableNode = {
      id: table.id,
      type: 'table',
      position: { x: l.x, y: l.y },
      data: { tableId: table.id, label },
      selected: isSelected,
      // A far-out name is wider than its table: above the neighbours it reaches over.
      ...(lifted ? { zIndex: 1 } : {}),
      className,
      width,
      height,
      measured: { width, height },
      handles: flowHandles(table, collapsed, width),
      dragHandle: '.tw-table-drag',
    };
    nodeCache.set(table, { key, node });
    nodes.push(node);
  }
  for (const view of design.extras) {
    if (!view.columns || !shown(view.id, view.schemaId)) continue;
    const l = layout.tables[view.id] ?? { x: 0, y: 0 };
    const { width, height } = viewSize(view.columns.length);
    nodes.push({
      id: view.id,
      type: 'view',
      position: { x: l.x, y: l.y },
      data: { viewId: view.id },
      selected: selected.has(view.id),
      className: classOf(view.id),
      width,
      height,
      measured: { width, height },
      handles: [],
      connectable: false,
      dragHandle: '.tw-table-drag',
    });
  }
  const groups =
    Object.keys(design.schemas).length > 1 && schemaFilter === null
      ? schemaGroups(design, nodes)
      : [];
  const visible = new Set(nodes.map((n) => n.id));
  const areas = areaNodes(design, drawnBoxes(nodes));
  nodes.unshift(...groups, ...areas.regions);
  nodes.push(...areas.labels);
  const edges = relationshipEdges(design, layout, visible);
  // Emphasis makes new line objects; without it the cached lines go to React Flow as they are.
  if (!bright && pathKeys.size === 0) return { nodes, edges };
  return {
    nodes,
    edges: edges.map((e) => {
      if (pathKeys.has(e.id)) return { ...e, className: 'tw-on-path', zIndex: 1 };
      if (bright && !(bright.has(e.source) && bright.has(e.target)))
        return { ...e, className: 'tw-dimmed' };
      return e;
    }),
  };
}

/**
 * `next` if anything in it differs from `previous`, else `previous` itself: React Flow rebuilds
 * its edge lookups whenever it is handed a new array, which on a drag frame is wasted work.
 */
export function sameOrNext<T>(previous: readonly T[] | undefined, next: T[]): T[] {
  if (previous && previous.length === next.length && previous.every((item, i) => item === next[i]))
    return previous as T[];
  return next;
}

/** A bounding rectangle in flow coordinates, grown node by node (see `growExtent`). */
export interface Extent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
/** The extent of nothing: every node grows it. */
export const emptyExtent = (): Extent => ({
  x0: Infinity,
  y0: Infinity,
  x1: -Infinity,
  y1: -Infinity,
});
/** Grows `b` (in place) to hold node `n`. */
export function growExtent(b: Extent, n: Pick<Node, 'position' | 'width' | 'height'>): Extent {
  b.x0 = Math.min(b.x0, n.position.x);
  b.y0 = Math.min(b.y0, n.position.y);
  b.x1 = Math.max(b.x1, n.position.x + (n.width ?? NODE_WIDTH));
  b.y1 = Math.max(b.y1, n.position.y + (n.height ?? 0));
  return b;
}

/** One box per schema around its tables' bounding rectangle; behind everything, inert. */
function schemaGroups(design: Design, nodes: FlowNode[]): SchemaGroupNode[] {
  const boxes = new Map<string, Extent>();
  for (const n of nodes) {
    if (n.type !== 'table') continue;
    const schemaId = design.tables[n.id]?.schemaId;
    if (!schemaId) continue;
    boxes.set(schemaId, growExtent(boxes.get(schemaId) ?? emptyExtent(), n));
  }
  return [...boxes].map(([schemaId, b]) => {
    const width = b.x1 - b.x0 + GROUP_PAD.left + GROUP_PAD.right;
    const height = b.y1 - b.y0 + GROUP_PAD.top + GROUP_PAD.bottom;
    return {
      id: `group:${schemaId}`,
      type: 'schemaGroup' as const,
      position: { x: b.x0 - GROUP_PAD.left, y: b.y0 - GROUP_PAD.top },
      data: { name: design.schemas[schemaId]?.name ?? '' },
      width,
      height,
      measured: { width, height },
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
    };
  });
}
