import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from '../core/share';
import { exampleDocument, serializeDocument } from '../core/model';
import { openTestRepo } from '../persistence/test/helpers';
import { createNoticeStore } from '../state/notices';
import { createStudioStore } from '../state/store';
import { ok } from '../core/result';
import { createDesignSession } from './designSession';

/** The example with its first foreign key pointing at a table that is gone, as stored JSON. */
function danglingDocument() {
  const doc = JSON.parse(serializeDocument(exampleDocument()));
  const fk = doc.design.tables.t_orders.constraints.find(
    (k: { kind: string }) => k.kind === 'foreignKey',
  );
  fk.refTableId = 't_gone';
  return doc;
}

describe('a stored design with a dangling reference', () => {
  it('opens repaired, with a notice that says what was dropped', async () => {
    const repo = await openTestRepo();
    const damaged = danglingDocument();
    // Stored as a faulty build would have: the repo writes what it is given.
    await repo.create(damaged);
    const store = createStudioStore();
    const notices = createNoticeStore();
    const session = createDesignSession(store, notices, async () => ok(repo));
    await session.start();
    await session.open(damaged.design.id);

    const orders = store.getState().design.tables.t_orders;
    expect(orders?.constraints.map((k) => k.id)).not.toContain('k_orders_customer_id_fkey');
    expect(orders?.constraints.some((k) => k.kind === 'foreignKey')).toBe(true);
    const texts = notices.getState().notices.map((n) => [n.tone, n.text]);
    expect(texts).toContainEqual([
      'info',
      '“Online shop” referred to things that no longer exist; it was opened without them. ' +
        'Dropped the foreign key "orders_customer_id_fkey" of "orders": it pointed at a table or column that no longer exists.',
    ]);
    await session.flush();
  });

  it('in a share link is refused, with the reason', () => {
    const payload = encodeShare(danglingDocument());
    const opened = decodeShare(payload);
    expect(opened.ok).toBe(false);
    if (!opened.ok)
      expect(opened.error.message).toBe(
        `This link's design cannot be opened. The design is damaged: a foreign key on "orders" points at a table or column that does not exist.`,
      );
  });
});
