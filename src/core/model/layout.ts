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

/** Most corners a stored route may have: an orthogonal route from auto-layout has a handful. */
export const MAX_ROUTE_POINTS = 64;

/**
 * A relationship line as auto-layout routed it: canvas points from the referencing (child) column's
 * row to the referenced (parent) column's row, flattened `[x0, y0, x1, y1, ...]`, every segment
 * horizontal or vertical. It holds only while both ends still sit on those rows (see `routeFits`
 * in core/geometry): a table moved or edited makes it stale, and the canvas stops drawing it.
 */
export const routeSchema = z.object({
  // Bounded like table positions (LAYOUT_BOUNDS.position) plus room to go around the outermost.
  points: z
    .array(finite.min(-1_100_000).max(1_100_000))
    .min(4)
    .max(MAX_ROUTE_POINTS * 2)
    .refine((p) => p.length % 2 === 0, 'a route needs x and y for every point'),
});
export type Route = z.infer<typeof routeSchema>;

export const layoutSchema = z.object({
  tables: z.record(z.string(), tableLayoutSchema),
  notes: z.record(z.string(), z.object({ x: finite, y: finite })),
  viewport: viewportSchema,
  /** Routed lines by foreign key id. Optional: documents before routing (and most) have none. */
  routes: z.record(z.string(), routeSchema).optional(),
});
/** Positions, colors, collapsed state, routed lines and viewport: never read by DDL, diff or lint. */
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
