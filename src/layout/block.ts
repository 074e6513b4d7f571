import type { Size } from './rect';

/** A table placed inside a block, relative to the block's top-left corner. */
export interface Placed {
  id: string;
  x: number;
  y: number;
}

/** A laid-out group of tables, moved as one piece by the packer. */
export interface Block extends Size {
  items: Placed[];
}

/** Shift items so the block starts at (0, 0) and record its extent. */
export function normalize(items: readonly Placed[], sizes: ReadonlyMap<string, Size>): Block {
  if (items.length === 0) return { width: 0, height: 0, items: [] };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of items) {
    const s = sizes.get(p.id) ?? { width: 0, height: 0 };
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + s.width);
    maxY = Math.max(maxY, p.y + s.height);
  }
  return {
    width: maxX - minX,
    height: maxY - minY,
    items: items.map((p) => ({ id: p.id, x: p.x - minX, y: p.y - minY })),
  };
}

/** Grow a block by padding (room for a schema's title and border). */
export function pad(
  block: Block,
  p: { top: number; right: number; bottom: number; left: number },
): Block {
  return {
    width: block.width + p.left + p.right,
    height: block.height + p.top + p.bottom,
    items: block.items.map((i) => ({ id: i.id, x: i.x + p.left, y: i.y + p.top })),
  };
}

/**
 * Tables with no relations, as a masonry grid (each table drops into the shortest column) with
 * about `aspect` width:height: a long row of loose tables would be the widest thing on the canvas.
 */
export function gridBlock(
  ids: readonly string[],
  sizes: ReadonlyMap<string, Size>,
  gap: number,
  aspect: number,
): Block {
  if (ids.length === 0) return { width: 0, height: 0, items: [] };
  const size = (id: string) => sizes.get(id) ?? { width: 0, height: 0 };
  const columnWidth = Math.max(...ids.map((id) => size(id).width)) + gap;
  const stacked = ids.reduce((sum, id) => sum + size(id).height + gap, 0);
  const columns = Math.max(
    1,
    Math.min(ids.length, Math.round(Math.sqrt((aspect * stacked) / columnWidth))),
  );
  const heights = Array.from({ length: columns }, () => 0);
  const items: Placed[] = [];
  for (const id of ids) {
    let col = 0;
    for (let c = 1; c < columns; c++)
      if ((heights[c] as number) < (heights[col] as number)) col = c;
    items.push({ id, x: col * columnWidth, y: heights[col] as number });
    heights[col] = (heights[col] as number) + size(id).height + gap;
  }
  return normalize(items, sizes);
}
