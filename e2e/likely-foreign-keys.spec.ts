import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * A Rails schema that relates its tables only by `*_id` columns (gisia, GitLab-derived: 87
 * tables, 6 foreign keys) imports as a canvas of unconnected boxes. The review names the likely
 * foreign keys; Fix all declares them in one step, Postgres accepts them, and the canvas draws
 * their lines.
 */
const gisia = fileURLToPath(new URL('../fixtures/schemas/gisia.sql', import.meta.url));

/**
 * Relationship lines as drawn: near, React Flow draws each; far out (a big design at fit view)
 * the map draws them all in one bitmap (src/ui/canvas/FarMap.tsx) and says how many it drew.
 */
const drawnLines = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelectorAll('.react-flow__edge').length +
      Number(document.querySelector<HTMLElement>('.tw-far-map')?.dataset.lines ?? 0),
  );

test('gisia: the review finds its undeclared foreign keys, Fix all declares them, the canvas draws them', async ({
  studio,
  page,
}) => {
  test.setTimeout(360_000);
  await expect(studio.canvas).toBeVisible();
  const report = await studio.importFile(gisia, 180_000);
  await expect(report.getByRole('status')).toContainText('Imported 87 tables');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(studio.status).toHaveAccessibleName(
    'Postgres status: Postgres accepts this schema',
    { timeout: 180_000 },
  );
  await studio.button('Fit view').click();
  await expect.poll(() => drawnLines(page)).toBeGreaterThan(0);
  const before = await drawnLines(page);

  await page.getByRole('tab', { name: 'Review' }).click();
  const groups = page.getByRole('list', { name: 'Review findings by rule' });
  const group = groups.getByRole('button', {
    name: 'Likely foreign key without a constraint: 99 warnings',
  });
  await expect(group).toBeVisible({ timeout: 60_000 });
  if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
  // Each finding says why it matched.
  const findings = page.getByRole('list', {
    name: 'Likely foreign key without a constraint findings',
  });
  await expect(
    findings.getByRole('listitem').filter({ hasText: 'ci_build_needs.build_id' }),
  ).toContainText('build_id matches ci_builds.id (bigint)');

  await groups
    .getByRole('button', { name: 'Fix all 99 Likely foreign key without a constraint' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Fixed 99 of 99' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(group).toBeHidden();
  await expect(studio.status).toHaveAccessibleName(
    'Postgres status: Postgres accepts this schema',
    { timeout: 180_000 },
  );
  await studio.button('Fit view').click();
  await expect.poll(() => drawnLines(page), { timeout: 60_000 }).toBe(before + 99);

  // One step: one Ctrl+Z on the canvas takes every new key, and its line, away again.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Z');
  await expect.poll(() => drawnLines(page), { timeout: 60_000 }).toBe(before);
  await expect(group).toBeVisible();
});
