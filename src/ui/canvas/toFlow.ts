import type { Edge, Node } from '@xyflow/react';
import { Position } from '@xyflow/react';
import {
  findColumn,
  isUniqueSet,
  type Design,
  type ForeignKey,
  type Layout,
  type Route,
  type Table,
  type TableLayout,
} from '../../core/model';
import { typesMatchForReference } from '../../core/model/typeNames';
import { NODE_WIDTH, tableSize, viewSize, visibleColumns } from '../../core/geometry/tableGeometry';
import { HEADER_ANCHOR, handleId, handlesFor, type Side } from './handles';
import { placeLabels } from './labels';
import { NO_EMPHASIS, type Emphasis } from './emphasis';
import { fittingRoute } from './routedPath';
import { areaNodes, filterShows, type AreaLabelNode, type AreaRegionNode } from './areaNodes';
import type { Box } from '../../core/geometry/areaRegions';

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

/** Crow's-foot ends of a relationship, derived from the real constraints. */
export interface RelationshipData extends Record<string, unknown> {
  /** At the referenced (parent) table: exactly one when the FK columns are NOT NULL, else zero or one. */
  parentEnd: 'one' | 'zeroOrOne';
  /** At the referencing (child) table: many unless the FK columns are unique. */
  childEnd: 'zeroOrMany' | 'zeroOrOne';
  typeMismatch: boolean;
  /** Auto-layout's route (see `Route`), only while it still fits both column rows. */
  route?: readonly number[];
}
export type RelationshipEdge = Edge<RelationshipData, 'relationship'>;

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

const tableLists = new WeakMap<Design, Table[]>();
/** The design's tables as a list, once per design (a drag frame keeps the design). */
function tablesOf(design: Design): Table[] {
  let list = tableLists.get(design);
  if (!list) {
    list = Object.values(design.tables);
    tableLists.set(design, list);
  }
  return list;
}

interface DrawnKey {
  k: ForeignKey;
  child: Table;
  parent: Table;
  /** The first column at each end: where the line is drawn. */
  childColumn: string;
  parentColumn: string;
}
const keyLists = new WeakMap<Design, DrawnKey[]>();
/** Every foreign key a line can be drawn for, with its two tables, once per design. */
function foreignKeysOf(design: Design): DrawnKey[] {
  let list = keyLists.get(design);
  if (list) return list;
  list = [];
  for (const child of tablesOf(design)) {
    for (const k of child.constraints) {
      if (k.kind !== 'foreignKey') continue;
      const parent = design.tables[k.refTableId];
      const childColumn = k.columnIds[0];
      const parentColumn = k.refColumnIds[0];
      if (parent && childColumn && parentColumn)
        list.push({ k, child, parent, childColumn, parentColumn });
    }
  }
  keyLists.set(design, list);
  return list;
}

/** What a relationship line was derived from: reused while all of it is the same. */
interface EdgeSource {
  child: Table;
  parent: Table;
  /** The two tables' layout entries and the stored route the line was last checked against. */
  childAt: TableLayout;
  parentAt: TableLayout;
  stored: Route | undefined;
  childCollapsed: boolean;
  parentCollapsed: boolean;
  childSide: Side;
  parentSide: Side;
  route: readonly number[] | undefined;
  edge: RelationshipEdge;
}
const edgeCache = new WeakMap<ForeignKey, EdgeSource>();
/** Where a table without a layout entry sits (one object, so its lines can be reused). */
const NOWHERE: TableLayout = { x: 0, y: 0 };

/**
 * One line per foreign key. A line is derived once per foreign key and reused by identity while
 * the key, its two tables and what of their layout it depends on (collapsed, which sides face each
 * other) are unchanged: a drag frame moves one table, and only that table's lines whose facing
 * sides flip are new objects, so React Flow re-renders nothing else.
 */
function relationshipEdges(
  design: Design,
  layout: Layout,
  visible: ReadonlySet<string>,
): RelationshipEdge[] {
  const edges: RelationshipEdge[] = [];
  for (const { k, child, parent, childColumn, parentColumn } of foreignKeysOf(design)) {
    if (!visible.has(child.id) || !visible.has(parent.id)) continue;
    const cl = layout.tables[child.id] ?? NOWHERE;
    const pl = layout.tables[parent.id] ?? NOWHERE;
    // Auto-layout's route while it still joins the two rows; a moved table's is never drawn.
    const stored = layout.routes?.[k.id];
    const cached = edgeCache.get(k);
    // The same key, tables, layout entries and route as last time: the same line, without
    // working out again which sides face (a drag frame reuses all but the moved tables' lines).
    if (
      cached &&
      cached.child === child &&
      cached.parent === parent &&
      cached.childAt === cl &&
      cached.parentAt === pl &&
      cached.stored === stored
    ) {
      edges.push(cached.edge);
      continue;
    }
    const fit =
      stored &&
      fittingRoute(
        stored,
        { table: child, at: cl, columnId: childColumn },
        { table: parent, at: pl, columnId: parentColumn },
      );
    const route = fit ? stored.points : undefined;
    // Route from the sides that face each other; tables stacked above each other (and a
    // self-reference) connect on one side, which reads better than a Z through both.
    const dx = pl.x + (pl.width ?? NODE_WIDTH) / 2 - (cl.x + (cl.width ?? NODE_WIDTH) / 2);
    const stacked = child.id === parent.id || Math.abs(dx) < NODE_WIDTH * 0.75;
    const facing = stacked ? (child.id === parent.id ? 'r' : 'l') : dx > 0 ? 'r' : 'l';
    const childSide = fit ? fit.childSide : facing;
    const parentSide = fit ? fit.parentSide : stacked ? facing : dx > 0 ? 'l' : 'r';
    const childCollapsed = !!cl.collapsed;
    const parentCollapsed = !!pl.collapsed;
    if (
      cached &&
      cached.child === child &&
      cached.parent === parent &&
      cached.childCollapsed === childCollapsed &&
      cached.parentCollapsed === parentCollapsed &&
      cached.childSide === childSide &&
      cached.parentSide === parentSide &&
      cached.route === route
    ) {
      edgeCache.set(k, { ...cached, childAt: cl, parentAt: pl, stored });
      edges.push(cached.edge);
      continue;
    }
    const edge = relationshipEdge(k, child, parent, {
      childCollapsed,
      parentCollapsed,
      childSide,
      parentSide,
      route,
    });
    edgeCache.set(k, {
      child,
      parent,
      childAt: cl,
      parentAt: pl,
      stored,
      childCollapsed,
      parentCollapsed,
      childSide,
      parentSide,
      route,
      edge,
    });
    edges.push(edge);
  }
  return edges;
}

function relationshipEdge(
  k: ForeignKey,
  child: Table,
  parent: Table,
  at: {
    childCollapsed: boolean;
    parentCollapsed: boolean;
    childSide: Side;
    parentSide: Side;
    route: readonly number[] | undefined;
  },
): RelationshipEdge {
  const childCol = k.columnIds[0] ?? '';
  const parentCol = k.refColumnIds[0] ?? '';
  // A column a collapsed table hides: the line ends at that table's header instead.
  const childAnchor = visibleColumns(child, at.childCollapsed).some((c) => c.id === childCol)
    ? childCol
    : HEADER_ANCHOR;
  const parentAnchor = visibleColumns(parent, at.parentCollapsed).some((c) => c.id === parentCol)
    ? parentCol
    : HEADER_ANCHOR;
  const notNull = k.columnIds.every((cid) => findColumn(child, cid)?.nullable === false);
  const typeMismatch = k.columnIds.some((cid, i) => {
    const a = findColumn(child, cid)?.type;
    const b = findColumn(parent, k.refColumnIds[i] ?? '')?.type;
    return !!a && !!b && !typesMatchForReference(a, b);
  });
  return {
    id: k.id,
    type: 'relationship',
    source: child.id,
    target: parent.id,
    sourceHandle: handleId(childAnchor, at.childSide),
    targetHandle: handleId(parentAnchor, at.parentSide),
    data: {
      parentEnd: notNull ? 'one' : 'zeroOrOne',
      childEnd: isUniqueSet(child, k.columnIds) ? 'zeroOrOne' : 'zeroOrMany',
      typeMismatch,
      ...(at.route ? { route: at.route } : {}),
    },
    ariaLabel: `Foreign key ${k.name ?? ''} from ${child.name} to ${parent.name}`.replace(
      '  ',
      ' ',
    ),
    focusable: true,
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
