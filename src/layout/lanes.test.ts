import { describe, expect, it } from 'vitest';
import { mapOnLanes } from './lanes';

/** A lane that answers after the given number of turns of the event loop. */
const after = (turns: number) =>
  new Promise<void>((resolve) => {
    const step = (n: number) => (n <= 0 ? resolve() : setTimeout(() => step(n - 1), 0));
    step(turns);
  });

describe('mapOnLanes', () => {
  it('gives results in item order though the lanes finish out of order', async () => {
    const items = [5, 1, 4, 0, 3, 2];
    const out = await mapOnLanes(['a', 'b'], items, async (_lane, turns, i) => {
      await after(turns);
      return `${i}:${turns}`;
    });
    expect(out).toEqual(items.map((t, i) => `${i}:${t}`));
  });

  it('keeps every lane busy: two lanes run two items at once, never more', async () => {
    let running = 0;
    let most = 0;
    const used = new Set<string>();
    await mapOnLanes(['a', 'b'], [3, 3, 3, 3, 3], async (lane, turns) => {
      used.add(lane);
      most = Math.max(most, ++running);
      await after(turns);
      running--;
    });
    expect(most).toBe(2);
    expect(used).toEqual(new Set(['a', 'b']));
  });

  it('rejects with the first failure and takes no more work after it', async () => {
    const started: number[] = [];
    const run = mapOnLanes([1], [0, 1, 2, 3], async (_lane, item) => {
      started.push(item);
      if (item === 1) throw new Error('ELK failed on 1');
      return item;
    });
    await expect(run).rejects.toThrow('ELK failed on 1');
    expect(started).toEqual([0, 1]);
  });

  it('answers an empty list with no work, and refuses no lanes', async () => {
    expect(await mapOnLanes([1], [], async () => 1)).toEqual([]);
    await expect(mapOnLanes([], [1], async () => 1)).rejects.toThrow('at least one lane');
  });
});
