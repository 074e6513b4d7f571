import type { Design, Layout } from '../core/model';
import { gridBlock, pad, type Block } from './block';
import { clusterComponent } from './clusters';
import { findFreeSpot, RectIndex } from './freeSpot';
import { adjacency, components, linksAmong, type Link } from './graph';
import {
  layeredBlock,
  type ClusterRoute,
  type LayoutDirection,
  type LayoutEngine,
  type RoutedKey,
} from './layered';
import { mapOnLanes } from './lanes';
import { routeLines } from './routeLines';
import { canvasNodes, type CanvasNode } from './nodes';
import { packBlocks, type BlockLink } from './pack';
import type { Point, Size } from './rect';
import { NODE_GAP } from './spacing';
import { lineEndY } from '../core/geometry/lineEnds';
import { splitByArea } from './areaGroups';
import { AREA_PAD } from '../core/geometry/areaRegions';

export type { LayoutDirection, LayoutEngine } from './layered';

type Laid = Awaited<ReturnType<typeof layeredBlock>>;

/** What to lay out and how; plain data, so it can be posted to the layout worker. */
export interface AutoLayoutOptions {
  /** Lay out only these tables (or views); every other node stays where it is and is avoided. Default: all. */
  tableIds?: readonly string[];
  /** Where a table goes relative to the tables it references. Default 'RIGHT'. */
  direction?: LayoutDirection;
  /**
   * Also route the relationship lines among the tables laid out (orthogonal, around tables, from
   * column row to column row). Default true in `arrangeDesign`; `layoutDesign` never routes.
   */
  route?: boolean;
}

/** Progress of one layout. ELK reports none of its own, so progress is counted per cluster. */
export type LayoutProgress =
  | { phase: 'preparing'; tables: number; relations: number; clusters: number }
  | { phase: 'layout'; done: number; total: number }
  | { phase: 'routing'; done: number; total: number }
  | { phase: 'done'; tables: number; ms: number };

/** New positions for the nodes that moved, by id; their other fields (color, collapsed...) kept. */
export type TablesPatch = Layout['tables'];

/** Routed lines by foreign key id, in canvas coordinates (see `Route`). */
export type RoutesPatch = NonNullable<Layout['routes']>;

/** What an arrangement gives: new positions, and the lines routed among the tables it moved. */
export interface Arranged {
  tables: TablesPatch;
  /** Every foreign key among the moved tables that got a route; the others keep the canvas's line. */
  routes: RoutesPatch;
}

/**
 * Largest cluster handed to ELK in one piece. Measured on musicbrainz (365 tables, 675 related
 * pairs): 10-12 gives the most compact result with the shortest relations; 40 and up gives
 * long columns of tables hanging off hubs.
 */
export const MAX_CLUSTER = 12;
/** Clear space between packed clusters and around the nodes a selection layout must avoid. */
const BLOCK_GAP = 80;
/** Between schema boxes: wider than between clusters, so the groups read as groups. */
const GROUP_GAP = 160;
/**
 * Room kept around a schema's tables inside its group (title on top). At least the canvas's own
 * group padding, so the boxes it draws around each schema cannot overlap either.
 */
export const GROUP_PADDING = { top: 56, right: 32, bottom: 32, left: 32 } as const;
const ASPECT = 1.6;

/**
 * Auto-layout: related tables close together, schemas as groups, subject areas as blocks of their
 * own, no overlaps. Each schema (and each area in it) is split into clusters of related tables; each cluster is laid out by ELK's layered algorithm;
 * clusters are packed next to the clusters they reference; tables with no relations form a grid.
 * With `tableIds`, only those move, as one tidy block at the free spot nearest where they were.
 * Partitions are not drawn (they fold under their parent), so they are neither placed nor avoided.
 * Pure apart from the ELK instance; throws only if ELK does.
 */
export async function layoutDesign(
  elk: LayoutEngine | readonly LayoutEngine[],
  design: Design,
  layout: Layout,
  options: AutoLayoutOptions & { onProgress?: (progress: LayoutProgress) => void } = {},
): Promise<TablesPatch> {
  return (await arrangeDesign(elk, design, layout, { ...options, route: false })).tables;
}

/**
 * {@link layoutDesign}, and with `route` (the default) the relationship lines among the tables it
 * moved routed orthogonally around tables: ELK routes the lines inside each cluster (ports at the
 * exact column rows), `routeLines` the lines between clusters, among the final positions.
 * Given several engines, the clusters are laid out on all of them at once.
 */
export async function arrangeDesign(
  elk: LayoutEngine | readonly LayoutEngine[],
  design: Design,
  layout: Layout,
  options: AutoLayoutOptions & { onProgress?: (progress: LayoutProgress) => void } = {},
): Promise<Arranged> {
  const started = performance.now();
  const routing = options.route ?? true;
  const direction = options.direction ?? 'RIGHT';
  const report = options.onProgress ?? (() => {});
  const all = canvasNodes(design, layout);
  const wanted = options.tableIds ? new Set(options.tableIds) : null;
  const scope = wanted ? all.filter((n) => wanted.has(n.id)) : all;
  if (scope.length === 0) {
    report({ phase: 'done', tables: 0, ms: 0 });
    return { tables: {}, routes: {} };
  }
  const sizes = new Map<string, Size>(all.map((n) => [n.id, n]));
  const links = linksAmong(scope);
  const adj = adjacency(
    scope.map((n) => n.id),
    links,
  );
  const groups = groupBySchema(design, scope);
  const plans = groups.map((ids) => {
    const { areas, rest } = splitByArea(design, ids);
    return { ...planGroup(rest, adj), areas: areas.map((area) => planGroup(area, adj)) };
  });
  const clusters = plans.flatMap((p) => [...p.clusters, ...p.areas.flatMap((a) => a.clusters)]);
  const total = clusters.length;
  report({ phase: 'preparing', tables: scope.length, relations: links.length, clusters: total });

  const childLinks = new Map<string, Link[]>();
  for (const l of links) {
    const list = childLinks.get(l.parent);
    if (list) list.push(l);
    else childLinks.set(l.parent, [l]);
  }
  // Every cluster is laid out first, spread over the engines (one per core in the worker), then
  // the blocks are packed in design order: the result does not depend on which engine finished first.
  const engines = Array.isArray(elk) ? (elk as readonly LayoutEngine[]) : [elk as LayoutEngine];
  let done = 0;
  const laidOut = await mapOnLanes(engines, clusters, async (engine, cluster) => {
    const members = new Set(cluster);
    const inner = cluster.flatMap((id) =>
      (childLinks.get(id) ?? []).filter((l) => members.has(l.child)),
    );
    const keys = routing ? keysAmong(design, layout, members) : [];
    const laid = await layeredBlock(engine, cluster, sizes, inner, direction, keys);
    report({ phase: 'layout', done: ++done, total });
    return laid;
  });
  const laidBy = new Map(clusters.map((cluster, i) => [cluster, laidOut[i] as Laid]));
  const clusterRoutes: ClusterRoute[] = laidOut.flatMap((laid) => laid.routes);
  const blocksOf = (plan: ReturnType<typeof planGroup>): Block[] => {
    const blocks = plan.clusters.map((cluster) => (laidBy.get(cluster) as Laid).block);
    if (plan.loners.length > 0) blocks.push(gridBlock(plan.loners, sizes, NODE_GAP, ASPECT));
    return blocks;
  };
  const groupBlocks: Block[] = [];
  for (const plan of plans) {
    const blocks = blocksOf(plan);
    // A subject area is one block, packed apart, with room for the region drawn around it.
    for (const area of plan.areas) {
      const inside = blocksOf(area);
      const opts = { gap: BLOCK_GAP, aspect: ASPECT };
      blocks.push(pad(packBlocks(inside, blockLinks(inside, links), opts), AREA_PAD));
    }
    const packed = packBlocks(blocks, blockLinks(blocks, links), {
      gap: BLOCK_GAP,
      aspect: ASPECT,
    });
    groupBlocks.push(groups.length > 1 ? pad(packed, GROUP_PADDING) : packed);
  }
  const whole =
    groupBlocks.length === 1
      ? (groupBlocks[0] as Block)
      : packBlocks(groupBlocks, blockLinks(groupBlocks, links), { gap: GROUP_GAP, aspect: ASPECT });

  const origin = wanted
    ? placeAmongFixed(whole, all, layout, new Set(scope.map((n) => n.id)))
    : { x: 0, y: 0 };
  const patch: TablesPatch = {};
  for (const item of whole.items) {
    patch[item.id] = {
      ...layout.tables[item.id],
      x: Math.round(origin.x + item.x),
      y: Math.round(origin.y + item.y),
    };
  }
  const routes = routing
    ? routeLines(
        design,
        { ...layout, tables: { ...layout.tables, ...patch } },
        {
          clusterRoutes,
          moved: new Set(Object.keys(patch)),
          onProgress: report,
        },
      )
    : {};
  report({ phase: 'done', tables: scope.length, ms: Math.round(performance.now() - started) });
  return { tables: patch, routes };
}

/** The foreign keys among `members` (not to themselves), with the y of each end's column row. */
function keysAmong(design: Design, layout: Layout, members: ReadonlySet<string>): RoutedKey[] {
  const keys: RoutedKey[] = [];
  for (const id of members) {
    const child = design.tables[id];
    if (!child) continue;
    for (const k of child.constraints) {
      if (k.kind !== 'foreignKey' || k.refTableId === id || !members.has(k.refTableId)) continue;
      const parent = design.tables[k.refTableId];
      const childColumn = k.columnIds[0];
      const parentColumn = k.refColumnIds[0];
      if (!parent || !childColumn || !parentColumn) continue;
      keys.push({
        id: k.id,
        child: id,
        childY: lineEndY(child, !!layout.tables[id]?.collapsed, childColumn),
        parent: parent.id,
        parentY: lineEndY(parent, !!layout.tables[parent.id]?.collapsed, parentColumn),
      });
    }
  }
  return keys;
}

/**
 * Node ids by schema, schemas in design order. A view without a schema of the design goes with
 * the first node it reads from, else with the first schema.
 */
function groupBySchema(design: Design, nodes: readonly CanvasNode[]): string[][] {
  const bySchema = new Map<string, string[]>();
  for (const id of Object.keys(design.schemas)) bySchema.set(id, []);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const firstSchema = Object.keys(design.schemas)[0] ?? '';
  for (const node of nodes) {
    const schemaId =
      (node.schemaId && bySchema.has(node.schemaId) ? node.schemaId : undefined) ??
      node.upstream
        .map((id) => byId.get(id)?.schemaId)
        .find((s) => s !== undefined && bySchema.has(s)) ??
      firstSchema;
    const list = bySchema.get(schemaId);
    if (list) list.push(node.id);
    else bySchema.set(schemaId, [node.id]);
  }
  return [...bySchema.values()].filter((g) => g.length > 0);
}

/** Links inside a group are what clusters it; links leaving the group only place it. */
function planGroup(ids: readonly string[], adj: ReadonlyMap<string, ReadonlyMap<string, number>>) {
  const inGroup = new Set(ids);
  const local = new Map<string, Map<string, number>>();
  for (const id of ids)
    local.set(id, new Map([...(adj.get(id) ?? [])].filter(([other]) => inGroup.has(other))));
  const clusters: string[][] = [];
  const loners: string[] = [];
  for (const component of components(ids, local)) {
    if (component.length === 1) loners.push(component[0] as string);
    else clusters.push(...clusterComponent(component, local, MAX_CLUSTER));
  }
  return { clusters, loners };
}

function blockLinks(blocks: readonly Block[], links: readonly Link[]): BlockLink[] {
  const owner = new Map<string, number>();
  blocks.forEach((b, i) => b.items.forEach((item) => owner.set(item.id, i)));
  const out: BlockLink[] = [];
  for (const l of links) {
    const a = owner.get(l.parent);
    const b = owner.get(l.child);
    if (a !== undefined && b !== undefined && a !== b) out.push({ a, b, weight: l.weight });
  }
  return out;
}

/**
 * Where a selection's block goes: centred on where its nodes were (else beside the fixed nodes
 * they relate to), moved to the nearest spot that clears every node that is not moving.
 */
function placeAmongFixed(
  block: Block,
  all: readonly CanvasNode[],
  layout: Layout,
  moving: ReadonlySet<string>,
): Point {
  const obstacles = new RectIndex();
  const centres = new Map<string, Point>();
  for (const node of all) {
    // A node with no layout entry is drawn at the origin, so it is an obstacle there.
    const at = layout.tables[node.id] ?? { x: 0, y: 0 };
    if (layout.tables[node.id])
      centres.set(node.id, { x: at.x + node.width / 2, y: at.y + node.height / 2 });
    if (!moving.has(node.id))
      obstacles.add({ x: at.x, y: at.y, width: node.width, height: node.height });
  }
  const neighbours = new Set<string>();
  for (const node of all) {
    for (const up of node.upstream) {
      if (moving.has(node.id) && !moving.has(up)) neighbours.add(up);
      if (moving.has(up) && !moving.has(node.id)) neighbours.add(node.id);
    }
  }
  const anchor = centroid([...moving].flatMap((id) => centres.get(id) ?? [])) ??
    centroid([...neighbours].flatMap((id) => centres.get(id) ?? [])) ?? { x: 0, y: 0 };
  const target = { x: anchor.x - block.width / 2, y: anchor.y - block.height / 2 };
  return findFreeSpot(block, target, obstacles, { gap: BLOCK_GAP, yWeight: ASPECT });
}

function centroid(points: readonly Point[]): Point | null {
  if (points.length === 0) return null;
  return {
    x: points.reduce((s, p) => s + p.x, 0) / points.length,
    y: points.reduce((s, p) => s + p.y, 0) / points.length,
  };
}
