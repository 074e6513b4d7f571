import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Review discussion as a person has it: a question started from a table's menu, a badge on the
 * table, a reply from the Discussion panel, resolved (the badge goes), kept after a reload, and
 * in the Markdown data dictionary. Not the SQL comments (`Table comment` in the inspector).
 */

async function read(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const badge = (page: Page, n: number) =>
  page.getByRole('status', {
    name: `${n} open ${n === 1 ? 'discussion' : 'discussions'} on customers`,
  });

test('a discussion on a table: started, replied to, resolved, kept, exported', async ({
  studio,
  page,
}) => {
  await studio.expectAccepted();
  await studio.table('customers').click({ button: 'right' });
  await page
    .getByRole('menu', { name: 'Table customers' })
    .getByRole('menuitem', { name: 'Start a discussion' })
    .click();

  // The first message: the panel asks for a name once (a default is there), the text goes in.
  const first = page.getByRole('textbox', {
    name: 'First message of the discussion on customers',
  });
  await expect(first).toBeFocused();
  const name = page.getByRole('textbox', { name: 'Your name' });
  await name.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Ada');
  await first.click();
  await page.keyboard.type('Should this be called clients?');
  await page.keyboard.press('Enter');

  const thread = page.getByRole('article', { name: 'Discussion on customers' });
  await expect(thread.getByRole('listitem')).toHaveCount(1);
  await expect(thread).toContainText('Should this be called clients?');
  await expect(thread).toContainText('Ada');
  await expect(badge(page, 1)).toBeVisible();
  await expect(page.getByText('Writing as Ada')).toBeVisible();

  // A reply from the panel; Shift+Enter makes a second line, Enter sends.
  await thread.getByRole('textbox', { name: 'Reply to the discussion on customers' }).click();
  await page.keyboard.type('No: customers is the word');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('the business uses.');
  await page.keyboard.press('Enter');
  await expect(thread.getByRole('listitem')).toHaveCount(2);
  await expect(thread.getByRole('listitem').nth(1)).toContainText(
    'No: customers is the word\nthe business uses.',
  );

  // Resolved: the badge goes, the thread stays among the resolved ones.
  await thread.getByRole('button', { name: 'Resolve the discussion on customers' }).click();
  await expect(badge(page, 1)).toHaveCount(0);
  await expect(
    page.getByRole('list', { name: 'Resolved discussions' }).getByRole('article'),
  ).toHaveCount(1);

  // The target button shows the table: it becomes the inspector's table.
  await thread.getByRole('button', { name: 'Show customers on the canvas' }).click();
  await expect(page.getByRole('region', { name: 'Inspector: customers' })).toBeVisible();

  // Kept with the design.
  await expect(studio.saveStatus).toHaveAccessibleName('Save status: Saved');
  await page.reload();
  await page.getByRole('tab', { name: 'Discussion' }).click();
  const kept = page.getByRole('article', { name: 'Discussion on customers' });
  await expect(kept).toContainText('Should this be called clients?');
  await expect(kept).toContainText('Resolved');
  await expect(badge(page, 1)).toHaveCount(0);

  // Reopened, the badge is back.
  await kept.getByRole('button', { name: 'Reopen the discussion on customers' }).click();
  await expect(badge(page, 1)).toBeVisible();

  // In the Markdown data dictionary, under the table.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Data dictionary (Markdown)' }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download Data dictionary (Markdown)' }).click(),
  ]);
  const md = await read(download);
  expect(md).toMatch(
    /## customers[\s\S]*\*\*Discussion\*\*\n\n- On the table — \*\*open\*\*\n {2}- \*\*Ada\*\* \([^)]+\): Should this be called clients\?\n {2}- \*\*Ada\*\* \([^)]+\): No: customers is the word<br>the business uses\./,
  );
});

test('a discussion on a column, started from the inspector', async ({ studio, page }) => {
  await studio.expectAccepted();
  await studio.table('customers').click();
  await page.getByRole('button', { name: 'Start a discussion on column email' }).click();
  const first = page.getByRole('textbox', {
    name: 'First message of the discussion on customers.email',
  });
  await expect(first).toBeFocused();
  await page.keyboard.type('Unique per tenant?');
  await page.keyboard.press('ControlOrMeta+Enter');
  const thread = page.getByRole('article', { name: 'Discussion on customers.email' });
  await expect(thread).toContainText('Unique per tenant?');
  await expect(badge(page, 1)).toBeVisible();
  // Deleting the column takes its discussion with it.
  await page.getByRole('button', { name: 'Delete column email' }).click();
  await expect(thread).toHaveCount(0);
  await expect(badge(page, 1)).toHaveCount(0);
});
