import { test as base, expect } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';

/**
 * Every test gets a fresh browser context (fresh IndexedDB) and a guard: the studio must make
 * no request beyond its own origin (no CDN, no web fonts). Any such request fails the test.
 */
export const test = base.extend<{
  studio: StudioPage;
  foreignRequests: string[];
  cspViolations: string[];
}>({
  // The studio ships a Content-Security-Policy; nothing any test does may violate it (every page
  // of the context, popups and reopened tabs included).
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
      const foreign: string[] = [];
      page.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, 'requests beyond the studio origin').toEqual([]);
    },
    { auto: true },
  ],
  studio: async ({ page }, use) => {
    const studio = new StudioPage(page);
    await studio.open();
    await use(studio);
  },
});

export { expect };
