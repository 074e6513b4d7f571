import { expect } from './fixtures';
import { StudioPage } from './pages/StudioPage';
import { typeInto } from './pages/typing';
import { openRoomDialog, test } from './relayFixture';

test('a named version saved in a room is shared: the teammate sees it, opens it, compares, restores it for both', async ({
  studio,
  page,
  browser,
  baseURL,
  relay,
}) => {
  test.slow(); // two studios boot, each with its own Postgres
  await studio.expectAccepted();

  // Ada starts a room on the team's relay.
  const dialog = await openRoomDialog(page, 'Ada');
  await dialog.getByRole('textbox', { name: 'Relay URL' }).fill(relay);
  await dialog.getByRole('button', { name: 'Use this relay' }).click();
  await dialog.getByRole('button', { name: 'Start a live room' }).click();
  const editLink = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const readLink = await dialog.getByRole('textbox', { name: 'Read-only link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status', { name: 'Room status: Live' })).toBeVisible();

  // She saves a named version: it is the room's, and the panel says so.
  await page.getByRole('tab', { name: 'Versions' }).click();
  await expect(page.getByRole('note')).toContainText('shared with everyone here');
  await typeInto(page.getByRole('textbox', { name: 'Version name' }), 'Before the rename');
  await page.getByRole('button', { name: 'Save for the room' }).click();
  const adaVersions = page.getByRole('list', { name: 'Versions' });
  await expect(adaVersions.getByRole('listitem')).toContainText(['Before the rename']);
  await expect(adaVersions).toContainText('saved by Ada');
  await studio.renameTable('customers', 'clients');

  // Bea opens the edit link in her own browser: the version is there, with who saved it.
  const context = await browser.newContext({ baseURL });
  const beaPage = await context.newPage();
  await beaPage.goto(editLink);
  const bea = new StudioPage(beaPage);
  await expect(beaPage.getByRole('status', { name: 'Room status: Live' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(bea.table('clients')).toBeVisible();
  await beaPage.getByRole('tab', { name: 'Versions' }).click();
  const beaVersions = beaPage.getByRole('list', { name: 'Versions' });
  const shared = beaVersions.getByRole('listitem').filter({ hasText: 'Before the rename' });
  await expect(shared).toContainText('shared');
  await expect(shared).toContainText('saved by Ada');

  // She compares it with the design now: the rename is the change.
  await beaPage.getByRole('button', { name: 'Compare Before the rename with now' }).click();
  const comparison = beaPage.getByRole('region', { name: 'Comparison' });
  await expect(comparison.getByRole('region', { name: 'Changes' })).toContainText('clients');
  await beaPage.getByRole('button', { name: 'Back to editing' }).click();
  await expect(comparison).toBeHidden();

  // She opens it read-only: the old name on her screen only.
  await beaPage.getByRole('tab', { name: 'Versions' }).click();
  await beaPage.getByRole('button', { name: 'Open Before the rename' }).click();
  await expect(bea.table('customers')).toBeVisible();
  await expect(studio.table('clients')).toBeVisible();

  // She restores it: a shared edit, Ada sees it.
  await beaPage.getByRole('tab', { name: 'Versions' }).click();
  await beaPage.getByRole('button', { name: 'Restore Before the rename' }).click();
  await expect(bea.table('customers')).toBeVisible();
  await expect(studio.table('customers')).toBeVisible();
  await expect(studio.table('clients')).toBeHidden();
  // The automatic version kept before restoring is Bea's own; Ada's list has only the room's.
  const kept = beaVersions.getByRole('listitem').filter({ hasText: 'Before restoring' });
  await expect(kept).toContainText('auto');
  await expect(kept).not.toContainText('shared');
  await expect(adaVersions.getByRole('listitem')).toHaveCount(1);

  // Her Undo takes back her restore, for both.
  await beaPage.keyboard.press('Escape');
  await bea.button('Undo').click();
  await expect(studio.table('clients')).toBeVisible();
  await expect(bea.table('clients')).toBeVisible();

  // Cy follows with the read-only link: he sees and opens the room's version, and is told he
  // cannot save or restore one (no such buttons).
  const cyContext = await browser.newContext({ baseURL });
  const cyPage = await cyContext.newPage();
  await cyPage.goto(readLink);
  const cy = new StudioPage(cyPage);
  await expect(cyPage.getByRole('status', { name: 'Room status: Live' })).toBeVisible({
    timeout: 60_000,
  });
  await cyPage.getByRole('tab', { name: 'Versions' }).click();
  await expect(cyPage.getByRole('note')).toContainText('This invite is read-only');
  await expect(cyPage.getByRole('button', { name: 'Save for the room' })).toBeDisabled();
  await expect(cyPage.getByRole('button', { name: 'Restore Before the rename' })).toHaveCount(0);
  await cyPage.getByRole('button', { name: 'Open Before the rename' }).click();
  await expect(cy.table('customers')).toBeVisible();
  await expect(studio.table('clients')).toBeVisible();

  await cyContext.close();
  await context.close();
});
