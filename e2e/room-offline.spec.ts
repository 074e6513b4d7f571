import { expect } from './fixtures';
import { StudioPage } from './pages/StudioPage';
import { startRoom, teammate, test } from './relayFixture';

test('a tab closed right after an offline edit keeps it: opening the link again sends it to the room', async ({
  studio,
  page,
  browser,
  baseURL,
  relay,
}) => {
  test.slow(); // three studios boot, each with its own Postgres
  await studio.expectAccepted();
  const editLink = await startRoom(page, relay, 'Ada');

  // Bea is in the room, loses the network, renames a table and closes the tab at once.
  const bea = await teammate(browser, baseURL, editLink);
  await expect(bea.studio.table('products')).toBeVisible();
  await bea.context.setOffline(true);
  await expect(
    bea.page.getByRole('status', { name: /Room status: (Offline|Reconnecting…)/ }),
  ).toBeVisible();
  await bea.studio.renameTable('products', 'items');
  await bea.page.close();
  await expect(studio.table('products')).toBeVisible();

  // Later, online again, she opens the link in a new tab: her edit reaches the room.
  await bea.context.setOffline(false);
  const again = await bea.context.newPage();
  await again.goto(editLink);
  await expect(again.getByRole('status', { name: 'Room status: Live' })).toBeVisible({
    timeout: 60_000,
  });
  const beaAgain = new StudioPage(again);
  await expect(beaAgain.table('items')).toBeVisible();
  await expect(studio.table('items')).toBeVisible({ timeout: 30_000 });
  // Merged into the room's design, not set beside it as a copy: nothing to reconcile by hand.
  await expect(again.getByText(/differed from the room’s; it was kept as a copy/)).toHaveCount(0);
  // The room's copy is kept in IndexedDB now: localStorage holds no whole room any more.
  const roomsInLocalStorage = await again.evaluate(
    () => Object.keys(localStorage).filter((k) => k.startsWith('tablewright.room.')).length,
  );
  expect(roomsInLocalStorage).toBe(0);
  await bea.context.close();
});
