// Shared by the browser benchmarks: serve the production build and launch Chromium.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';

/** Where the benchmarks' build goes: a production build plus the store handle (see src/main.tsx). */
export const BENCH_DIST = 'bench/out/dist';

/**
 * Starts `vite preview` of the benchmarks' build on `port`; returns its URL and a stop function.
 * Needs `npx vite build --mode bench --outDir bench/out/dist` first (`npm run bench` does it);
 * `dist` serves another build (to compare two).
 */
export async function startPreview(port, dist = BENCH_DIST) {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview on ${url} did not start`);
}

export async function launchChromium() {
  const executablePath = await findChromium();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
