// PGlite ready time in the studio's worker, in Chromium: booting from the prebuilt data-dir
// snapshot vs a cold initdb (the snapshot request blocked). Needs the bench build (see browser.mjs).
//   node bench/worker-boot.mjs [runs=3]
import { launchChromium, median, startPreview } from './browser.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const { url, stop } = await startPreview(4178);
try {
  const browser = await launchChromium();
  const results = { snapshot: [], cold: [] };
  for (const mode of ['snapshot', 'cold']) {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (mode === 'cold')
        await page.route('**/pgdata/snapshot.tgz', (r) => r.fulfill({ status: 404, body: '' }));
      await page.goto(url);
      const info = await page.waitForFunction(
        () => window.__tablewright?.services.pg.getBootInfo(),
        undefined,
        { timeout: 120_000 },
      );
      const boot = await info.jsonValue();
      if (boot.fromSnapshot !== (mode === 'snapshot'))
        throw new Error(`expected a ${mode} boot, got ${JSON.stringify(boot)}`);
      results[mode].push(boot.readyMs);
      await context.close();
    }
  }
  await browser.close();
  for (const [mode, xs] of Object.entries(results)) {
    console.log(
      `worker boot (${mode}): median ${Math.round(median(xs))} ms over ${xs.length} runs [${xs.map((x) => Math.round(x)).join(', ')}]`,
    );
  }
} finally {
  stop();
}
