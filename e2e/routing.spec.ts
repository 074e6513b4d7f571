import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Points along a drawn line, in page pixels (as a person would trace it on screen). */
async function traceLine(line: Locator): Promise<{ x: number; y: number }[]> {
  return line.locator('path.react-flow__edge-path').evaluate((path: SVGPathElement) => {
    const matrix = path.getScreenCTM();
    if (!matrix) return [];
    const length = path.getTotalLength();
    const points = [];
    for (let i = 0; i <= 60; i++) {
      const p = path.getPointAtLength((length * i) / 60);
      points.push({
        x: matrix.a * p.x + matrix.c * p.y + matrix.e,
        y: matrix.b * p.x + matrix.d * p.y + matrix.f,
      });
    }
    return points;
  });
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

/** The row of `column` in table `table` as drawn, and the table's box. */
async function rowOf(page: Page, table: string, column: string) {
  const node = page.getByRole('group', { name: `Table ${table}`, exact: true });
  const row = node
    .getByRole('list', { name: `Columns of ${table}` })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Column name ${column}`, exact: true }) });
  return { row: await boxOf(row), table: await boxOf(node) };
}

/** A line end sits on the row (its middle third) at the table's left or right edge. */
function expectOnRow(end: { x: number; y: number }, at: { row: Box; table: Box }) {
  expect(Math.abs(end.y - (at.row.y + at.row.height / 2))).toBeLessThan(at.row.height / 3);
  const edge = Math.min(
    Math.abs(end.x - at.table.x),
    Math.abs(end.x - (at.table.x + at.table.width)),
  );
  expect(edge).toBeLessThan(8);
}

const inside = (p: { x: number; y: number }, b: Box) =>
  p.x > b.x + 2 && p.x < b.x + b.width - 2 && p.y > b.y + 2 && p.y < b.y + b.height - 2;

test('Arrange routes the lines around tables to the exact column rows; a dragged table keeps its lines on its rows', async ({
  studio,
  page,
}) => {
  const tables = ['customers', 'addresses', 'products', 'orders', 'order_items'];
  await studio.button('Arrange').click();
  await expect(page.getByRole('status').filter({ hasText: /Arranging/ })).toHaveCount(0);
  await studio.button('Fit view').click();
  // Lines as the canvas names them: one per foreign key.
  const line = page.getByRole('group', {
    name: 'Foreign key orders_customer_id_fkey from orders to customers',
  });
  // (A level line has no height, which Playwright counts as hidden: it is drawn, see below.)
  await expect(line).toHaveCount(1);
  // Settled: the fit-view animation is over when the table stops moving.
  await expect
    .poll(async () => {
      const a = await boxOf(studio.table('orders'));
      await page.waitForTimeout(100);
      const b = await boxOf(studio.table('orders'));
      return a.x === b.x && a.y === b.y;
    })
    .toBe(true);

  const lines = page.getByRole('group', { name: /^Foreign key / });
  const count = await lines.count();
  expect(count).toBeGreaterThanOrEqual(5);
  const boxes = Object.fromEntries(
    await Promise.all(tables.map(async (t) => [t, await boxOf(studio.table(t))] as const)),
  );
  for (let i = 0; i < count; i++) {
    const name = (await lines.nth(i).getAttribute('aria-label')) ?? '';
    const [, from, to] = /from (\S+) to (\S+)$/.exec(name) ?? [];
    const trace = await traceLine(lines.nth(i));
    // Around every table it does not join: no point of the line inside another table.
    for (const t of tables) {
      if (t === from || t === to) continue;
      const through = trace.filter((p) => inside(p, boxes[t]!));
      expect(through, `${name} runs through ${t}`).toEqual([]);
    }
  }

  // Each end of orders -> customers on its column's row.
  const trace = await traceLine(line);
  expectOnRow(trace[0]!, await rowOf(page, 'orders', 'customer_id'));
  expectOnRow(trace.at(-1)!, await rowOf(page, 'customers', 'id'));

  // Dragging orders: its lines are drawn anew and still end on the rows.
  const header = studio.table('orders').locator('.tw-table-header');
  const h = await boxOf(header);
  await page.mouse.move(h.x + 40, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + 140, h.y + h.height / 2 + 60, { steps: 8 });
  await page.mouse.up();
  const moved = await traceLine(line);
  expect(moved[0]).not.toEqual(trace[0]);
  expectOnRow(moved[0]!, await rowOf(page, 'orders', 'customer_id'));
  expectOnRow(moved.at(-1)!, await rowOf(page, 'customers', 'id'));
});
