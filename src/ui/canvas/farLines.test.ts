import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../../core/model';
import * as ops from '../../core/ops';
import { farLines } from './farLines';
import { toFlow } from './toFlow';
import { emphasisOf } from './emphasis';

/** The first and last point of an SVG path (`M x,y C ... x,y`). */
function ends(d: string) {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  return { from: numbers.slice(0, 2), to: numbers.slice(-2) };
}

describe('farLines', () => {
  it('draws one line per foreign key, from the child handle to the parent handle React Flow uses', () => {
    const { design, layout } = exampleDocument();
    const { nodes, edges } = toFlow(design, layout, new Set());
    const lines = farLines(nodes, edges);
    expect(lines.map((l) => l.id).sort()).toEqual(edges.map((e) => e.id).sort());
    for (const edge of edges) {
      const line = lines.find((l) => l.id === edge.id);
      const at = (nodeId: string, handleId: string | null | undefined) => {
        const node = nodes.find((n) => n.id === nodeId);
        const h = node?.handles?.find((x) => x.id === handleId);
        if (!node || !h) throw new Error(`no handle ${handleId} on ${nodeId}`);
        const right = h.position === 'right';
        return [
          node.position.x + h.x + (right ? (h.width ?? 0) : 0),
          node.position.y + h.y + (h.height ?? 0) / 2,
        ];
      };
      expect(ends(line?.d ?? '')).toEqual({
        from: at(edge.source, edge.sourceHandle),
        to: at(edge.target, edge.targetHandle),
      });
    }
  });

  it('reuses a line while its tables stay put and redraws only the lines of a moved table', () => {
    const { design, layout } = exampleDocument();
    const first = toFlow(design, layout, new Set());
    const before = farLines(first.nodes, first.edges);
    const moved = ops.moveTables(layout, [{ id: 't_customers', x: 2000, y: 1500 }]);
    const second = toFlow(design, moved, new Set());
    const after = farLines(second.nodes, second.edges);
    const touches = (id: string) => {
      const e = second.edges.find((x) => x.id === id);
      return e?.source === 't_customers' || e?.target === 't_customers';
    };
    expect(after.some((l) => touches(l.id))).toBe(true);
    for (const line of after) {
      const old = before.find((l) => l.id === line.id);
      if (touches(line.id)) expect(line.d).not.toBe(old?.d);
      else expect(line).toBe(old);
    }
  });

  it('carries the emphasis of focus mode: lines outside the focus are dimmed', () => {
    const { design, layout } = exampleDocument();
    const emphasis = emphasisOf(
      design,
      { tableId: 't_customers', hops: 1, hideOthers: false },
      null,
    );
    const { nodes, edges } = toFlow(design, layout, new Set(), null, 0.05, emphasis);
    const lines = farLines(nodes, edges);
    const dimmed = lines.filter((l) => l.className.split(' ').includes('tw-dimmed'));
    expect(dimmed.length).toBeGreaterThan(0);
    expect(dimmed.length).toBeLessThan(lines.length);
    for (const line of lines) expect(line.className).toContain('tw-far-line');
  });
});
