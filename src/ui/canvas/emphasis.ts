import type { Design } from '../../core/model';
import { findPath, neighbourhood, type ForeignKeyPath } from '../../core/graph';
import type { FocusView, PathEnds } from '../../state/store';

/**
 * What the canvas brings forward while a person reads a big schema: focus mode's neighbourhood,
 * or a path of foreign keys. `bright` null means nothing is dimmed.
 */
export interface Emphasis {
  /** Tables drawn normally; every other node is dimmed (or left out when `hideOthers`). */
  bright: ReadonlySet<string> | null;
  hideOthers: boolean;
  /** Foreign keys drawn highlighted (those of the path). */
  pathKeys: ReadonlySet<string>;
  /** Tables drawn highlighted (those of the path). */
  pathTables: ReadonlySet<string>;
}

export const NO_EMPHASIS: Emphasis = {
  bright: null,
  hideOthers: false,
  pathKeys: new Set(),
  pathTables: new Set(),
};

/** The path between the chosen tables: undefined until both are chosen, null when none exists. */
export function chosenPath(
  design: Design,
  ends: PathEnds | null,
): ForeignKeyPath | null | undefined {
  if (!ends?.fromId || !ends.toId) return undefined;
  return findPath(design, ends.fromId, ends.toId);
}

/**
 * A found path wins over focus (the person asked for it last and its panel is open); a focus on a
 * table since deleted emphasises nothing.
 */
export function emphasisOf(
  design: Design,
  focus: FocusView | null,
  pathEnds: PathEnds | null,
): Emphasis {
  const path = chosenPath(design, pathEnds);
  if (path) {
    const tables = new Set(path.tableIds);
    return {
      bright: tables,
      hideOthers: false,
      pathKeys: new Set(path.foreignKeyIds),
      pathTables: tables,
    };
  }
  if (focus && design.tables[focus.tableId])
    return {
      ...NO_EMPHASIS,
      bright: new Set(neighbourhood(design, focus.tableId, focus.hops).keys()),
      hideOthers: focus.hideOthers,
    };
  return NO_EMPHASIS;
}
