// First paint of the studio in Chromium, on a first visit (fresh profile: the example design):
// the size of the JavaScript the page loads, then page load -> canvas painted (first table node
// visible) and -> "Postgres accepts this schema" shown. Medians over RUNS fresh browser contexts.
// Needs the bench build (see browser.mjs); prints numbers, asserts nothing.
//   node bench/first-paint.mjs [runs=5] [dist=bench/out/dist]     (BENCH_PORT=4177 by default)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH_DIST, launchChromium, median, startPreview } from './browser.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const DIST = process.argv[3] ?? BENCH_DIST;
const PORT = Number(process.env.BENCH_PORT ?? 4177);
const ACCEPTED = 'Postgres status: Postgres accepts this schema';

const kB = (bytes) => `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 0 })} kB`;
/** Raw and gzipped size of a built file, by its URL path (/assets/x.js). */
function sizeOf(path) {
  const bytes = readFileSync(join(DIST, path));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}
const sum = (sizes) =>
  sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
const fmt = (s) => `${kB(s.raw)} (${kB(s.gzip)} gzipped)`;

// The entry chunk index.html loads, and the chunks it preloads with it.
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const entry = html.match(/<script type="module"[^>]*src="([^"]+)"/)?.[1];
if (!entry) throw new Error(`no module script in ${DIST}/index.html`);
const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
  (m) => m[1],
);

/**
 * Runs in the page before its own scripts: on every frame, note when a table node first has a
 * size and is visible (React Flow hides nodes until measured) and when the status says Postgres
 * accepts the design. performance.now() counts from the start of the navigation.
 */
function watchFirstPaint(accepted) {
  const marks = {};
  window.__firstPaint = marks;
  const tick = () => {
    if (marks.canvas === undefined) {
      const node = document.querySelector('.react-flow__node');
      if (
        node &&
        getComputedStyle(node).visibility !== 'hidden' &&
        node.getBoundingClientRect().width > 0
      )
        marks.canvas = performance.now();
    }
    if (marks.accepts === undefined && document.querySelector(`[aria-label="${accepted}"]`))
      marks.accepts = performance.now();
    if (marks.canvas === undefined || marks.accepts === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const { url, stop } = await startPreview(PORT, DIST);
try {
  const browser = await launchChromium();
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(watchFirstPaint, ACCEPTED);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__firstPaint?.accepts !== undefined, undefined, {
      timeout: 120_000,
    });
    const run = await page.evaluate(() => ({
      ...window.__firstPaint,
      // Scripts the page itself fetched (module chunks and worker entries) by then.
      scripts: performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('.js')),
    }));
    runs.push(run);
    await context.close();
  }
  await browser.close();

  const main = sizeOf(entry);
  const initial = sum([entry, ...preloads].map(sizeOf));
  const loaded = sum([...new Set(runs.at(-1).scripts)].map(sizeOf));
  const ms = (xs) =>
    `median ${Math.round(median(xs))} ms [${xs.map((x) => Math.round(x)).join(', ')}]`;
  console.log(`first paint (${DIST}, ${RUNS} runs, fresh profile each)`);
  console.log(`  main chunk ${entry}: ${fmt(main)}`);
  console.log(`  entry + preloaded chunks (${1 + preloads.length} files): ${fmt(initial)}`);
  console.log(
    `  all JS the page fetched until Postgres accepts (${new Set(runs.at(-1).scripts).size} files, workers' entries included): ${fmt(loaded)}`,
  );
  console.log(`  page load -> canvas painted:    ${ms(runs.map((r) => r.canvas))}`);
  console.log(`  page load -> "Postgres accepts": ${ms(runs.map((r) => r.accepts))}`);
} finally {
  stop();
}
