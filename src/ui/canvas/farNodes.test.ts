import { describe, expect, it } from 'vitest';
import type { Node } from '@xyflow/react';
import { FAR_MAP_NODE, farFlowNodes } from './farNodes';

const table = (id: string, x: number, y: number): Node => ({
  id,
  type: 'table',
  position: { x, y },
  data: {},
  width: 200,
  height: 100,
});
const area: Node = { id: 'area:a', type: 'area', position: { x: 0, y: 0 }, data: {} };

describe('farFlowNodes', () => {
  it('stands one node for every table, over all of them, and keeps the other nodes', () => {
    const out = farFlowNodes([area, table('a', 0, 0), table('b', 500, 300)]);
    expect(out.map((n) => n.id)).toEqual([FAR_MAP_NODE, 'area:a']);
    expect(out[0]).toMatchObject({ position: { x: 0, y: 0 }, width: 700, height: 400 });
  });

  it('gives back the last answer while the extent is the same, a new one when it grows', () => {
    const first = farFlowNodes([
      area,
      table('a', 0, 0),
      table('b', 500, 300),
      table('c', 200, 100),
    ]);
    // A table moved inside the extent: the same array, so React Flow adopts nothing.
    const moved = [area, table('a', 0, 0), table('b', 500, 300), table('c', 240, 120)];
    expect(farFlowNodes(moved, first)).toBe(first);
    const grown = farFlowNodes([area, table('a', -100, 0), table('b', 500, 300)], first);
    expect(grown).not.toBe(first);
    expect(grown[0]).toMatchObject({ position: { x: -100, y: 0 }, width: 800 });
    expect(grown[1]).toBe(area);
  });

  it('has no stand-in without tables', () => {
    expect(farFlowNodes([area])).toEqual([area]);
  });
});
