import { test, expect } from './fixtures';
import { StudioPage } from './pages/StudioPage';

test('two tabs on one design never silently overwrite each other', async ({
  studio,
  page,
  context,
}) => {
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
  const other = new StudioPage(await context.newPage());
  await other.open();
  await expect(other.table('orders')).toBeVisible();

  // An idle tab follows the other tab's saved work.
  await studio.addTable();
  await studio.renameTable('new_table', 'from_tab_one');
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
  await expect(other.table('from_tab_one')).toBeVisible();

  // Both edit within the same second: the later writer is told, and keeps its work as a copy.
  await other.page.getByRole('button', { name: 'Table name from_tab_one' }).dblclick();
  await page.getByRole('button', { name: 'Table name from_tab_one' }).dblclick();
  const inTwo = other.page.getByRole('textbox', { name: 'Table name from_tab_one' });
  const inOne = page.getByRole('textbox', { name: 'Table name from_tab_one' });
  await inTwo.pressSequentially('mine_in_two');
  await inOne.pressSequentially('mine_in_one');
  await Promise.all([inTwo.press('Enter'), inOne.press('Enter')]);
  const banner = other.page.getByRole('alert').filter({ hasText: /another tab/i });
  const bannerOne = page.getByRole('alert').filter({ hasText: /another tab/i });
  // Exactly one of the two tabs saved first; the other must not overwrite it.
  await expect
    .poll(async () => (await banner.isVisible()) || (await bannerOne.isVisible()), {
      timeout: 20_000,
    })
    .toBe(true);
  const loser = (await banner.isVisible()) ? other.page : page;
  const winnerName = loser === page ? 'mine_in_two' : 'mine_in_one';
  await expect((loser === page ? other : studio).table(winnerName)).toBeVisible();
  await loser.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(
    loser.getByRole('button', { name: /Design name Online shop \(copy\)/ }),
  ).toBeVisible();
  await expect(new StudioPage(loser).saveStatus).toHaveAccessibleName('Save status: Saved');
  await loser.getByRole('button', { name: 'Designs', exact: true }).click();
  await expect(loser.getByRole('dialog', { name: 'Designs' }).getByRole('row')).toHaveCount(3);
});
