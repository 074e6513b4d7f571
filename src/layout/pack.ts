import type { Block, Placed } from './block';
import { findFreeSpot, RectIndex } from './freeSpot';
import type { Point } from './rect';

/** How strongly two blocks (by index) are related: the foreign keys between them. */
export interface BlockLink {
  a: number;
  b: number;
  weight: number;
}

export interface PackOptions {
  gap: number;
  /** Preferred width:height of the packed result. */
  aspect: number;
}

/**
 * Pack blocks without overlap, each next to the blocks it is linked to: the most connected block
 * first, then repeatedly the unplaced block with the most links to placed ones, at the free spot
 * nearest the weighted centre of its placed neighbours (unlinked blocks: nearest the middle of
 * what is there). Penalising vertical distance by `aspect` grows the whole towards screen shape.
 */
export function packBlocks(
  blocks: readonly Block[],
  links: readonly BlockLink[],
  options: PackOptions,
): Block {
  const n = blocks.length;
  const weights: Map<number, number>[] = blocks.map(() => new Map());
  for (const { a, b, weight } of links) {
    if (a === b) continue;
    weights[a]?.set(b, (weights[a]?.get(b) ?? 0) + weight);
    weights[b]?.set(a, (weights[b]?.get(a) ?? 0) + weight);
  }
  const area = (i: number) => (blocks[i]?.width ?? 0) * (blocks[i]?.height ?? 0);
  const placedAt: (Point | undefined)[] = blocks.map(() => undefined);
  const toPlaced = new Float64Array(n);
  const index = new RectIndex(1024);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;

  for (let round = 0; round < n; round++) {
    let next = -1;
    for (let i = 0; i < n; i++) {
      if (placedAt[i]) continue;
      const better =
        next < 0 ||
        (toPlaced[i] as number) > (toPlaced[next] as number) ||
        ((toPlaced[i] as number) === (toPlaced[next] as number) && area(i) > area(next));
      if (better) next = i;
    }
    const block = blocks[next] as Block;
    let target: Point = { x: 0, y: 0 };
    if (round > 0) {
      let sx = 0;
      let sy = 0;
      let sw = 0;
      for (const [j, w] of weights[next] ?? []) {
        const at = placedAt[j];
        if (!at) continue;
        const other = blocks[j] as Block;
        sx += (at.x + other.width / 2) * w;
        sy += (at.y + other.height / 2) * w;
        sw += w;
      }
      const c =
        sw > 0 ? { x: sx / sw, y: sy / sw } : { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
      target = { x: c.x - block.width / 2, y: c.y - block.height / 2 };
    }
    const at =
      round === 0
        ? target
        : findFreeSpot(block, target, index, { gap: options.gap, yWeight: options.aspect });
    placedAt[next] = at;
    index.add({ x: at.x, y: at.y, width: block.width, height: block.height });
    minX = Math.min(minX, at.x);
    minY = Math.min(minY, at.y);
    maxX = Math.max(maxX, at.x + block.width);
    maxY = Math.max(maxY, at.y + block.height);
    for (const [j, w] of weights[next] ?? []) toPlaced[j] = (toPlaced[j] as number) + w;
  }

  if (n === 0) return { width: 0, height: 0, items: [] };
  const items: Placed[] = [];
  blocks.forEach((block, i) => {
    const at = placedAt[i] as Point;
    for (const item of block.items)
      items.push({ id: item.id, x: at.x + item.x - minX, y: at.y + item.y - minY });
  });
  return { width: maxX - minX, height: maxY - minY, items };
}
