// Canvas benchmark in real Chromium: first render of a 1,000-table design and a programmatic pan
// at normal zoom. Prints frame-time percentiles and long tasks (>50 ms). Needs the bench build (see browser.mjs).
//   node bench/canvas.mjs [tables=1000]
import { launchChromium, startPreview } from './browser.mjs';
import { syntheticDocument } from './syntheticDesign.mjs';

const N = Number(process.argv[2] ?? 1000);
const PORT = 4179;
const { url, stop } = await startPreview(PORT);
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.tw-table');
  const doc = syntheticDocument(N);
  const firstRenderMs = await page.evaluate(async (d) => {
    const studio = window.__tablewright;
    const t0 = performance.now();
    studio.store.getState().load(d);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  }, doc);
  const rendered = await page.locator('.react-flow__node').count();
  const pan = await page.evaluate(async () => {
    const longTasks = [];
    const obs = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => longTasks.push(e.duration)),
    );
    obs.observe({ type: 'longtask', buffered: false });
    const pane = document.querySelector('.react-flow__pane');
    const rect = pane.getBoundingClientRect();
    const frames = [];
    let last = performance.now();
    const fire = (type, x, y) =>
      pane.dispatchEvent(
        new MouseEvent(type, {
          bubbles: true,
          clientX: x,
          clientY: y,
          button: 0,
          buttons: type === 'mouseup' ? 0 : 1,
          view: window,
        }),
      );
    let x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    fire('mousedown', x, y);
    for (let i = 0; i < 120; i++) {
      x -= 8;
      fire('mousemove', x, y + (i % 2));
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    fire('mouseup', x, y);
    await new Promise((r) => setTimeout(r, 100));
    obs.disconnect();
    frames.sort((a, b) => a - b);
    const pct = (p) => frames[Math.min(frames.length - 1, Math.floor((p / 100) * frames.length))];
    return {
      frames: frames.length,
      p50: pct(50),
      p95: pct(95),
      max: frames[frames.length - 1],
      longTasks,
    };
  });
  const f = (n) => n.toFixed(1);
  console.log(`canvas: ${N} tables, ${rendered} nodes rendered (culled to the viewport)`);
  console.log(`  first render after load: ${f(firstRenderMs)} ms`);
  console.log(
    `  pan at zoom 1, ${pan.frames} frames: p50 ${f(pan.p50)} ms, p95 ${f(pan.p95)} ms, max ${f(pan.max)} ms; long tasks: ${pan.longTasks.length}${pan.longTasks.length ? ` (max ${f(Math.max(...pan.longTasks))} ms)` : ''}`,
  );
  await browser.close();
} finally {
  stop();
}
