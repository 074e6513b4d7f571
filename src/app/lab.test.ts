import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../core/model';
import type { LabAnswer, LabClient } from '../db/lab/labClient';
import { createStudioStore } from '../state/store';
import { createLab } from './lab';

/** The worker's side as the lab client reports it: sync succeeds, other calls answer `answer`. */
function clientAnswering(answer: LabAnswer<unknown>): LabClient {
  return {
    call: (async (method: string) =>
      method === 'sync'
        ? { ok: true, value: { kind: 'built', kept: false } }
        : answer) as unknown as LabClient['call'],
    cancel: () => {},
    onReset: () => () => {},
  };
}

function labWith(answer: LabAnswer<unknown>) {
  const store = createStudioStore(exampleDocument());
  return createLab({ store, client: clientAnswering(answer), knownDesignIds: async () => [] });
}

describe('lab answers', () => {
  it('tells a refusal from an interruption, with the sentence the person reads', async () => {
    const refused = await labWith({ ok: false, message: 'relation "x" does not exist' }).explain(
      'SELECT * FROM x',
    );
    expect(refused).toEqual({
      ok: false,
      error: { status: 'failed', message: 'relation "x" does not exist' },
    });
    const stopped = await labWith({
      ok: false,
      message: 'Cancelled; the playground restarted.',
      stopped: true,
    }).rows('t_orders', 10);
    expect(stopped).toEqual({
      ok: false,
      error: { status: 'interrupted', message: 'Cancelled; the playground restarted.' },
    });
  });

  it('passes an answer on as the value', async () => {
    const rows = { columns: [], rows: [], total: 0 };
    expect(await labWith({ ok: true, value: rows }).rows('t_orders', 10)).toEqual({
      ok: true,
      value: rows,
    });
  });
});
