import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import {
  emptyDesign,
  emptyLayout,
  makeDocument,
  serializeDocument,
  type DesignDocument,
} from '../core/model';
import { readDesignText } from '../core/import/inputKind';
import { addTable, createArea } from '../core/ops';
import { err, ok } from '../core/result';
import { InProcessWorker } from '../db/rpc/inProcessWorker';
import type { LayoutProgress } from '../layout/autoLayout';
import { createLayoutClient } from '../layout/client';
import type { LayoutApi } from '../layout/protocol';
import { layoutImplementation } from '../layout/serve';
import { syntheticDesign } from '../layout/testing/synthetic';
import { createStudioStore } from '../state/store';
import { createImporter, IMPORT_CANCELLED, reportWithoutSql, type ReadSql } from './importer';

const elk = new ELK();
const { design: incoming } = syntheticDesign({ tables: 30, seed: 2 });

/** An importer over the real layout worker code (run in this thread) and the given SQL reader. */
function setup(
  readSql: ReadSql = async () => ok({ design: incoming, report: reportWithoutSql() }),
) {
  const workers: InProcessWorker<LayoutApi, LayoutProgress>[] = [];
  const layout = createLayoutClient({
    createWorker: () => workers[workers.push(new InProcessWorker(layoutImplementation(elk))) - 1]!,
  });
  const store = createStudioStore();
  const opened: DesignDocument[] = [];
  let readsCancelled = 0;
  const importer = createImporter({
    store,
    readSql,
    cancelRead: () => void readsCancelled++,
    layout,
    openDocument: async (doc) => void opened.push(doc),
  });
  return { importer, store, opened, workers, readsCancelled: () => readsCancelled };
}

describe('import cancel', () => {
  it('without a cancel, the design is laid out and opens (the oracle below can fail)', async () => {
    const { importer, opened } = setup();
    const result = await importer.importDesign(
      incoming,
      undefined,
      { mode: 'new', name: 'In' },
      () => {},
    );
    expect(result.ok).toBe(true);
    expect(opened).toHaveLength(1);
    expect(Object.keys(opened[0]!.layout.tables)).toHaveLength(30);
  });

  it('while laying out stops the layout worker, opens nothing and leaves the design as it was', async () => {
    const { importer, store, opened, workers } = setup();
    const before = store.getState().design;
    const controller = new AbortController();
    const result = await importer.importDesign(
      incoming,
      undefined,
      { mode: 'new', name: 'In', signal: controller.signal },
      // The worker's own progress: the layout is under way in it.
      (p) => {
        if (p.total !== undefined) controller.abort();
      },
    );
    expect(result).toEqual(err(IMPORT_CANCELLED));
    expect(opened).toEqual([]);
    expect(store.getState().design).toBe(before);
    // ELK cannot be interrupted: its worker was terminated.
    expect(workers[0]?.terminated).toBe(true);
  });

  it('while Postgres reads the SQL stops the reading, and its answer is the import’s', async () => {
    let answer: (r: Awaited<ReturnType<ReadSql>>) => void = () => {};
    const reading = new Promise<Awaited<ReturnType<ReadSql>>>((resolve) => (answer = resolve));
    const stopped = {
      status: 'interrupted',
      message: 'Import cancelled: the database was restarted to stop it.',
    } as const;
    const { importer, opened, readsCancelled } = setup(() => reading);
    const controller = new AbortController();
    const importing = importer.importSql(
      'CREATE TABLE t (id int);',
      { mode: 'new', name: 'In', signal: controller.signal },
      () => {},
    );
    controller.abort();
    expect(readsCancelled()).toBe(1);
    answer(err(stopped));
    expect(await importing).toEqual(err(stopped));
    expect(opened).toEqual([]);
  });

  it('that comes as the reading finishes merges nothing into the current design', async () => {
    const controller = new AbortController();
    const { importer, store, readsCancelled } = setup(async () => {
      controller.abort();
      return ok({ design: incoming, report: reportWithoutSql() });
    });
    const before = store.getState().design;
    const result = await importer.importSql(
      'CREATE TABLE t (id int);',
      { mode: 'merge', name: 'In', signal: controller.signal },
      () => {},
    );
    expect(result).toEqual(err(IMPORT_CANCELLED));
    expect(readsCancelled()).toBe(1);
    expect(store.getState().design).toBe(before);
  });
});

describe('import into the current design', () => {
  it('keeps the subject areas of a design file, on the tables as merged', async () => {
    const { importer, store } = setup();
    // The person's design: the shop example, its products in an area of theirs.
    store
      .getState()
      .dispatch((d) =>
        createArea(d, { id: 'a_taken', name: 'Mine', color: 'blue', tableIds: ['t_products'] }),
      );
    // The file: orders (the person has it, under another id) and reviews (new) in an area whose
    // id the open design uses already.
    let design = emptyDesign('Feedback', 'd_file');
    for (const [id, name] of [
      ['t_file_orders', 'orders'],
      ['t_file_reviews', 'reviews'],
    ] as const)
      design = addTable(design, {
        id,
        name,
        columns: [{ id: `c_${id}`, name: 'id', type: 'int', nullable: false }],
      });
    design = createArea(design, {
      id: 'a_taken',
      name: 'Ordering',
      color: 'amber',
      tableIds: ['t_file_orders', 't_file_reviews'],
    });
    const read = readDesignText('json', serializeDocument(makeDocument(design, emptyLayout())));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const result = await importer.importDesign(
      read.value.design,
      read.value.layout,
      { mode: 'merge', name: 'Shop' },
      () => {},
    );
    expect(result.ok).toBe(true);
    const areas = store.getState().design.areas;
    expect(areas.map((a) => a.name)).toEqual(['Mine', 'Ordering']);
    const ordering = areas[1]!;
    expect(ordering.id).not.toBe('a_taken');
    expect(ordering).toMatchObject({ color: 'amber', tableIds: ['t_orders', 't_file_reviews'] });
  });
});

describe("import of another database's dump", () => {
  const refused = {
    ...reportWithoutSql(),
    statements: 3,
    failed: [{ line: 12, text: 'DROP TABLE `x`', reason: 'syntax error', error: { message: 'x' } }],
  };
  const dialect = {
    dialect: 'mysql' as const,
    sentence: 'This looks like a MySQL dump (…). Tablewright reads PostgreSQL DDL.',
    advice: 'Convert it with pgloader…',
    command: 'pgloader mysql://user@host/dbname postgresql:///dbname',
  };

  it('opens nothing when nothing came out, and hands back the report that says why', async () => {
    const { importer, opened, store } = setup(async () =>
      ok({ design: emptyDesign(), report: { ...refused, dialect } }),
    );
    const before = store.getState().design;
    const result = await importer.importSql('x', { mode: 'new', name: 'x' }, () => {});
    expect(result).toMatchObject({
      ok: true,
      value: { summary: 'Nothing was imported: the current design is unchanged.' },
    });
    expect(result.ok && result.value.report.dialect).toEqual(dialect);
    expect(opened).toEqual([]);
    expect(store.getState().design).toBe(before);
  });

  it('proves its oracle: the same empty read without the notice opens a design as before', async () => {
    const { importer, opened } = setup(async () => ok({ design: emptyDesign(), report: refused }));
    await importer.importSql('x', { mode: 'new', name: 'x' }, () => {});
    expect(opened).toHaveLength(1);
  });
});
