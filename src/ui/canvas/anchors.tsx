import { useEffect, useRef } from 'react';
import { useUpdateNodeInternals } from '@xyflow/react';
import type { Design } from '../../core/model';
import { HEADER_CENTER_Y } from '../../core/geometry/tableGeometry';
import { HEADER_ANCHOR, handleId, handleTop } from './handles';

/**
 * Edge anchors that are not connection handles. React Flow measures a node's handles from the
 * DOM once and then prefers that measurement over the node's declared `handles`: a table first
 * drawn far out (header only, no column rows) measured no handles, and every foreign key of an
 * imported design vanished. Plain anchor elements, which React Flow's measurement reads like
 * handles, keep every line attached at any zoom, at the cost of a few divs and no subscriptions.
 */
const anchorCache = new WeakMap<Design, Map<string, string>>();

/**
 * For each table, the ids of its columns that a relationship line ends at (first FK column), as
 * one string: every table node asks on every store change (drag frames too), so the answer is
 * computed once per design and compared by value.
 */
function anchorColumns(design: Design): Map<string, string> {
  const cached = anchorCache.get(design);
  if (cached) return cached;
  const sets = new Map<string, Set<string>>();
  const add = (tableId: string, columnId: string | undefined) => {
    if (!columnId) return;
    const set = sets.get(tableId) ?? new Set<string>();
    set.add(columnId);
    sets.set(tableId, set);
  };
  for (const table of Object.values(design.tables)) {
    for (const k of table.constraints) {
      if (k.kind !== 'foreignKey') continue;
      add(table.id, k.columnIds[0]);
      add(k.refTableId, k.refColumnIds[0]);
    }
  }
  const result = new Map([...sets].map(([id, set]) => [id, [...set].sort().join(' ')]));
  anchorCache.set(design, result);
  return result;
}

/** A string (so selectors compare by value): the anchored column ids of one table. */
export function anchorKeyOf(design: Design, tableId: string): string {
  return anchorColumns(design).get(tableId) ?? '';
}

function Anchor({ id, side, top }: { id: string; side: 'l' | 'r'; top: number }) {
  return (
    <div
      className={`source tw-anchor tw-anchor-${side}`}
      data-handleid={handleId(id, side)}
      data-handlepos={side === 'l' ? 'left' : 'right'}
      style={{ top }}
      aria-hidden
    />
  );
}

/** Both header anchors: where a line ends when its column is hidden (a collapsed table). */
export function HeaderAnchors() {
  const top = handleTop(HEADER_CENTER_Y);
  return (
    <>
      <Anchor id={HEADER_ANCHOR} side="l" top={top} />
      <Anchor id={HEADER_ANCHOR} side="r" top={top} />
    </>
  );
}

/**
 * React Flow re-measures a node's handles only when its size changes: when the set of handles
 * changes at the same size (zooming past the detail level, reordering columns, a new foreign key),
 * ask it to measure again; unless `measure` is false (a drawing without handles), which only notes
 * the change, so that the next drawing with handles is measured.
 */
export function useRemeasureOnChange(nodeId: string, handleSet: string, measure = true): void {
  const update = useUpdateNodeInternals();
  const first = useRef(handleSet);
  useEffect(() => {
    if (first.current === handleSet) return;
    first.current = handleSet;
    if (measure) update(nodeId);
  }, [nodeId, handleSet, measure, update]);
}
