// Takes a screenshot of the built studio: `node bench/screenshot.mjs out.png [path-and-query] [dark]`.
// Used to look at the studio as a user would (and to refresh docs/screenshot.png).
import { startPreview, launchChromium } from './browser.mjs';

const [out = 'screenshot.png', route = '/', theme = 'light'] = process.argv.slice(2);
const { url, stop } = await startPreview(4199);
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    colorScheme: theme === 'dark' ? 'dark' : 'light',
  });
  await page.goto(new URL(route, url).href);
  await page
    .getByRole('status', {
      name: /Postgres status: Postgres accepts|Postgres status: \d+ (problem|error)/,
    })
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(() => {});
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  stop();
}
