import { describe, expect, it } from 'vitest';
import type { Table } from '../core/model';
import { NODE_WIDTH as CANVAS_WIDTH, nodeHeight, viewHeight } from '../ui/canvas/geometry';
import { syntheticDesign } from './testing/synthetic';
import { NODE_WIDTH, tableSize, viewSize } from './sizes';

// Layout restates the canvas's node sizes rather than importing UI code; this keeps them equal.
describe('tableSize agrees with the canvas geometry', () => {
  const { design } = syntheticDesign({ tables: 60, seed: 7 });
  const tables: Table[] = [
    ...Object.values(design.tables),
    {
      id: 't_empty',
      schemaId: 's_public',
      name: 'empty',
      columns: [],
      constraints: [],
      indexes: [],
      inherits: [],
      storageParameters: [],
    },
  ];

  it.each([false, true])('collapsed: %s', (collapsed) => {
    expect(NODE_WIDTH).toBe(CANVAS_WIDTH);
    for (const table of tables) {
      expect(tableSize(table, { x: 0, y: 0, collapsed })).toEqual({
        width: CANVAS_WIDTH,
        height: nodeHeight(table, collapsed),
      });
    }
  });

  it('uses a width set in the layout, as toFlow does', () => {
    const table = tables[0] as Table;
    expect(tableSize(table, { x: 0, y: 0, width: 400 }).width).toBe(400);
    expect(tableSize(table, undefined)).toEqual({
      width: CANVAS_WIDTH,
      height: nodeHeight(table, false),
    });
  });

  it('sizes views as the canvas draws them', () => {
    for (const columns of [0, 1, 7, 40])
      expect(viewSize(columns)).toEqual({ width: CANVAS_WIDTH, height: viewHeight(columns) });
  });
});
