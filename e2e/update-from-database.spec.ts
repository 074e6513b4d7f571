import { test, expect } from './fixtures';

test('Update from database adds what the dump has, keeps every table where it was, one undo step', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  const orders = studio.table('orders');
  await expect(orders).toBeVisible();
  const before = await orders.boundingBox();
  // The database as pg_dump --schema-only would give it: the design's own schema, plus what
  // was added to the database since (a table referencing orders, a column).
  const dump =
    (await studio.downloadDdl()) +
    '\nCREATE TABLE public.refunds (\n    id bigint PRIMARY KEY,\n    order_id bigint NOT NULL REFERENCES public.orders(id)\n);\n' +
    'ALTER TABLE public.customers ADD COLUMN nickname text;\n';

  await page.getByRole('button', { name: 'Update from database…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update from database' });
  await dialog.getByRole('textbox', { name: /paste pg_dump/ }).click();
  // A paste arrives as one insertion.
  await page.keyboard.insertText(dump);
  await dialog.getByRole('button', { name: 'Show changes' }).click();
  const changes = dialog.getByRole('region', { name: 'Changes from the database' });
  await expect(changes.getByRole('status')).toHaveText(
    '1 table added, 1 table changed, 0 tables removed.',
    { timeout: 120_000 },
  );
  await expect(changes.getByRole('region', { name: 'Added' })).toContainText('public.refunds');
  await expect(changes.getByRole('region', { name: 'Changed' })).toContainText(
    'public.customers: column nickname added (text)',
  );
  await changes.getByRole('button', { name: 'Update design' }).click();
  await expect(dialog).toBeHidden();

  // The new table is there, placed (beside orders, which it references).
  const refunds = studio.table('refunds');
  await expect(refunds).toBeVisible();
  const placed = await refunds.boundingBox();
  const after = await orders.boundingBox();
  // Orders did not move.
  expect(after).toEqual(before);
  expect(placed && after && Math.abs(placed.y - after.y) < 600).toBe(true);
  await studio.expectAccepted();

  // One undo step takes the whole update back.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(refunds).toHaveCount(0);
  await expect(orders).toBeVisible();
});
