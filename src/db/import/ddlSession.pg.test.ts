import type { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../../core/model';
import { generateDdl } from '../../core/sql/generateDdl';
import { snapshotFactory, type CreateDb } from '../../test/fidelity';
import { buildDesign, designRecipe } from '../../test/migrationArbitraries';
import { propertyParameters } from '../../test/propertySeed';
import type { ImportSqlOutcome } from '../protocol';
import { designFromRead, type ReadMemo } from '../../core/ops/designFromRead';
import { createDdlReader, type DdlReader } from './ddlSession';
import { importSql } from './importSql';

/**
 * The DDL pane's incremental read against the full read of the same text, both through the code
 * the worker runs (real PGlite in Node). The reader keeps its scratch database from step to step
 * as the worker does; the reference reads every text in a fresh database.
 */

let createDb: CreateDb;
const opened: PGlite[] = [];
beforeAll(async () => {
  const factory = await snapshotFactory();
  createDb = async (extensions) => {
    const db = await factory(extensions);
    opened.push(db);
    return db;
  };
}, 120_000);
afterAll(async () => {
  await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
});

const options = { designId: 'd_test', designName: 'Test' };
const fullRead = (sql: string) => importSql(sql, options, { createScratch: createDb });
const newReader = () => createDdlReader({ createScratch: createDb });

/** What the DDL pane takes from a read: the design, or every error with its place. */
function outcomeOf(r: ImportSqlOutcome) {
  if (!r.ok) return { ok: false, message: r.error.message };
  const { design, report } = r;
  return { ok: true, design, failed: report.failed, statements: report.statements };
}

const modeOf = (r: ImportSqlOutcome) => (r.ok ? r.report.ddlRead : undefined);

async function readBoth(reader: DdlReader, sql: string) {
  const incremental = await reader.read(sql, options);
  const full = await fullRead(sql);
  expect(outcomeOf(incremental), sql).toEqual(outcomeOf(full));
  return incremental;
}

/** A text edit a person might make, as numbers (fast-check shrinks them). */
const n = fc.nat(40);
const editRecipe = fc.oneof(
  fc.record({ kind: fc.constant('renameColumn' as const), s: n, c: n }),
  fc.record({ kind: fc.constant('addColumn' as const), s: n, type: n }),
  fc.record({ kind: fc.constant('dropColumn' as const), s: n, c: n }),
  fc.record({ kind: fc.constant('retype' as const), s: n, c: n, type: n }),
  fc.record({ kind: fc.constant('dropStatement' as const), s: n }),
  fc.record({ kind: fc.constant('addTable' as const), at: n }),
  fc.record({ kind: fc.constant('addForeignKey' as const), s: n, to: n }),
  fc.record({ kind: fc.constant('addIndex' as const), s: n, c: n }),
  fc.record({ kind: fc.constant('comment' as const), s: n }),
  fc.record({ kind: fc.constant('reorder' as const), s: n }),
  fc.record({ kind: fc.constant('breakThenFix' as const), s: n, c: n }),
);
type Edit = typeof editRecipe extends fc.Arbitrary<infer E> ? E : never;

const TYPES = ['integer', 'bigint', 'text', 'varchar(12)', 'numeric(8,2)', 'boolean', 'mood'];
const COLUMN = /^ {2}("[^"]+"|[a-z_][a-z0-9_]*)(\s+)(\S+(?:\([0-9,]+\))?)(.*)$/;
const NOT_COLUMN = /^ {2}(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE)\b/;

const pick = <T>(xs: readonly T[], i: number): T | undefined =>
  xs.length ? xs[i % xs.length] : undefined;
const tableName = (s: string) => /^CREATE TABLE (\S+) \(/.exec(s)?.[1];

/** The edit applied to the statements (each ends with `;`), or the statements unchanged. */
function applyEdit(statements: string[], edit: Edit, k: number): string[][] {
  const out = [...statements];
  const tables = out.flatMap((s, i) => (tableName(s) ? [i] : []));
  const at = pick(tables, 's' in edit ? edit.s : 0);
  const lines = at === undefined ? [] : (out[at] as string).split('\n');
  const columns = lines.flatMap((l, i) => (COLUMN.test(l) && !NOT_COLUMN.test(l) ? [i] : []));
  const setLine = (i: number, line: string | undefined) => {
    if (line === undefined) lines.splice(i, 1);
    else lines[i] = line;
    out[at as number] = lines.join('\n');
  };
  const column = 'c' in edit ? pick(columns, edit.c) : undefined;
  switch (edit.kind) {
    case 'renameColumn':
      if (column !== undefined) setLine(column, lines[column]?.replace(COLUMN, '  $1_r$2$3$4'));
      break;
    case 'addColumn':
      if (at !== undefined) {
        lines.splice(1, 0, `  added_${k} ${pick(TYPES, edit.type) as string},`);
        out[at] = lines.join('\n');
      }
      break;
    case 'dropColumn':
      if (column !== undefined && lines[column]?.endsWith(',')) setLine(column, undefined);
      break;
    case 'retype':
      if (column !== undefined)
        setLine(column, lines[column]?.replace(COLUMN, `  $1$2${pick(TYPES, edit.type)}$4`));
      break;
    case 'dropStatement':
      if (out.length > 1) out.splice(1 + (edit.s % (out.length - 1)), 1);
      break;
    case 'addTable':
      out.splice(
        Math.min(out.length, 1 + edit.at),
        0,
        `CREATE TABLE added_${k} (\n  id integer NOT NULL,\n  note text,\n  CONSTRAINT added_${k}_pk PRIMARY KEY (id)\n);`,
      );
      break;
    case 'addForeignKey': {
      const to = pick(tables, edit.to);
      if (at !== undefined && to !== undefined)
        out.push(
          `ALTER TABLE ${tableName(out[at] as string)}\n  ADD CONSTRAINT fk_${k} FOREIGN KEY (id) REFERENCES ${tableName(out[to] as string)} (id);`,
        );
      break;
    }
    case 'addIndex': {
      const name = column === undefined ? undefined : COLUMN.exec(lines[column] as string)?.[1];
      if (name)
        out.push(
          `CREATE INDEX ix_added_${k} ON ${tableName(out[at as number] as string)} (${name});`,
        );
      break;
    }
    case 'comment':
      if (at !== undefined)
        out.push(`COMMENT ON TABLE ${tableName(out[at] as string)} IS 'note ${k}';`);
      break;
    case 'reorder':
      if (out.length > 2) {
        const i = 1 + (edit.s % (out.length - 2));
        [out[i], out[i + 1]] = [out[i + 1] as string, out[i] as string];
      }
      break;
    case 'breakThenFix':
      if (column !== undefined) {
        setLine(column, lines[column]?.replace(COLUMN, `  $1$2no_such_type_${k}$4`));
        return [out, statements];
      }
      break;
  }
  return [out];
}

const join = (statements: string[]) => statements.join('\n\n') + '\n';

/**
 * Names for unnamed constraints and indexes, as most schemas written by hand or by the studio
 * have: statements that add them unnamed are read in full (the fallback tests cover those).
 */
function named(design: Design): Design {
  const tables = Object.fromEntries(
    Object.entries(design.tables).map(([id, t]) => [
      id,
      {
        ...t,
        constraints: t.constraints.map((c, i) => (c.name ? c : { ...c, name: `${t.name}_k${i}` })),
        indexes: t.indexes.map((x, i) => (x.name ? x : { ...x, name: `${t.name}_ix${i}` })),
      },
    ]),
  );
  return { ...design, tables };
}

/** PROPERTY_RUNS for a longer local search. */
const runs = Number(process.env.PROPERTY_RUNS ?? 8);

describe('the incremental DDL read equals the full read', () => {
  it('random designs, random text edits one after another: the same design, the same errors, at every step', async () => {
    const counts = { steps: 0, incremental: 0, full: 0, failed: 0, pageFromMemo: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(designRecipe, designRecipe).map(([a, b]) => [...a, ...b]),
        fc.array(editRecipe, { minLength: 1, maxLength: 5 }),
        async (recipe, edits) => {
          const reader = newReader();
          try {
            const { design } = buildDesign(recipe);
            let statements = generateDdl(named(design)).statements.map((s) => `${s.sql};`);
            // The page's side: each read becomes the design, from the last read's memo or in full.
            let page = named(design);
            let memo: ReadMemo | undefined;
            const toPage = (read: ImportSqlOutcome) => {
              if (!read.ok || read.report.failed.length) return;
              const fromMemo = designFromRead(page, read.design, memo);
              expect(fromMemo.design).toEqual(designFromRead(page, read.design).design);
              if (memo) counts.pageFromMemo++;
              ({ design: page, memo } = fromMemo);
            };
            toPage(await readBoth(reader, join(statements)));
            for (const [k, edit] of edits.entries()) {
              for (const next of applyEdit(statements, edit, k)) {
                statements = next;
                const read = await readBoth(reader, join(statements));
                toPage(read);
                counts.steps++;
                if (modeOf(read)?.mode === 'incremental') counts.incremental++;
                else counts.full++;
                if (read.ok && read.report.failed.length) counts.failed++;
              }
            }
          } finally {
            await reader.dispose();
          }
        },
      ),
      propertyParameters({ numRuns: runs }),
    );
    console.log('incremental DDL read, steps:', counts);
    // The property must exercise both paths, and errors, or it proves little.
    expect(counts.incremental).toBeGreaterThan(counts.steps / 4);
    expect(counts.full).toBeGreaterThan(0);
    expect(counts.failed).toBeGreaterThan(0);
  }, 900_000);
});

describe('the incremental DDL read falls back to the full read when it cannot be exact', () => {
  const base = [
    "CREATE TYPE mood AS ENUM ('a', 'b');",
    'CREATE TABLE author (\n  id integer NOT NULL,\n  name text,\n  CONSTRAINT author_pk PRIMARY KEY (id)\n);',
    'CREATE TABLE book (\n  id integer NOT NULL,\n  author_id integer,\n  feeling mood,\n  CONSTRAINT book_pk PRIMARY KEY (id)\n);',
    'ALTER TABLE book\n  ADD CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES author (id);',
    'CREATE INDEX book_author_ix ON book (author_id);',
  ];
  const text = (statements: string[]) => statements.join('\n\n') + '\n';

  it('reads the first text in full, then runs again only what changed (and the foreign keys to a table made again)', async () => {
    const reader = newReader();
    try {
      expect(modeOf(await readBoth(reader, text(base)))).toEqual({
        mode: 'full',
        reason: 'the first read',
      });
      expect(modeOf(await readBoth(reader, text(base)))).toEqual({
        mode: 'incremental',
        undone: 0,
        ran: 0,
      });
      const renamed = base.map((s) => s.replace('  name text', '  full_name text'));
      // author made again: the foreign key from book to it is dropped first and added after.
      const before = await readBoth(reader, text(renamed));
      expect(modeOf(before)).toEqual({
        mode: 'incremental',
        undone: 2,
        ran: 2,
      });
      const added = [...renamed, 'CREATE TABLE shelf (\n  id integer NOT NULL\n);'];
      const after = await readBoth(reader, text(added));
      expect(modeOf(after)).toEqual({
        mode: 'incremental',
        undone: 0,
        ran: 1,
      });
      // Only the new table was built: the others are the last read's own objects.
      const tables = (r: ImportSqlOutcome) => (r.ok ? Object.values(r.design.tables) : []);
      expect(tables(after).map((t) => t.name)).toEqual(['author', 'book', 'shelf']);
      tables(before).forEach((t, i) => expect(tables(after)[i]).toBe(t));
    } finally {
      await reader.dispose();
    }
  }, 300_000);

  it('a statement Postgres refuses is read in full, errors in place; the fix is incremental again', async () => {
    const reader = newReader();
    try {
      await readBoth(reader, text(base));
      const broken = base.map((s) => s.replace('  name text', '  name txet'));
      const read = await readBoth(reader, text(broken));
      expect(modeOf(read)).toEqual({ mode: 'full', reason: 'a statement failed' });
      expect(read.ok && read.report.failed.map((f) => f.error.message)).toEqual([
        'type "txet" does not exist',
      ]);
      // From the last text read without an error, not from the broken one.
      expect(modeOf(await readBoth(reader, text(base)))).toEqual({
        mode: 'incremental',
        undone: 0,
        ran: 0,
      });
    } finally {
      await reader.dispose();
    }
  }, 300_000);

  it('moved statements, statements it cannot undo, and order that would matter are read in full', async () => {
    const reader = newReader();
    try {
      await readBoth(reader, text(base));
      const moved = [base[0], base[2], base[1], base[3], base[4]] as string[];
      expect(modeOf(await readBoth(reader, text(moved)))).toEqual({
        mode: 'full',
        reason: 'statements moved',
      });
      const view = [...base, 'CREATE VIEW authors AS SELECT id, name FROM author;'];
      expect(modeOf(await readBoth(reader, text(view)))).toEqual({
        mode: 'full',
        reason: 'a statement read in full (ViewStmt)',
      });
      // A foreign key written before the table it references: the full read refuses it.
      const early = [
        base[0],
        'ALTER TABLE book\n  ADD CONSTRAINT book_author_fk2 FOREIGN KEY (author_id) REFERENCES author (id);',
        ...base.slice(1),
      ] as string[];
      const read = await readBoth(reader, text(early));
      expect(modeOf(read)).toMatchObject({ mode: 'full' });
      expect(read.ok && read.report.failed).toHaveLength(1);
    } finally {
      await reader.dispose();
    }
  }, 300_000);

  it('a serial column makes a sequence: the catalog beyond the tables changed, so it is read in full', async () => {
    const reader = newReader();
    try {
      await readBoth(reader, text(base));
      const serial = base.map((s) =>
        s.replace('  id integer NOT NULL,\n  name', '  id serial,\n  name'),
      );
      expect(modeOf(await readBoth(reader, text(serial)))).toEqual({
        mode: 'full',
        reason: 'the catalog changed beyond the edited tables',
      });
    } finally {
      await reader.dispose();
    }
  }, 300_000);
});
