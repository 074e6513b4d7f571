import ELK from 'elkjs/lib/elk.bundled.js';
import { it } from 'vitest';
import { arrangeDesign, layoutDesign, type LayoutProgress } from '../src/layout/autoLayout';
import { placeNewTables } from '../src/layout/placeNewTables';
import { boundsOf } from '../src/layout/rect';
import { centreDistance, rectsAfter } from '../src/layout/testing/check';
import { routeQuality } from '../src/layout/testing/routeQuality';
import type { Design, Layout } from '../src/core/model';
import { syntheticDesign } from '../src/layout/testing/synthetic';

/**
 * Auto-layout (ELK layered per cluster, in-thread as in the worker) on synthetic designs shaped
 * like musicbrainz, at 100, 375 and 1,000 tables, one and four schemas; then placeNewTables for
 * 10 new tables among them. Prints times and the shape of the result; asserts nothing.
 * Run: npx vitest run --config bench/vitest.bench.config.ts bench/layout.bench.ts
 */

function shape(
  design: ReturnType<typeof syntheticDesign>['design'],
  layout: ReturnType<typeof syntheticDesign>['layout'],
  patch: Parameters<typeof rectsAfter>[2],
) {
  const rects = rectsAfter(design, layout, patch);
  const box = boundsOf(rects.values());
  let sum = 0;
  let count = 0;
  for (const t of Object.values(design.tables)) {
    for (const k of t.constraints) {
      const a = rects.get(t.id);
      const b = rects.get(k.kind === 'foreignKey' ? k.refTableId : '');
      if (a && b && a !== b) {
        sum += centreDistance(a, b);
        count++;
      }
    }
  }
  return `${Math.round(box?.width ?? 0)} x ${Math.round(box?.height ?? 0)} px, mean FK length ${Math.round(sum / Math.max(1, count))} px`;
}

it('layout', async () => {
  const elk = new ELK();
  // Warm up: the first ELK call pays for its JIT.
  await layoutDesign(
    elk,
    syntheticDesign({ tables: 40 }).design,
    syntheticDesign({ tables: 40 }).layout,
  );
  const lines: string[] = [];
  for (const schemas of [1, 4]) {
    for (const size of [100, 375, 1000]) {
      const { design, layout } = syntheticDesign({ tables: size, schemas });
      let prepared = 0;
      let clusters = 0;
      const start = performance.now();
      const patch = await layoutDesign(elk, design, layout, {
        onProgress: (p: LayoutProgress) => {
          if (p.phase === 'preparing') {
            prepared = performance.now() - start;
            clusters = p.clusters;
          }
        },
      });
      const ms = performance.now() - start;
      lines.push(
        `${String(size).padStart(5)} tables, ${schemas} schema(s): ${ms.toFixed(0).padStart(5)} ms (prepare ${prepared.toFixed(0)} ms, ${clusters} clusters) -> ${shape(design, layout, patch)}`,
      );
    }
  }
  for (const size of [100, 375, 1000]) {
    const { design, layout } = syntheticDesign({ tables: size + 10 });
    const ids = Object.keys(design.tables).slice(size);
    const existing = {
      ...layout,
      tables: Object.fromEntries(Object.entries(layout.tables).filter(([id]) => !ids.includes(id))),
    };
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      placeNewTables(design, existing, ids);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    lines.push(
      `placeNewTables, 10 new among ${size}: median ${(times[10] as number).toFixed(1)} ms over 20 runs`,
    );
  }
  // Routing: the same layout with the lines routed (what Arrange runs in its worker), against
  // positions only, on bench/syntheticDesign.mjs's shape too (10 columns, 1-2 keys per table).
  const moduleUrl = new URL('./syntheticDesign.mjs', import.meta.url).href;
  const { syntheticDocument } = (await import(moduleUrl)) as {
    syntheticDocument(n: number): { design: Design; layout: Layout };
  };
  const designs: [string, { design: Design; layout: Layout }][] = [
    ['layout/testing/synthetic, 1,000 tables', syntheticDesign({ tables: 1000 })],
    ['bench/syntheticDesign.mjs, 1,000 tables', syntheticDocument(1000)],
  ];
  for (const [name, { design, layout }] of designs) {
    const timed = async (route: boolean) => {
      let routingStarted = 0;
      const start = performance.now();
      const result = await arrangeDesign(elk, design, layout, {
        route,
        onProgress: (p) => {
          if (p.phase === 'routing' && p.done === 0) routingStarted = performance.now();
        },
      });
      const ms = performance.now() - start;
      return { ms, routingMs: routingStarted ? performance.now() - routingStarted : 0, result };
    };
    const plain = await timed(false);
    const routed = await timed(true);
    const keys = Object.values(design.tables).reduce(
      (n, t) => n + t.constraints.filter((k) => k.kind === 'foreignKey').length,
      0,
    );
    lines.push(
      `${name}: without routing ${plain.ms.toFixed(0)} ms; with routing ${routed.ms.toFixed(0)} ms ` +
        `(${Object.keys(routed.result.routes).length} of ${keys} lines routed, ` +
        `the between-cluster router ${routed.routingMs.toFixed(0)} ms); ` +
        `quality ${JSON.stringify(routeQuality(design, layout, routed.result))}`,
    );
  }
  console.log('auto-layout (Node, ELK in-thread as in the layout worker)\n' + lines.join('\n'));
});
