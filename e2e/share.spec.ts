import { test, expect } from './fixtures';
import { StudioPage } from './pages/StudioPage';

test('a shared link opens read-only in a fresh browser, and "Save a copy" makes it one’s own', async ({
  studio,
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // two studios boot, one after the other
  await studio.expectAccepted();
  await studio.renameTable('customers', 'clients');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#design=v2\./);
  await expect(dialog.getByRole('status', { name: 'Link length' })).toContainText(
    `${link.length.toLocaleString('en')} characters`,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A teammate: another browser profile, nothing stored.
  const context = await browser.newContext({ baseURL });
  const mate = await context.newPage();
  const theirs = new StudioPage(mate);
  await mate.goto(link);
  const banner = mate.getByRole('region', { name: 'Shared design' });
  await expect(banner).toContainText('read-only');
  for (const name of ['clients', 'addresses', 'orders', 'order_items', 'products'])
    await expect(theirs.table(name)).toBeVisible();
  await expect(theirs.button('Add table')).toBeDisabled();
  await theirs.expectAccepted();
  await expect(theirs.saveStatus).toHaveAccessibleName('Save status: Shared design: not stored');

  await banner.getByRole('button', { name: 'Save a copy' }).click();
  await expect(banner).toBeHidden();
  await expect(theirs.button('Add table')).toBeEnabled();
  await expect(theirs.saveStatus).toHaveAccessibleName('Save status: Saved');
  expect(new URL(mate.url()).hash).toBe('');
  await mate.reload();
  await expect(theirs.table('clients')).toBeVisible();
  await context.close();
});

test('a corrupted link says so and leaves one’s own designs untouched', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  await studio.renameTable('customers', 'my_customers');
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
  const good = await page.evaluate(() => location.origin + '/');
  await page.goto('about:blank');
  await page.goto(`${good}#design=v2.eJzLSM3JyVcozy_KSQEAGgQEXQ`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'This share link could not be opened' }),
  ).toContainText('Your own designs are unchanged');
  await expect(studio.table('my_customers')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Shared design' })).toBeHidden();

  // Pasted into the address bar of the open studio: only the hash changes, and the studio follows.
  await page.evaluate(() => (location.hash = '#design=v9.AAAA'));
  await expect(page.getByRole('alert').filter({ hasText: 'newer Tablewright' })).toBeVisible();
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Designs' }).getByText('Online shop')).toHaveCount(
    1,
  );
});

test('the embed view shows only the diagram, read-only, with pan and zoom', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const embedCode = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
  const src = /src="([^"]+)"/.exec(embedCode)?.[1]?.replace(/&quot;/g, '"');
  expect(src).toMatch(/\?embed#design=v2\./);
  // A small frame, as in a wiki page: the whole diagram is fitted into it.
  await page.setViewportSize({ width: 560, height: 360 });
  await page.goto(src!);
  await expect(studio.table('orders')).toBeVisible();
  for (const name of ['customers', 'addresses', 'products', 'orders', 'order_items']) {
    await expect(studio.table(name)).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Open “Online shop” in Tablewright/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zoom In' })).toBeVisible();
  await expect(page.locator('.react-flow__node.draggable')).toHaveCount(0);
});
