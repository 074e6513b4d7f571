import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const editor = (page: Page) => page.locator('[data-testid="ddl-editor"]');
const shortcutsDialog = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

test('? on the canvas lists the keyboard shortcuts; Escape closes it; so does the toolbar button', async ({
  studio,
  page,
}) => {
  const dialog = shortcutsDialog(page);
  await expect(studio.canvas).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 60, y: 60 } });
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();

  // The entries a person looks for, in their groups, with this platform's keys (Linux: Ctrl).
  const design = dialog.getByRole('table', { name: 'Design' });
  await expect(design.getByRole('row', { name: /Add a table and name it/ })).toContainText('T');
  await expect(design.getByRole('row', { name: /Delete the selected tables/ })).toContainText(
    'editors only, tables selected',
  );
  const everywhere = dialog.getByRole('table', { name: 'Everywhere' });
  await expect(everywhere.getByRole('row', { name: /^Ctrl\s*\+\s*Z\s*Undo/ })).toBeVisible();
  await expect(everywhere.getByRole('row', { name: /Redo/ })).toContainText(
    'Ctrl+Shift+Z or Ctrl+Y',
  );
  await expect(everywhere.getByRole('row', { name: /Search tables/ })).toContainText('/');
  await expect(
    dialog.getByRole('table', { name: 'Reading' }).getByRole('row', { name: /Find the chain/ }),
  ).toContainText('P');
  await expect(
    dialog.getByRole('table', { name: 'Canvas' }).getByRole('row', { name: /Move the selected/ }),
  ).toContainText('a table has focus');

  // Inside the dialog the studio's shortcuts rest: T adds no table behind it.
  const tables = await page.locator('.tw-table').count();
  await page.keyboard.press('t');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.tw-table')).toHaveCount(tables);

  // The toolbar button opens it too; Close gives the keyboard back to the button.
  const button = page.getByRole('button', { name: 'Keyboard shortcuts', exact: true });
  await expect(button).toHaveAttribute('aria-keyshortcuts', '?');
  await button.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  // From a focused button, ? still opens it (no control claims it), and Escape hands focus back.
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('? typed into the search box or the DDL editor is a question mark, not the shortcuts', async ({
  studio,
  page,
}) => {
  const search = page.getByRole('combobox', { name: 'Search tables' });
  await search.click();
  await page.keyboard.type('id?');
  await expect(search).toHaveValue('id?');
  await expect(shortcutsDialog(page)).toHaveCount(0);
  await page.keyboard.press('Escape');

  await studio.expectAccepted();
  await editor(page).click({ position: { x: 200, y: 20 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('-- why?');
  await expect(editor(page).locator('.view-line').filter({ hasText: '-- why?' })).toBeVisible();
  await expect(shortcutsDialog(page)).toHaveCount(0);
});
