import { describe, expect, it } from 'vitest';
import { exampleDocument, type Table } from '../model';
import {
  boxHeight,
  FOOTER_HEIGHT,
  HEADER_CENTER_Y,
  HEADER_HEIGHT,
  NODE_WIDTH,
  ROW_CELLS,
  ROW_HEIGHT,
  rowCenterY,
  showsRowDetail,
  tableSize,
  tableSizes,
  viewSize,
  visibleColumns,
} from './tableGeometry';

const { design, layout } = exampleDocument();
const table = (id: string) => design.tables[id] as Table;

describe('table geometry', () => {
  it('sizes a table as header, one row per column, footer, at the default width', () => {
    // orders: 5 columns. The literal numbers pin the drawn size (a change here moves every diagram).
    expect(tableSize(table('t_orders'), layout.tables.t_orders)).toEqual({
      width: 260,
      height: 36 + 5 * 24 + 28,
    });
    expect(boxHeight(0)).toBe(HEADER_HEIGHT + FOOTER_HEIGHT);
  });

  it('uses the width a table layout sets', () => {
    const l = { x: 0, y: 0, width: 420 };
    expect(tableSize(table('t_orders'), l)).toEqual({ width: 420, height: boxHeight(5) });
    expect(tableSize(table('t_orders'), undefined).width).toBe(NODE_WIDTH);
  });

  it('keeps only primary, foreign and unique key columns of a collapsed table, in table order', () => {
    const addresses = table('t_addresses');
    expect(visibleColumns(addresses, true).map((c) => c.id)).toEqual([
      'c_addresses_id',
      'c_addresses_customer_id',
    ]);
    expect(visibleColumns(addresses, false)).toBe(addresses.columns);
    // A unique column is an alternate key: customers keeps its id and its unique email.
    expect(visibleColumns(table('t_customers'), true).map((c) => c.id)).toEqual([
      'c_customers_id',
      'c_customers_email',
    ]);
    expect(tableSize(addresses, { x: 0, y: 0, collapsed: true }).height).toBe(boxHeight(2));
  });

  it('shrinks a collapsed table without keys to its header and footer', () => {
    const bare: Table = { ...table('t_products'), constraints: [] };
    expect(tableSize(bare, { x: 0, y: 0, collapsed: true }).height).toBe(
      HEADER_HEIGHT + FOOTER_HEIGHT,
    );
  });

  it('sizes views at the fixed width, one row per column', () => {
    expect(viewSize(0)).toEqual({ width: NODE_WIDTH, height: HEADER_HEIGHT + FOOTER_HEIGHT });
    expect(viewSize(7)).toEqual({ width: NODE_WIDTH, height: boxHeight(7) });
  });

  it('puts every row centre inside its own row and the header centre inside the header', () => {
    expect(HEADER_CENTER_Y).toBeGreaterThan(0);
    expect(HEADER_CENTER_Y).toBeLessThan(HEADER_HEIGHT);
    for (const i of [0, 1, 9]) {
      const top = HEADER_HEIGHT + i * ROW_HEIGHT;
      expect(rowCenterY(i)).toBe(top + ROW_HEIGHT / 2);
    }
    // The last row's centre is above the footer.
    expect(rowCenterY(4)).toBeLessThan(boxHeight(5) - FOOTER_HEIGHT);
  });

  it('fits the row cells inside the default width with room left for a name', () => {
    const { padLeft, padRight, gap, keyCell, nullCell, typeMax } = ROW_CELLS;
    const fixed = padLeft + keyCell + gap + gap + typeMax + gap + nullCell + padRight;
    expect(NODE_WIDTH - fixed).toBeGreaterThanOrEqual(60);
  });

  it('draws row detail from the detail zoom up, only the box below it', () => {
    expect(showsRowDetail(1)).toBe(true);
    expect(showsRowDetail(0.45)).toBe(true);
    expect(showsRowDetail(0.44)).toBe(false);
  });

  it('sizes every table of a design by id', () => {
    const collapsed = {
      ...layout,
      tables: { ...layout.tables, t_orders: { x: 0, y: 0, collapsed: true } },
    };
    const sizes = tableSizes(design, collapsed);
    expect([...sizes.keys()].sort()).toEqual(Object.keys(design.tables).sort());
    // orders collapsed: id and its two foreign key columns.
    expect(sizes.get('t_orders')).toEqual({ width: NODE_WIDTH, height: boxHeight(3) });
  });
});
