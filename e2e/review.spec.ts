import { test, expect } from './fixtures';
import { typeInto } from './pages/typing';

test('the review groups findings by rule; a finding is fixed in one click, a whole rule with Fix all, each undone in one step', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  // Pasted, as a person pastes a schema.
  await dialog
    .getByRole('textbox')
    .fill(
      'CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamp NOT NULL, seen_at timestamp);',
    );
  await dialog.getByRole('button', { name: 'Import SQL' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(studio.table('events')).toBeVisible();
  const typeOf = (column: string) =>
    studio.table('events').getByRole('button', { name: `Type of ${column}` });

  await page.getByRole('tab', { name: 'Review' }).click();
  // One group per rule, with its severity and count; errors would come first.
  const groups = page.getByRole('list', { name: 'Review findings by rule' });
  const timestamps = groups.getByRole('button', {
    name: 'timestamp without time zone: 2 warnings',
  });
  await expect(timestamps).toHaveAttribute('aria-expanded', 'true');
  // The group folds and opens from the keyboard.
  await timestamps.focus();
  await page.keyboard.press('Enter');
  await expect(timestamps).toHaveAttribute('aria-expanded', 'false');
  await expect(
    page.getByRole('list', { name: 'timestamp without time zone findings' }),
  ).toBeHidden();
  await page.keyboard.press('Space');
  await expect(timestamps).toHaveAttribute('aria-expanded', 'true');

  const findings = page.getByRole('list', { name: 'timestamp without time zone findings' });
  const finding = findings.getByRole('listitem').filter({ hasText: 'events.happened_at' });
  await expect(finding).toBeVisible();
  await finding.getByRole('button', { name: 'Show events.happened_at on the canvas' }).click();
  await expect(studio.inspector()).toHaveAccessibleName('Inspector: events');
  await finding
    .getByRole('button')
    .filter({ hasText: /timestamptz/ })
    .click();
  await expect(finding).toBeHidden();
  await expect(typeOf('happened_at')).toHaveText('timestamptz');
  await expect(
    groups.getByRole('button', { name: 'timestamp without time zone: 1 warning' }),
  ).toBeVisible();
  await studio.expectAccepted();
  await page.keyboard.press('Control+Z');
  await expect(typeOf('happened_at')).toHaveText('timestamp');

  // Fix all: both columns in one step, announced; one Ctrl+Z on the canvas brings both back.
  await groups.getByRole('button', { name: 'Fix all 2 timestamp without time zone' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Fixed 2 of 2' })).toBeVisible();
  await expect(typeOf('happened_at')).toHaveText('timestamptz');
  await expect(typeOf('seen_at')).toHaveText('timestamptz');
  await expect(groups.getByRole('button', { name: /^timestamp without time zone:/ })).toBeHidden();
  await studio.expectAccepted();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Z');
  await expect(typeOf('happened_at')).toHaveText('timestamp');
  await expect(typeOf('seen_at')).toHaveText('timestamp');
  await expect(timestamps).toBeVisible();
});

test('a constraint violation shows on the row, with the constraint and Postgres’s message', async ({
  studio,
  page,
}) => {
  test.slow();
  await studio.expectAccepted();
  await page.getByRole('tab', { name: 'Data' }).click();
  await typeInto(page.getByRole('spinbutton', { name: 'Rows per table' }), '50');
  await page.getByRole('button', { name: 'Generate sample data' }).click();
  await expect(page.getByRole('status', { name: 'Sample data report' })).toContainText(
    'Filled 5 tables with 250 rows',
    { timeout: 60_000 },
  );
  await page.getByRole('combobox', { name: 'Table to show' }).selectOption({ label: 'products' });
  await page.getByRole('button', { name: /^price of row 1:/ }).click();
  const cell = page.getByRole('textbox', { name: 'Edit price of row 1' });
  await typeInto(cell, '-5');
  await cell.press('Enter');
  const refusal = page.getByRole('alert', { name: 'Row 1: Postgres refused' });
  await expect(refusal).toContainText('products_price_check');
  await expect(refusal).toContainText('violates check constraint');

  // A schema change the rows break is shown with the rows, before anything is lost.
  await studio.table('products').getByRole('button', { name: 'Table name products' }).click();
  await studio.inspector().getByRole('button', { name: 'Add column' }).click();
  await page.keyboard.press('Enter');
  await studio.inspector().getByRole('checkbox', { name: 'NOT NULL new_column' }).check();
  const blocked = page.getByRole('alert', { name: 'Change refused by the sample data' });
  await expect(blocked).toContainText('50 rows of products break');
  await blocked.getByRole('button', { name: 'Undo the change' }).click();
  await expect(blocked).toBeHidden();
});

test('EXPLAIN on generated data, an index suggestion tried before and after, then kept', async ({
  studio,
  page,
}) => {
  test.slow();
  await studio.expectAccepted();
  await page.getByRole('tab', { name: 'Data' }).click();
  await typeInto(page.getByRole('spinbutton', { name: 'Rows per table' }), '2000');
  await page.getByRole('button', { name: 'Generate sample data' }).click();
  await expect(page.getByRole('status', { name: 'Sample data report' })).toContainText(
    'Filled 5 tables with 10,000 rows',
    { timeout: 90_000 },
  );

  await page.getByRole('tab', { name: 'EXPLAIN lab' }).click();
  await page.locator('.tw-query-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type("SELECT * FROM addresses WHERE city = 'city_7'");
  await page.getByRole('button', { name: 'Run EXPLAIN ANALYZE' }).click();
  await expect(page.getByRole('treeitem', { name: 'Seq Scan on addresses' })).toBeVisible({
    timeout: 30_000,
  });
  // The table the plan reads lights up on the canvas.
  await expect(studio.table('addresses')).toHaveClass(/tw-lit/);
  const advice = page.getByRole('region', { name: 'Index advice' });
  await expect(advice).toContainText('CREATE INDEX addresses_city_idx ON addresses (city)');
  await advice.getByRole('button', { name: 'Try it' }).click();
  const trial = page.getByRole('table', { name: 'Before and after the index' });
  await expect(trial).toBeVisible({ timeout: 30_000 });
  const cost = async (row: string) =>
    Number(
      await trial
        .getByRole('row', { name: new RegExp(row) })
        .getByRole('cell')
        .first()
        .textContent(),
    );
  expect(await cost('with the index')).toBeLessThan(await cost('without the index'));

  // Saved as an access pattern, with today's plan as its baseline.
  await page.getByRole('button', { name: 'Save query' }).click();
  const savedQueries = page.getByRole('region', { name: 'Saved queries' });
  await expect(savedQueries).toContainText("SELECT * FROM addresses WHERE city = 'city_7'");
  await advice.getByRole('button', { name: 'Keep (add to the design)' }).click();
  // The schema changed: saved queries run again, and this one's plan changed.
  await expect(savedQueries.getByRole('status').filter({ hasText: 'plan changed' })).toBeVisible({
    timeout: 30_000,
  });
  await studio.table('addresses').getByRole('button', { name: 'Table name addresses' }).click();
  await expect(
    studio.inspector().getByRole('listitem', { name: 'Index addresses_city_idx' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Run EXPLAIN ANALYZE' }).click();
  await expect(
    page.getByRole('treeitem', { name: /Index Scan on addresses|Bitmap Heap Scan on addresses/ }),
  ).toBeVisible({ timeout: 30_000 });
});

test('a finding’s table link shows that table on the canvas, wherever the canvas was', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  // A column the review has something to say about (varchar(n): prefer text).
  await studio.table('customers').getByRole('button', { name: 'Add column to customers' }).click();
  await page.keyboard.type('nickname');
  await page.keyboard.press('Enter');
  const type = studio.table('customers').getByRole('button', { name: 'Type of nickname' });
  await type.dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('varchar(40)');
  await page.keyboard.press('Enter');
  await expect(type).toHaveText('varchar(40)');
  // Then the person looks at products (opened from the search), far from customers.
  await page.keyboard.press('/');
  await page.keyboard.type('products');
  await page.keyboard.press('Enter');
  await expect(studio.inspector()).toHaveAccessibleName('Inspector: products');
  await expect(studio.table('customers')).not.toBeInViewport();

  await page.getByRole('tab', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Show customers.nickname on the canvas' }).click();
  await expect(studio.inspector()).toHaveAccessibleName('Inspector: customers');
  await expect(studio.table('customers')).toBeInViewport();
});
