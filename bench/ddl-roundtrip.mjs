// Time from a keystroke in the DDL pane to the canvas showing the change, for a 100-table design,
// in Chromium against the production build. The DDL pane waits for a 700 ms pause in typing
// before Postgres reads the SQL; that pause is part of the number, and printed apart.
//   node bench/ddl-roundtrip.mjs [tables=100] [runs=3]
import { launchChromium, median, startPreview } from './browser.mjs';
import { syntheticDocument } from './syntheticDesign.mjs';

const N = Number(process.argv[2] ?? 100);
const RUNS = Number(process.argv[3] ?? 3);
const DEBOUNCE_MS = 700;
const { url, stop } = await startPreview(4175);
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.tw-table');
  await page.evaluate((d) => window.__tablewright.store.getState().load(d), syntheticDocument(N));
  await page.waitForFunction(
    () => window.__tablewright.services.pg.getStatus() === 'ready',
    undefined,
    { timeout: 120_000 },
  );
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const name = `bench_added_${i}`;
    const editor = page.locator('[data-testid="ddl-editor"]');
    await editor.click({ position: { x: 200, y: 20 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(
      `\nCREATE TABLE ${name} (id bigint PRIMARY KEY, table_0_id bigint REFERENCES table_0 (id))`,
    );
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.insertText(';');
    const t1 = await page.evaluate(async (n) => {
      const store = window.__tablewright.store;
      while (!Object.values(store.getState().design.tables).some((t) => t.name === n))
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now();
    }, name);
    times.push(t1 - t0);
  }
  await browser.close();
  const m = median(times);
  console.log(
    `DDL keystroke -> canvas, ${N} tables: median ${Math.round(m)} ms over ${RUNS} runs [${times.map((t) => Math.round(t)).join(', ')}] (of which ${DEBOUNCE_MS} ms is the typing pause)`,
  );
} finally {
  stop();
}
