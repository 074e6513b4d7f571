// Canvas benchmark in real Chromium. For a small design (the floor: what the machine gives when the
// canvas does almost nothing) and a large one, measured in the same run: first render after load,
// a pan at fit view (frame-time percentiles and long tasks over 50 ms), the relationship lines drawn
// at fit view against the foreign keys, and a drag of one table at fit view. Prints numbers, asserts
// nothing. Needs the bench build (see browser.mjs).
//   node bench/canvas.mjs [tables=1000] [floor=5] [dist=bench/out/dist]   BENCH_PORT=4179 by default
import { BENCH_DIST, launchChromium, startPreview } from './browser.mjs';
import { syntheticDocument } from './syntheticDesign.mjs';

const N = Number(process.argv[2] ?? 1000);
const FLOOR = Number(process.argv[3] ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const DIST = process.argv[4] ?? BENCH_DIST;
const FRAMES = 120;

/** In the page: `frames` animation frames, calling `step(i)` before each; frame times and long tasks. */
async function framesWhile(page, kind, frames) {
  return page.evaluate(
    async ({ kind, frames }) => {
      const longTasks = [];
      const obs = new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => longTasks.push(e.duration)),
      );
      obs.observe({ type: 'longtask', buffered: false });
      const fire = (target, type, x, y) =>
        target.dispatchEvent(
          new MouseEvent(type, {
            bubbles: true,
            clientX: x,
            clientY: y,
            button: 0,
            buttons: type === 'mouseup' ? 0 : 1,
            view: window,
          }),
        );
      const pane = document.querySelector('.react-flow__pane');
      const paneRect = pane.getBoundingClientRect();
      // The drag grabs the header of the table nearest the middle of the view.
      let target = pane;
      let x = paneRect.left + paneRect.width / 2;
      let y = paneRect.top + paneRect.height / 2;
      if (kind === 'drag') {
        const headers = [...document.querySelectorAll('.tw-table-drag')];
        const dist = (el) => {
          const r = el.getBoundingClientRect();
          return Math.hypot(r.left + r.width / 2 - x, r.top + r.height / 2 - y);
        };
        target = headers.sort((a, b) => dist(a) - dist(b))[0];
        const r = target.getBoundingClientRect();
        x = r.left + r.width / 2;
        y = r.top + r.height / 2;
      }
      const times = [];
      fire(target, 'mousedown', x, y);
      let last = performance.now();
      for (let i = 0; i < frames; i++) {
        x += kind === 'drag' ? 3 : -8;
        fire(kind === 'drag' ? window : pane, 'mousemove', x, y + (i % 2));
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      fire(kind === 'drag' ? window : pane, 'mouseup', x, y);
      await new Promise((r) => setTimeout(r, 150));
      obs.disconnect();
      times.sort((a, b) => a - b);
      const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
      return { frames: times.length, p50: pct(50), p95: pct(95), max: times.at(-1), longTasks };
    },
    { kind, frames },
  );
}

/** Loads an N-table design, fits the view, and measures. */
async function measure(page, n) {
  const doc = syntheticDocument(n);
  const foreignKeys = Object.values(doc.design.tables).flatMap((t) =>
    t.constraints.filter((k) => k.kind === 'foreignKey'),
  ).length;
  const firstRenderMs = await page.evaluate(async (d) => {
    const t0 = performance.now();
    window.__tablewright.store.getState().load(d);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  }, doc);
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  // Fit view animates for 300 ms; wait for the transform to settle.
  await page.waitForFunction(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('.react-flow__viewport');
        const before = el.style.transform;
        setTimeout(() => resolve(el.style.transform === before), 400);
      }),
  );
  const zoom = await page.evaluate(() => {
    const m = /scale\(([\d.]+)\)/.exec(
      document.querySelector('.react-flow__viewport').style.transform,
    );
    return m ? Number(m[1]) : NaN;
  });
  // Far out React Flow's table nodes are hidden: the map (canvas/FarMap.tsx) draws the tables
  // and their lines in one bitmap, and an empty box per table (FarTables) takes the clicks.
  const { nodes, edges } = await page.evaluate(() => ({
    nodes:
      [...document.querySelectorAll('.react-flow__node')].filter((n) => n.offsetParent).length +
      document.querySelectorAll('.tw-far-hit').length,
    edges:
      document.querySelectorAll('.react-flow__edge').length +
      Number(document.querySelector('.tw-far-map')?.dataset.lines ?? 0),
  }));
  const pan = await framesWhile(page, 'pan', FRAMES);
  // Back to fit view for the drag (the pan moved the view).
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.waitForTimeout(500);
  const drag = await framesWhile(page, 'drag', FRAMES);
  return { n, foreignKeys, firstRenderMs, zoom, nodes, edges, pan, drag };
}

const f = (x) => x.toFixed(1);
const tasks = (lt) =>
  `${lt.length} long tasks${lt.length ? ` (max ${f(Math.max(...lt))} ms, ${lt.filter((d) => d > 100).length} over 100 ms)` : ''}`;
const { url, stop } = await startPreview(PORT, DIST);
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.tw-table');
  for (const n of [FLOOR, N]) {
    const r = await measure(page, n);
    console.log(
      `canvas: ${r.n} tables at fit view (zoom ${r.zoom.toFixed(3)}), ${r.nodes} table nodes or boxes`,
    );
    console.log(`  first render after load: ${f(r.firstRenderMs)} ms`);
    console.log(`  lines drawn at fit view: ${r.edges} of ${r.foreignKeys} foreign keys`);
    console.log(
      `  pan, ${r.pan.frames} frames: p50 ${f(r.pan.p50)} ms, p95 ${f(r.pan.p95)} ms, max ${f(r.pan.max)} ms; ${tasks(r.pan.longTasks)}`,
    );
    console.log(
      `  drag one table, ${r.drag.frames} frames: p50 ${f(r.drag.p50)} ms, p95 ${f(r.drag.p95)} ms, max ${f(r.drag.max)} ms; ${tasks(r.drag.longTasks)}`,
    );
  }
  await browser.close();
} finally {
  stop();
}
