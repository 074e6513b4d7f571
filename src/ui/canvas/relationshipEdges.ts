import type { Edge } from '@xyflow/react';
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
import { NODE_WIDTH, visibleColumns } from '../../core/geometry/tableGeometry';
import { HEADER_ANCHOR, handleId, type Side } from './handles';
import { fittingRoute } from './routedPath';

/**
 * The relationship lines: one per drawable foreign key, with its crow's-foot ends, its sides and
 * its route, reused by identity while what it was derived from is the same (a drag frame moves
 * one table; the other 1,331 lines stay the same objects).
 */

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

const tableLists = new WeakMap<Design, Table[]>();
/** The design's tables as a list, once per design (a drag frame keeps the design). */
export function tablesOf(design: Design): Table[] {
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
export function relationshipEdges(
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
