import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../core/model';
import { openDesignRepo } from './designRepo';
import { AUTO_VERSIONS_KEPT } from './versionAccess';

let clock = 1_000;
const open = async (name: string) => {
  const r = await openDesignRepo(name, { now: () => clock++ });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('versions', () => {
  it('saves, lists newest first, loads, renames and deletes', async () => {
    const repo = await open('versions-basic');
    const doc = exampleDocument();
    await repo.create(doc);
    const first = await repo.saveVersion({
      designId: doc.design.id,
      name: 'Before launch',
      auto: false,
      doc,
    });
    const second = await repo.saveVersion({
      designId: doc.design.id,
      name: 'After review',
      auto: false,
      doc,
    });
    expect(first.ok && second.ok).toBe(true);
    const list = await repo.listVersions(doc.design.id);
    expect(list.ok && list.value.map((v) => v.name)).toEqual(['After review', 'Before launch']);
    if (!first.ok) return;
    const loaded = await repo.loadVersion(first.value.id);
    expect(loaded.ok && Object.keys(loaded.value.doc.design.tables)).toHaveLength(5);
    await repo.renameVersion(first.value.id, 'v1');
    await repo.deleteVersion(second.ok ? second.value.id : '');
    const after = await repo.listVersions(doc.design.id);
    expect(after.ok && after.value.map((v) => v.name)).toEqual(['v1']);
    repo.close();
  });

  it('says why a version cannot be opened: gone, or damaged (with where)', async () => {
    const repo = await open('versions-refused');
    const doc = exampleDocument();
    await repo.create(doc);
    expect(await repo.loadVersion('x_missing')).toEqual({
      ok: false,
      error: { kind: 'notFound', message: 'This version no longer exists.' },
    });
    const broken = { ...doc, design: { ...doc.design, tables: 'none' } } as unknown as typeof doc;
    const saved = await repo.saveVersion({
      designId: doc.design.id,
      name: 'broken',
      auto: false,
      doc: broken,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await repo.loadVersion(saved.value.id)).toMatchObject({
      ok: false,
      error: {
        kind: 'damaged',
        message: expect.stringMatching(/^This version cannot be opened: /),
        path: expect.stringContaining('tables'),
      },
    });
    repo.close();
  });

  it('keeps the person’s versions and prunes old automatic ones; purging a design removes its versions', async () => {
    const repo = await open('versions-prune');
    const doc = exampleDocument();
    await repo.create(doc);
    await repo.saveVersion({ designId: doc.design.id, name: 'mine', auto: false, doc });
    for (let i = 0; i < AUTO_VERSIONS_KEPT + 5; i++)
      await repo.saveVersion({ designId: doc.design.id, name: `auto ${i}`, auto: true, doc });
    const list = await repo.listVersions(doc.design.id);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.filter((v) => v.auto)).toHaveLength(AUTO_VERSIONS_KEPT);
    expect(list.value.some((v) => v.name === 'mine')).toBe(true);
    expect(list.value.some((v) => v.name === 'auto 0')).toBe(false);
    await repo.purge(doc.design.id);
    const gone = await repo.listVersions(doc.design.id);
    expect(gone.ok && gone.value).toEqual([]);
    repo.close();
  });
});
