// The layout worker alone, in real Chromium: the bench build's layout worker is started by the
// page (which is otherwise idle: Postgres booted, the example design checked) and asked to arrange
// an N-table design (bench/syntheticDesign.mjs) `runs` times in a row, the first run cold (worker
// and ELK loading, JIT warming up). Prints per run when each phase ended (clusters planned, ELK
// done for every cluster, routing done) and the CPU time the page's renderer process spent (its
// main thread and all its workers), read from /proc: on a machine shared with other work the
// wall-clock times stretch with the load, the CPU time much less. Asserts nothing.
//   node bench/arrange-worker.mjs [tables=1000] [runs=3]   BENCH_PORT, BENCH_DIST as browser.mjs
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { BENCH_DIST, launchChromium, startPreview } from './browser.mjs';
import { syntheticDocument } from './syntheticDesign.mjs';

const N = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const DIST = process.env.BENCH_DIST ?? BENCH_DIST;
const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

function descendants(pid) {
  let kids = [];
  try {
    kids = execSync(`pgrep -P ${pid}`).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    /* no children */
  }
  return kids.flatMap((k) => [k, ...descendants(k)]);
}

/** CPU ms of the Chromium renderer processes started by this script (Linux /proc). */
function rendererCpuMs() {
  let ms = 0;
  for (const pid of descendants(process.pid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('type=renderer')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    } catch {
      /* gone */
    }
  }
  return ms;
}

const worker = readdirSync(`${DIST}/assets`).find((f) => f.startsWith('layout.worker'));
const { url, stop } = await startPreview(PORT, DIST);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByText('Postgres accepts').first().waitFor({ timeout: 120_000 });
  await page.exposeFunction('rendererCpuMs', rendererCpuMs);
  const doc = syntheticDocument(N);
  const runs = await page.evaluate(
    async ({ doc, src, RUNS }) => {
      const out = [];
      let cpu = await window.rendererCpuMs();
      const w = new Worker(src, { type: 'module', name: 'tablewright-layout' });
      for (let run = 0; run < RUNS; run++) {
        if (run > 0) cpu = await window.rendererCpuMs();
        const t0 = performance.now();
        const at = () => Math.round(performance.now() - t0);
        const marks = { updates: 0 };
        const reply = await new Promise((resolve) => {
          w.onmessage = ({ data }) => {
            if (data.type !== 'progress') return resolve(data);
            marks.updates++;
            const p = data.progress;
            if (p.phase === 'preparing') marks.planned = at();
            if (p.phase === 'layout' && p.done === p.total) marks.clustersLaidOut = at();
            if (p.phase === 'done') marks.routed = at();
          };
          w.postMessage({
            type: 'call',
            id: run,
            method: 'layout',
            args: [doc.design, doc.layout, {}],
          });
        });
        marks.answered = at();
        marks.cpuMs = Math.round((await window.rendererCpuMs()) - cpu);
        marks.routes =
          reply.type === 'result' ? Object.keys(reply.result.routes).length : reply.message;
        out.push(marks);
      }
      w.terminate();
      return out;
    },
    { doc, src: `${url}assets/${worker}`, RUNS },
  );
  console.log(
    `Layout worker, ${N} tables with routing, ${RUNS} runs (the first cold), ms from the request:`,
  );
  runs.forEach((r, i) =>
    console.log(
      `  run ${i + 1}: planned ${r.planned}, clusters laid out ${r.clustersLaidOut}, routed ${r.routed}, ` +
        `answer in the page ${r.answered}; renderer CPU ${r.cpuMs} ms; ${r.updates} progress updates; ${r.routes} lines routed`,
    ),
  );
} finally {
  await browser.close();
  stop();
}
