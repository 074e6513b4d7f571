/** An edge of the fill order: `child` has a foreign key to `parent`. */
export interface FkEdge {
  id: string;
  child: string;
  parent: string;
  /** Every column of the foreign key accepts NULL, so the edge can be left out by filling NULL. */
  nullable: boolean;
}

/** Tables in fill order, and the foreign keys that cannot be followed (filled with NULL or skipped). */
export interface FillOrder {
  order: string[];
  /** Edges inside a cycle or to the table itself: their parent's rows are not there yet. */
  broken: Set<string>;
}

/**
 * Parents before children (Kahn's algorithm). When only cycles are left, the table whose
 * waiting edges are all nullable goes first and those edges are broken: its rows get NULL there.
 * Failing that, the table with the fewest waiting edges goes first, and its NOT NULL edges are
 * broken too, which the plan reports as a skip.
 */
export function fillOrder(tables: readonly string[], edges: readonly FkEdge[]): FillOrder {
  const inPlan = new Set(tables);
  const waiting = new Map<string, FkEdge[]>(tables.map((t) => [t, []]));
  const broken = new Set<string>();
  for (const e of edges) {
    if (!inPlan.has(e.child)) continue;
    if (e.child === e.parent) broken.add(e.id);
    else if (inPlan.has(e.parent)) waiting.get(e.child)?.push(e);
  }
  const done = new Set<string>();
  const order: string[] = [];
  const remaining = [...tables];
  while (remaining.length > 0) {
    const ready = remaining.filter((t) =>
      waiting.get(t)?.every((e) => done.has(e.parent) || broken.has(e.id)),
    );
    let next = ready;
    if (next.length === 0) {
      const open = (t: string) =>
        (waiting.get(t) ?? []).filter((e) => !done.has(e.parent) && !broken.has(e.id));
      const choice =
        remaining.find((t) => open(t).every((e) => e.nullable)) ??
        [...remaining].sort((a, b) => open(a).length - open(b).length)[0];
      if (choice === undefined) break;
      for (const e of open(choice)) broken.add(e.id);
      next = [choice];
    }
    for (const t of next) {
      done.add(t);
      order.push(t);
      remaining.splice(remaining.indexOf(t), 1);
    }
  }
  return { order, broken };
}
