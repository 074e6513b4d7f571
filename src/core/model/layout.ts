import { z } from 'zod';

const finite = z.number().finite();

export const tableLayoutSchema = z.object({
  x: finite,
  y: finite,
  /** A color key from the palette (see `TABLE_COLORS`), not a CSS value, so themes can map it. */
  color: z.string().max(32).optional(),
  collapsed: z.boolean().optional(),
  width: finite.positive().optional(),
});
/** Where and how a table is drawn. */
export type TableLayout = z.infer<typeof tableLayoutSchema>;

export const viewportSchema = z.object({ x: finite, y: finite, zoom: finite.positive() });
export type Viewport = z.infer<typeof viewportSchema>;

export const layoutSchema = z.object({
  tables: z.record(z.string(), tableLayoutSchema),
  notes: z.record(z.string(), z.object({ x: finite, y: finite })),
  viewport: viewportSchema,
});
/** Positions, colors, collapsed state and viewport: never read by DDL, diff or lint. */
export type Layout = z.infer<typeof layoutSchema>;

export const TABLE_COLORS = [
  'slate',
  'blue',
  'green',
  'amber',
  'red',
  'violet',
  'pink',
  'teal',
] as const;
export type TableColor = (typeof TABLE_COLORS)[number];

export function emptyLayout(): Layout {
  return { tables: {}, notes: {}, viewport: { x: 0, y: 0, zoom: 1 } };
}
