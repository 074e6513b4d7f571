// Edit -> Postgres verdict in Chromium against the benchmarks' build: a design of N tables is
// loaded, checked once whole, then one column is added at a time and the time to the new verdict
// is measured. The checker waits for a 350 ms quiet time after an edit; that pause is printed
// apart. Also prints the first (whole) check, and how each verdict was reached.
//   node bench/verdict.mjs [tables=10,1000,2000] [runs=7]
import { launchChromium, median, startPreview } from './browser.mjs';
import { syntheticDocument } from './syntheticDesign.mjs';

const SIZES = String(process.argv[2] ?? '10,1000,2000')
  .split(',')
  .map(Number);
const RUNS = Number(process.argv[3] ?? 7);
const DEBOUNCE_MS = 350;
const { url, stop } = await startPreview(4176);
const results = {};
try {
  const browser = await launchChromium();
  for (const n of SIZES) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.tw-table');
    await page.waitForFunction(
      () => window.__tablewright.services.check.getState().status === 'accepted',
      undefined,
      {
        timeout: 120_000,
      },
    );
    const first = await page.evaluate(async (doc) => {
      const { store, services } = window.__tablewright;
      const t0 = performance.now();
      store.getState().load(doc);
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no verdict after 5 minutes')), 300_000);
        const stopWatching = services.check.subscribe((s) => {
          if (s.status === 'accepted' || s.status === 'rejected' || s.status === 'unavailable') {
            stopWatching();
            clearTimeout(timer);
            resolve(undefined);
          }
        });
      });
      const s = services.check.getState();
      return {
        ms: performance.now() - t0,
        status: s.status,
        errors: s.errors.length,
        verdict: s.verdict,
        message: s.message,
      };
    }, syntheticDocument(n));
    const edits = [];
    for (let i = 0; i < RUNS; i++) {
      edits.push(
        await page.evaluate(async (i) => {
          const { store, services } = window.__tablewright;
          const before = services.check.getState();
          const tableIds = Object.keys(store.getState().design.tables);
          const tableId = tableIds[(i * 7) % tableIds.length];
          const t0 = performance.now();
          store.getState().dispatch((d) => {
            const t = d.tables[tableId];
            const column = {
              id: `c_bench_${i}`,
              name: `bench_note_${i}`,
              type: 'text',
              nullable: true,
            };
            return {
              ...d,
              tables: { ...d.tables, [tableId]: { ...t, columns: [...t.columns, column] } },
            };
          });
          await new Promise((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error('no verdict after 2 minutes')),
              120_000,
            );
            const stopWatching = services.check.subscribe((s) => {
              if (s !== before && (s.status === 'accepted' || s.status === 'rejected')) {
                stopWatching();
                clearTimeout(timer);
                resolve(undefined);
              }
            });
          });
          const s = services.check.getState();
          return { ms: performance.now() - t0, status: s.status, verdict: s.verdict };
        }, i),
      );
    }
    await page.close();
    const afterPause = edits.map((e) => e.ms - DEBOUNCE_MS);
    results[n] = median(afterPause);
    console.log(
      `${n} tables: first whole check ${Math.round(first.ms)} ms (${first.status}, ${first.errors} errors${first.message ? `, ${first.message}` : ''})`,
    );
    console.log(
      `  edit -> verdict after the ${DEBOUNCE_MS} ms pause: median ${Math.round(results[n])} ms over ${RUNS} [${afterPause.map((t) => Math.round(t)).join(', ')}]; ${edits.filter((e) => e.status === 'accepted').length}/${RUNS} accepted`,
    );
    console.log(`  last verdict: ${edits.at(-1)?.verdict}`);
  }
  await browser.close();
  const sizes = Object.keys(results).map(Number);
  if (sizes.length > 1) {
    const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
    console.log(
      `ratio verdict(${large}) / verdict(${small}): ${(results[large] / results[small]).toFixed(2)}`,
    );
  }
} finally {
  stop();
}
