import { test, expect } from './fixtures';
import { typeInto } from './pages/typing';

test('save a version, rename a column and add an index, compare: colored canvas and a verified migration', async ({
  studio,
  page,
}) => {
  test.slow();
  await studio.expectAccepted();
  await page.getByRole('tab', { name: 'Versions' }).click();
  await typeInto(page.getByRole('textbox', { name: 'Version name' }), 'Before launch');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(
    page.getByRole('list', { name: 'Versions' }).getByText('Before launch'),
  ).toBeVisible();

  // Rename customers.full_name inline on the canvas.
  const customers = studio.table('customers');
  await customers.getByRole('button', { name: 'Column name full_name' }).dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('display_name');
  await page.keyboard.press('Enter');
  // Add an index on orders.created_at in the inspector.
  await studio.table('orders').getByRole('button', { name: 'Table name orders' }).click();
  const inspector = studio.inspector();
  await inspector
    .getByRole('combobox', { name: 'Index column' })
    .selectOption({ label: 'created_at' });
  await inspector.getByRole('button', { name: 'Add index' }).click();
  await studio.expectAccepted();

  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('button', { name: 'Compare Before launch with now' }).click();
  const comparison = page.getByRole('region', { name: 'Comparison' });
  await expect(comparison.getByRole('region', { name: 'Changes' })).toContainText(
    'column customers.full_name renamed to display_name',
  );
  await expect(comparison.getByRole('region', { name: 'Changes' })).toContainText(
    'orders_created_at_idx',
  );
  // The canvas: both tables marked changed, the renamed column highlighted.
  await expect(page.getByRole('group', { name: 'Table customers' })).toHaveAttribute(
    'aria-description',
    'changed in this comparison',
  );
  await expect(page.getByRole('group', { name: 'Table orders' })).toHaveAttribute(
    'aria-description',
    'changed in this comparison',
  );
  await expect(page.getByRole('group', { name: 'Table products' })).not.toHaveAttribute(
    'aria-description',
    /.+/,
  );
  // The migration: a rename (not drop + add), the index built concurrently outside a transaction.
  const steps = comparison.getByRole('list', { name: 'Up migration steps' });
  await expect(steps).toContainText(
    'ALTER TABLE customers RENAME COLUMN full_name TO display_name;',
  );
  await expect(steps).toContainText('CREATE INDEX CONCURRENTLY orders_created_at_idx');
  await expect(steps).toContainText('outside a transaction');
  await expect(steps).not.toContainText('DROP COLUMN');
  await expect(comparison.getByRole('status', { name: 'Verification' })).toContainText(
    'Verified by Postgres',
    { timeout: 60_000 },
  );

  // Simple mode: plain statements, verified again.
  await comparison.getByRole('radio', { name: 'Simple' }).check();
  await expect(steps).toContainText('CREATE INDEX orders_created_at_idx');
  await expect(comparison.getByRole('status', { name: 'Verification' })).toContainText(
    'Verified by Postgres',
    { timeout: 60_000 },
  );

  // Back to editing: the design is as it was before comparing.
  await page.getByRole('button', { name: 'Back to editing' }).click();
  await expect(comparison).toBeHidden();
  await expect(
    studio.table('customers').getByRole('button', { name: 'Column name display_name' }),
  ).toBeVisible();
  await expect(studio.button('Add table')).toBeEnabled();
});
