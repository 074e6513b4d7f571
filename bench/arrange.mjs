// Auto-layout with routing in real Chromium, through the studio as the Arrange button runs it: the
// layout worker lays out an N-table design (bench/syntheticDesign.mjs) and routes its lines, the
// page shows progress. Prints the time to the first routing report (positions laid out), the
// total (routed lines in the store), the progress updates the page saw, the longest main-thread
// task meanwhile, and how many lines came back routed. Median of `runs`. Asserts nothing.
// Needs the bench build (see browser.mjs).
//   node bench/arrange.mjs [tables=1000] [runs=3]      BENCH_PORT=4179, BENCH_DIST=bench/out/dist by default
import { launchChromium, median, startPreview } from './browser.mjs';
import { syntheticDocument } from './syntheticDesign.mjs';

const N = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4179);

const { url, stop } = await startPreview(PORT, process.env.BENCH_DIST);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Arrange', exact: true }).waitFor();
  const doc = syntheticDocument(N);
  const keys = Object.values(doc.design.tables).flatMap((t) =>
    t.constraints.filter((k) => k.kind === 'foreignKey'),
  ).length;
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    runs.push(
      await page.evaluate(async (d) => {
        const { store, services } = window.__tablewright;
        store.getState().load(d);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const longTasks = [];
        const obs = new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => longTasks.push(e.duration)),
        );
        obs.observe({ type: 'longtask', buffered: false });
        let updates = 0;
        let laidOut = 0;
        const t0 = performance.now();
        const unsubscribe = services.activity.subscribe((s) => {
          if (!s.current) return;
          updates++;
          if (!laidOut && s.current.message.startsWith('Routing')) laidOut = performance.now() - t0;
        });
        await services.arrange();
        const total = performance.now() - t0;
        unsubscribe();
        obs.disconnect();
        const routes = Object.keys(store.getState().layout.routes ?? {}).length;
        return { laidOut, total, updates, routes, longest: Math.max(0, ...longTasks) };
      }, doc),
    );
  }
  const m = (key) => median(runs.map((r) => r[key])).toFixed(0);
  console.log(
    `Arrange ${N} tables in Chromium (layout worker, ELK + routing), median of ${RUNS}: ` +
      `laid out ${m('laidOut')} ms, routed and in the store ${m('total')} ms ` +
      `(runs: ${runs.map((r) => r.total.toFixed(0)).join(', ')} ms); ` +
      `${runs[0].updates} progress updates; longest main-thread task ${m('longest')} ms; ` +
      `${runs[0].routes} of ${keys} lines routed`,
  );
} finally {
  await browser.close();
  stop();
}
