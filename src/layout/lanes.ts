/**
 * `task` over every item, each lane (an ELK instance in its own worker, say) taking the next item
 * as soon as it is free, so two lanes on two cores finish in about half the time. Results come
 * back in item order, whatever order they finished in. The first failure stops the lanes from
 * taking more work and rejects with it.
 */
export async function mapOnLanes<L, T, R>(
  lanes: readonly L[],
  items: readonly T[],
  task: (lane: L, item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (lanes.length === 0) throw new Error('mapOnLanes needs at least one lane.');
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const run = async (lane: L) => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(lane, items[index] as T, index);
      } catch (thrown) {
        failed = true;
        throw thrown;
      }
    }
  };
  await Promise.all(lanes.map(run));
  return results;
}
