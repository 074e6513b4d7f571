import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterComponent } from './clusters';
import { adjacency, components, type Link } from './graph';
import { propertyParameters } from '../test/propertySeed';

function graph(n: number, edges: [number, number][]) {
  const ids = Array.from({ length: n }, (_, i) => `t${i}`);
  const links: Link[] = edges.map(([a, b]) => ({ parent: `t${a}`, child: `t${b}`, weight: 1 }));
  return { ids, adj: adjacency(ids, links) };
}

describe('clusterComponent', () => {
  it('separates two cliques joined by one edge', () => {
    const edges: [number, number][] = [];
    for (const base of [0, 8])
      for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) edges.push([base + i, base + j]);
    edges.push([0, 8]);
    const { ids, adj } = graph(16, edges);
    const clusters = clusterComponent(ids, adj, 10).map((c) => [...c].sort());
    expect(clusters).toHaveLength(2);
    expect(clusters.map((c) => c.includes('t0') === c.includes('t7'))).toEqual([true, true]);
  });

  it('splits a star bigger than the limit, though it has no communities to find', () => {
    const { ids, adj } = graph(
      40,
      Array.from({ length: 39 }, (_, i): [number, number] => [0, i + 1]),
    );
    const clusters = clusterComponent(ids, adj, 12);
    expect(Math.max(...clusters.map((c) => c.length))).toBeLessThanOrEqual(12);
  });

  it('puts every table in exactly one cluster of at most the limit', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 80 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
              fc.integer({ min: 2, max: 20 }),
            ),
          ),
        ([n, edges, max]) => {
          const { ids, adj } = graph(
            n,
            edges.filter(([a, b]) => a !== b),
          );
          for (const component of components(ids, adj)) {
            const clusters = clusterComponent(component, adj, max);
            expect(clusters.flat().sort()).toEqual([...component].sort());
            for (const c of clusters) expect(c.length).toBeLessThanOrEqual(max);
          }
        },
      ),
      propertyParameters({ numRuns: 150 }),
    );
  });
});
