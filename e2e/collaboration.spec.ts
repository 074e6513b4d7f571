import { expect } from './fixtures';
import { openRoomDialog, teammate, test } from './relayFixture';

test('two people design one schema through a relay: live both ways, presence, personal undo, a read-only follower', async ({
  studio,
  page,
  browser,
  baseURL,
  relay,
}) => {
  test.slow(); // three studios boot, each with its own Postgres
  await studio.expectAccepted();

  // Ada starts a room: no relay is configured in this build, so she enters the team's.
  let dialog = await openRoomDialog(page, 'Ada');
  await expect(dialog.getByRole('status', { name: 'Collaboration status' })).toContainText(
    'Collaboration is off',
  );
  await dialog.getByRole('textbox', { name: 'Relay URL' }).fill(relay);
  await dialog.getByRole('button', { name: 'Use this relay' }).click();
  await dialog.getByRole('button', { name: 'Start a live room' }).click();
  const editLink = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const readLink = await dialog.getByRole('textbox', { name: 'Read-only link' }).inputValue();
  expect(editLink).toMatch(/#room=[\w-]+&key=[\w-]+&verify=[\w-]+&sign=[\w-]+$/);
  expect(readLink).not.toContain('sign=');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status', { name: 'Room status: Live' })).toBeVisible();

  // Bea opens the edit link in her own browser: the same design, live.
  const bea = await teammate(browser, baseURL, editLink);
  await expect(bea.studio.table('customers')).toBeVisible();
  dialog = await openRoomDialog(bea.page, 'Bea');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const adaSees = page.getByRole('list', { name: 'People in this room' });
  await expect(adaSees).toContainText('Bea');
  await expect(bea.page.getByRole('list', { name: 'People in this room' })).toContainText('Ada');

  // Ada adds a table by typing its name: Bea sees it.
  await studio.addNamedTable('invoices');
  await expect(bea.studio.table('invoices')).toBeVisible();

  // Bea renames a column: Ada sees it.
  await bea.studio
    .table('customers')
    .getByRole('button', { name: 'Column name full_name' })
    .dblclick();
  await bea.page.keyboard.press('ControlOrMeta+a');
  await bea.page.keyboard.type('display_name');
  await bea.page.keyboard.press('Enter');
  await expect(
    studio.table('customers').getByRole('button', { name: 'Column name display_name' }),
  ).toBeVisible();

  // Bea selects a table: Ada sees it outlined in Bea's colour, and Bea's pointer while it is
  // over the canvas (gone when it leaves).
  await bea.studio.table('orders').getByRole('button', { name: 'Table name orders' }).click();
  await expect(page.getByRole('img', { name: 'Selected by Bea' })).toBeVisible();
  // Far out, where the map is one picture, Ada still sees it outlined.
  const farMap = page.locator('.tw-far-map');
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  for (let i = 0; i < 12 && (await farMap.count()) === 0; i++) await zoomOut.click();
  await expect(farMap).toBeVisible();
  await expect(page.getByRole('img', { name: 'Selected by Bea' })).toBeVisible();
  await studio.button('Fit view').click();
  const box = await bea.studio.table('orders').boundingBox();
  await bea.page.mouse.move(box!.x + box!.width + 40, box!.y + box!.height + 40, { steps: 4 });
  const pointer = page.getByRole('img', { name: "Bea's pointer" });
  await expect(pointer).toBeVisible();
  await bea.studio.button('Fit view').hover();
  await expect(pointer).toBeHidden();

  // Ada's Undo takes back Ada's changes only, one at a time (her naming of the table, then the
  // table itself, with Ctrl+Z), never Bea's rename.
  await studio.button('Undo').click();
  await expect(bea.studio.table('new_table')).toBeVisible();
  await expect(bea.studio.table('invoices')).toBeHidden();
  await studio.table('new_table').getByRole('button', { name: 'Table name new_table' }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(studio.table('new_table')).toBeHidden();
  await expect(bea.studio.table('new_table')).toBeHidden();
  await expect(
    bea.studio.table('customers').getByRole('button', { name: 'Column name display_name' }),
  ).toBeVisible();
  await expect(
    studio.table('customers').getByRole('button', { name: 'Column name display_name' }),
  ).toBeVisible();
  // Bea's own history holds only her rename.
  await bea.studio.button('Undo').click();
  await expect(
    studio.table('customers').getByRole('button', { name: 'Column name full_name' }),
  ).toBeVisible();
  await expect(bea.studio.button('Undo')).toBeDisabled();

  // Cy follows with the read-only link: sees the design live, cannot change it.
  const cy = await teammate(browser, baseURL, readLink);
  await expect(cy.studio.table('customers')).toBeVisible();
  await expect(cy.studio.button('Add table')).toBeDisabled();
  await expect(cy.page.getByRole('list', { name: 'People in this room' })).toContainText(
    'read-only',
  );
  await studio.renameTable('orders', 'purchases');
  await expect(cy.studio.table('purchases')).toBeVisible();

  // Bea goes offline, keeps working, and comes back: her change merges.
  await bea.context.setOffline(true);
  await expect(
    bea.page.getByRole('status', { name: /Room status: (Offline|Reconnecting…)/ }),
  ).toBeVisible();
  await bea.studio.renameTable('products', 'items');
  await studio.renameTable('addresses', 'locations');
  await bea.context.setOffline(false);
  await expect(studio.table('items')).toBeVisible({ timeout: 30_000 });
  await expect(bea.studio.table('locations')).toBeVisible();
  await expect(cy.studio.table('items')).toBeVisible();

  // Leaving the room: the design stays, Undo is the ordinary history again.
  dialog = await openRoomDialog(page, 'Ada');
  await dialog.getByRole('button', { name: 'Leave room' }).click();
  await expect(page.getByRole('status', { name: /Room status/ })).toBeHidden();
  await expect(studio.table('items')).toBeVisible();
  await expect(studio.button('Undo')).toBeDisabled();
  await studio.renameTable('items', 'goods');
  await expect(studio.button('Undo')).toBeEnabled();
  await expect(bea.studio.table('items')).toBeVisible();

  await bea.context.close();
  await cy.context.close();
});

test('a teammate sees a table move while it is dragged, and is told who changed what', async ({
  studio,
  page,
  browser,
  baseURL,
  relay,
}) => {
  test.slow(); // two studios boot, each with its own Postgres
  await studio.expectAccepted();
  const dialog = await openRoomDialog(page, 'Ada');
  await dialog.getByRole('textbox', { name: 'Relay URL' }).fill(relay);
  await dialog.getByRole('button', { name: 'Use this relay' }).click();
  await dialog.getByRole('button', { name: 'Start a live room' }).click();
  const editLink = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const bea = await teammate(browser, baseURL, editLink);
  await expect(bea.studio.table('customers')).toBeVisible();
  // Bea has Ada's presence: the channel a drag travels on.
  await expect(
    bea.page.getByRole('list', { name: 'People in this room' }).getByRole('listitem'),
  ).toHaveCount(2);

  // Ada drags customers with the mouse; before she lets go, Bea sees it moving.
  const seenByBea = async () => (await bea.studio.table('customers').boundingBox())!.y;
  const start = await seenByBea();
  const box = (await studio.table('customers').boundingBox())!;
  await page.mouse.move(box.x + 150, box.y + 12);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 150 + i * 10, box.y + 12 + i * 25);
  await expect.poll(seenByBea).toBeGreaterThan(start + 100);
  // Still held: nothing was written to the shared design yet, only shown live.
  await page.mouse.move(box.x + 250, box.y + 300, { steps: 3 });
  await page.mouse.up();
  // The drop arrives as Ada's change, and the table stays where she let go.
  const activity = bea.page.getByRole('status', { name: 'Room activity' });
  await expect(activity).toContainText('Ada moved table customers.');
  expect(await seenByBea()).toBeGreaterThan(start + 100);

  // Ada renames a column: Bea is told, with Ada's name, and sees the table outlined.
  await studio.table('customers').getByRole('button', { name: 'Column name full_name' }).dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('display_name');
  await page.keyboard.press('Enter');
  await expect(activity).toContainText('Ada renamed column customers.full_name to display_name.');
  await expect(bea.page.getByRole('img', { name: 'Changed by Ada' })).toBeVisible();
  // Ada, the author, is not told about her own change.
  await expect(page.getByRole('status', { name: 'Room activity' })).not.toContainText('Ada');
  await bea.context.close();
});

test('a damaged room link says so and loses nothing', async ({ studio, page }) => {
  await studio.expectAccepted();
  await studio.renameTable('customers', 'my_customers');
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
  const good = await page.evaluate(() => location.origin + '/');
  await page.goto('about:blank');
  await page.goto(`${good}#room=abcdefghijklmnopqrstuv&key=short&verify=xx`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'The room invite is damaged' }),
  ).toContainText('Your own designs are unchanged');
  await expect(studio.table('my_customers')).toBeVisible();
  await expect(page.getByRole('status', { name: /Room status/ })).toBeHidden();
  expect(new URL(page.url()).hash).toBe('');
});
