import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Types into a field as a person does: click it, select what is there, type key by key (real key
 * events, so every keyboard handler on the page sees them), then Enter when asked.
 */
export async function typeInto(
  field: Locator,
  text: string,
  options: { enter?: boolean } = {},
): Promise<void> {
  await field.click();
  await expect(field).toBeFocused();
  const page: Page = field.page();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  if (options.enter) await page.keyboard.press('Enter');
}
