import { test, expect } from './fixtures';

test('reloading restores the design, viewport and selection; undo and redo work', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  await studio.addTable();
  await studio.renameTable('new_table', 'reviews');
  await page.getByRole('button', { name: 'Table name customers' }).click();
  // Pan and zoom, then wait until saved.
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.reload();
  await expect(studio.table('reviews')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Inspector: customers' })).toBeVisible();
  expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(before);

  // Undo/redo: delete the new table, undo brings it back, redo removes it again.
  await page.getByRole('button', { name: 'Table name reviews' }).click();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await studio.table('reviews').locator('.tw-table-header').click();
  await page.keyboard.press('Delete');
  await expect(studio.table('reviews')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(studio.table('reviews')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(studio.table('reviews')).toHaveCount(0);
});

test('the designs list: new, rename, duplicate, delete and restore', async ({ studio, page }) => {
  await studio.newDesign();
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Designs' });
  await expect(dialog.getByRole('row')).toHaveCount(3); // header + example + new
  page.once('dialog', (d) => void d.accept('Library'));
  await dialog.getByRole('button', { name: 'Rename Untitled design' }).click();
  await expect(dialog.getByRole('cell', { name: /^Library/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Duplicate Online shop' }).click();
  await expect(dialog.getByRole('cell', { name: 'Online shop (copy)', exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete Online shop (copy)' }).click();
  await expect(dialog.getByRole('cell', { name: 'Online shop (copy)', exact: true })).toHaveCount(
    0,
  );
  await dialog.getByRole('button', { name: 'Trash' }).click();
  await dialog.getByRole('button', { name: 'Restore Online shop (copy)' }).click();
  await dialog.getByRole('button', { name: 'Back to designs' }).click();
  await dialog.getByRole('button', { name: 'Open Online shop (copy)' }).click();
  await expect(page.getByRole('button', { name: 'Design name Online shop (copy)' })).toBeVisible();
  await expect(studio.table('orders')).toBeVisible();
});
