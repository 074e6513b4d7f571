// From the end of typing in the DDL pane to the canvas showing the change, in Chromium against the
// benchmarks' build, read in full (the studio before issue 12: the whole script in a fresh scratch
// Postgres) and incrementally (only the statements that changed, over the last script read).
// The pane waits for a 700 ms pause in typing before Postgres reads the SQL: "after the pause" is
// the time from the keystroke minus that pause. Two kinds of edit alternate: a table typed at the
// end of the text (with a foreign key), and a column renamed in a table in the middle.
//   node bench/ddl-roundtrip.mjs [tables=1000] [runs=5] [fullRuns=3]   (BENCH_PORT=4175, BENCH_DIST)
import { BENCH_DIST, launchChromium, median, startPreview } from './browser.mjs';
import { syntheticDocument } from './syntheticDesign.mjs';

const N = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 5);
const FULL_RUNS = Number(process.argv[4] ?? Math.min(RUNS, 3));
const PORT = Number(process.env.BENCH_PORT ?? 4175);
const DIST = process.env.BENCH_DIST ?? BENCH_DIST;
const DEBOUNCE_MS = 700;
const MIDDLE = `table_${Math.floor(N / 2)}`;

/** Resolves in the page when the store's design satisfies `test`, two frames later (painted). */
const waitForDesign = (page, test, arg) =>
  page.evaluate(
    async ({ test, arg }) => {
      const check = new Function('design', 'arg', `return (${test})(design, arg)`);
      const store = window.__tablewright.store;
      const started = performance.now();
      while (!check(store.getState().design, arg)) {
        if (performance.now() - started > 300_000) throw new Error('the canvas never changed');
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now();
    },
    { test: test.toString(), arg },
  );

const hasTable = (design, name) => Object.values(design.tables).some((t) => t.name === name);
const hasColumn = (design, [table, column]) =>
  Object.values(design.tables).some(
    (t) => t.name === table && t.columns.some((c) => c.name === column),
  );

/**
 * Where the time of the last edit went: the worker's phases and the trip of its answer (the
 * "DDL read" measure), the page's (the "DDL pane applied" measure), the rest up to the painted
 * canvas (React and the browser), and the long tasks from the keystroke to 1.5 s after the paint.
 */
async function phasesOfLastEdit(page, t0, painted) {
  await page.waitForTimeout(1500);
  return page.evaluate(
    ({ t0, painted }) => {
      const last = (name) => performance.getEntriesByName(name).at(-1);
      const read = last('tablewright: DDL read');
      const applied = last('tablewright: DDL pane applied');
      const longTasks = (window.__longTasks ?? [])
        .filter((t) => t.startTime + t.duration > t0)
        .map((t) => ({
          at: Math.round(t.startTime - painted),
          ms: Math.round(t.duration),
        }));
      return {
        worker: read?.detail ?? {},
        page: applied?.detail ?? {},
        paint: applied ? Math.round(painted - (applied.startTime + applied.duration)) : undefined,
        longTasks,
      };
    },
    { t0, painted },
  );
}

const phaseLog = [];

/** Types a new table at the end of the DDL; returns ms from the last keystroke to the canvas. */
async function typeTable(page, name) {
  const editor = page.locator('[data-testid="ddl-editor"]');
  await editor.click({ position: { x: 200, y: 20 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(
    `\nCREATE TABLE ${name} (id bigint PRIMARY KEY, table_0_id bigint REFERENCES table_0 (id))`,
  );
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.type(';');
  const painted = await waitForDesign(page, hasTable, name);
  phaseLog.push({ edit: 'table', ...(await phasesOfLastEdit(page, t0, painted)) });
  return painted - t0;
}

/** Renames a column of a table in the middle of the text, as the pane's edit; ms to the canvas. */
async function renameColumn(page, column) {
  const t0 = await page.evaluate(
    ({ table, column }) => {
      const { draft, ddlEditing } = window.__tablewright.services;
      const text = draft.getState().text;
      // The table's second column (after id), whatever an earlier run renamed it to.
      const start = text.indexOf(`CREATE TABLE ${table} (`);
      const line = text.indexOf('\n', text.indexOf('\n', start) + 1) + 3;
      const end = text.indexOf(' ', line);
      ddlEditing.edit(text.slice(0, line) + column + text.slice(end));
      return performance.now();
    },
    { table: MIDDLE, column },
  );
  const painted = await waitForDesign(page, hasColumn, [MIDDLE, column]);
  phaseLog.push({ edit: 'column', ...(await phasesOfLastEdit(page, t0, painted)) });
  return painted - t0;
}

async function measure(page, mode, runs) {
  await page.evaluate((m) => {
    window.__tablewright.services.ddlRead.incremental = m === 'incremental';
  }, mode);
  // The first read of a text is always in full (it makes the scratch database an incremental read
  // starts from): not counted.
  const warm = await typeTable(page, `bench_${mode}_warm`);
  const times = { table: [], column: [] };
  for (let i = 0; i < runs; i++) {
    times.table.push(await typeTable(page, `bench_${mode}_${i}`));
    times.column.push(await renameColumn(page, `field_1_${mode}_${i}`));
  }
  const all = [...times.table, ...times.column];
  if (mode === 'incremental') printPhases(phaseLog.splice(0));
  else phaseLog.splice(0);
  const after = (t) => Math.round(t - DEBOUNCE_MS);
  const list = (xs) => xs.map(after).join(', ');
  console.log(
    `DDL pane -> canvas, ${N} tables, ${mode} read: median ${after(median(all))} ms after the ${DEBOUNCE_MS} ms pause ` +
      `(${Math.round(median(all))} ms from the keystroke) over ${all.length} edits; ` +
      `table typed at the end [${list(times.table)}], column renamed in ${MIDDLE} [${list(times.column)}]; ` +
      `first read ${after(warm)} ms`,
  );
  return median(all) - DEBOUNCE_MS;
}

/** Median ms of each phase over the edits, and the long tasks seen. */
function printPhases(log) {
  const medianOf = (pick) => {
    const names = [...new Set(log.flatMap((e) => Object.keys(pick(e))))];
    return names
      .map((n) => `${n} ${Math.round(median(log.map((e) => pick(e)[n] ?? 0)))}`)
      .join(', ');
  };
  console.log(`  worker (median ms): ${medianOf((e) => e.worker)}`);
  console.log(
    `  page (median ms): ${medianOf((e) => e.page)}, then paint ${median(log.map((e) => e.paint ?? 0))}`,
  );
  const long = log.flatMap((e) =>
    e.longTasks.map((t) => `${t.ms} ms at ${t.at >= 0 ? '+' : ''}${t.at}`),
  );
  console.log(
    `  long tasks (ms, at ms from the paint) from the keystroke to 1.5 s after: ${long.length ? long.join('; ') : 'none'}`,
  );
}

const { url, stop } = await startPreview(PORT, DIST);
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries())).observe({
      type: 'longtask',
    });
  });
  await page.goto(url);
  await page.waitForSelector('.tw-table');
  await page.evaluate((d) => window.__tablewright.store.getState().load(d), syntheticDocument(N));
  await page.waitForFunction(
    () => window.__tablewright.services.pg.getStatus() === 'ready',
    undefined,
    { timeout: 120_000 },
  );
  await page.evaluate(() => window.__tablewright.services.settleCheck());
  const full = await measure(page, 'full', FULL_RUNS);
  const incremental = await measure(page, 'incremental', RUNS);
  const tooltip = await page.evaluate(() => window.__tablewright.services.draft.getState().phase);
  await browser.close();
  console.log(
    `Typing pause -> canvas, ${N} tables (goal: under 500 ms after the pause): before (full read) ${Math.round(full)} ms, after (incremental) ${Math.round(incremental)} ms; last draft phase: ${tooltip}`,
  );
} finally {
  stop();
}
