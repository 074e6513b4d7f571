import { test, expect } from './fixtures';
import { StudioPage } from './pages/StudioPage';

/**
 * Closing the tab right after an edit loses nothing. The delays below are the scenario (how soon
 * after the edit the person closes the tab), not waits for the page: nothing is awaited between
 * the edit and the close.
 */
const DELAYS_MS = [0, 50, 100, 200];
const ROUNDS = 2;

test('every edit survives closing the tab 0 to 200 ms after it', async ({ studio, context }) => {
  test.slow();
  await studio.expectAccepted();
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
  let page = studio.page;
  await studio.button('Fit view').click();
  let expected = await page.locator('.tw-table').count();
  for (let round = 0; round < ROUNDS; round++) {
    for (const delay of DELAYS_MS) {
      await page.getByRole('button', { name: 'Add table', exact: true }).click();
      expected += 1;
      if (delay > 0) await page.waitForTimeout(delay);
      await page.close();
      page = await context.newPage();
      const reopened = new StudioPage(page);
      await reopened.open();
      // All tables in view (the canvas draws only what is on screen).
      await reopened.button('Fit view').click();
      await expect(
        page.locator('.tw-table'),
        `after closing ${delay} ms after an edit (round ${round + 1})`,
      ).toHaveCount(expected, { timeout: 30_000 });
      await expect(reopened.saveStatus).toHaveAccessibleName('Save status: Saved', {
        timeout: 30_000,
      });
    }
  }
});
