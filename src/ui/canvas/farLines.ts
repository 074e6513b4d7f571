import { getBezierPath, Position, type Node } from '@xyflow/react';
import type { RelationshipEdge } from './toFlow';

/** One relationship line far out: its path in flow coordinates and its emphasis class. */
export interface FarLine {
  id: string;
  d: string;
  className: string;
}

type Handle = NonNullable<Node['handles']>[number];
const handleCache = new WeakMap<Node, Map<string, Handle>>();

function handleOf(node: Node, id: string | null | undefined): Handle | undefined {
  let byId = handleCache.get(node);
  if (!byId) {
    byId = new Map((node.handles ?? []).map((h) => [h.id ?? '', h]));
    handleCache.set(node, byId);
  }
  return byId.get(id ?? '');
}

/** Where React Flow ends a line at a side handle: the middle of the handle's outer edge. */
function endOf(node: Node, handle: Handle) {
  const right = handle.position === Position.Right;
  return {
    x: node.position.x + handle.x + (right ? (handle.width ?? 0) : 0),
    y: node.position.y + handle.y + (handle.height ?? 0) / 2,
    position: right ? Position.Right : Position.Left,
  };
}

const lineCache = new WeakMap<RelationshipEdge, { source: Node; target: Node; line: FarLine }>();

/**
 * The lines of the far-out map, from the nodes and lines `toFlow` derived: the same curve, from
 * the same anchors, that React Flow would draw, without its per-line component, store
 * subscription and SVG element. A line is reused while its line object and both its tables' node
 * objects are the same (toFlow reuses those), so a drag frame recomputes only the moved table's
 * lines. Pure.
 */
export function farLines(nodes: readonly Node[], edges: readonly RelationshipEdge[]): FarLine[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lines: FarLine[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const cached = lineCache.get(edge);
    if (cached && cached.source === source && cached.target === target) {
      lines.push(cached.line);
      continue;
    }
    const from = handleOf(source, edge.sourceHandle);
    const to = handleOf(target, edge.targetHandle);
    if (!from || !to) continue;
    const a = endOf(source, from);
    const b = endOf(target, to);
    const [d] = getBezierPath({
      sourceX: a.x,
      sourceY: a.y,
      sourcePosition: a.position,
      targetX: b.x,
      targetY: b.y,
      targetPosition: b.position,
    });
    const emphasis = edge.className ? ` ${edge.className}` : '';
    const mismatch = edge.data?.typeMismatch ? ' is-mismatch' : '';
    const line = {
      id: edge.id,
      d,
      className: `tw-edge tw-edge-far tw-far-line${mismatch}${emphasis}`,
    };
    lineCache.set(edge, { source, target, line });
    lines.push(line);
  }
  return lines;
}
