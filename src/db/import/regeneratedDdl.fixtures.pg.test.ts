import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeScratch } from '../../cli/scratch';
import { contribModulesFor } from '../../core/import';
import type { Design } from '../../core/model';
import { generateDdl, type DdlOutput } from '../../core/sql';
import { uniqueIndexBehind } from '../../core/sql/referencedKey';
import {
  ALL_FIXTURE_NAMES,
  fixtureDesign,
  fixturePath,
  PROJECT_FIXTURE_NAMES,
} from '../../test/fixtureDesigns';
import { extensionNamesIn } from '../designExtensions';
import { loadContribModules } from './contribModules';

/**
 * Import -> DDL -> PostgreSQL: every real schema PostgreSQL accepts as written (the shared
 * fixtures and the project's own, Rails structure.sql files among them) is imported through the
 * real importer, and the DDL generated from the design must execute in a fresh PGlite with every
 * foreign key of the design; for the project's fixtures, as many as the file itself gives there.
 * (The shared openstreetmap loses a table with postgis, which PGlite lacks, so its file gives
 * more; pgvector's tables are kept: PGlite loads pgvector.)
 */

type Scratch = Awaited<ReturnType<ReturnType<typeof nodeScratch>>>;

/** A fresh PGlite with the contrib modules behind the extensions the SQL creates. */
async function scratchFor(sql: string): Promise<Scratch> {
  return nodeScratch()(await loadContribModules(contribModulesFor(extensionNamesIn([sql]))));
}

async function foreignKeyCount(pg: Scratch): Promise<number | undefined> {
  const { rows } = await pg.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_catalog.pg_constraint WHERE contype = 'f' AND conparentid = 0",
  );
  return rows[0]?.n;
}

/**
 * The foreign keys PostgreSQL makes of the file loaded as a whole: the `.pglite.sql` companion
 * where there is one (the original needs an extension PGlite does not ship).
 */
async function foreignKeysOfFile(name: string): Promise<number | undefined> {
  const companion = fixturePath(name).replace(/\.sql$/, '.pglite.sql');
  const sql = readFileSync(existsSync(companion) ? companion : fixturePath(name), 'utf8');
  const pg = await scratchFor(sql);
  try {
    await pg.exec(sql);
    return await foreignKeyCount(pg);
  } finally {
    await pg.close();
  }
}

const foreignKeys = (design: Design) =>
  Object.values(design.tables).flatMap((t) =>
    t.constraints.flatMap((k) =>
      k.kind === 'foreignKey' ? [{ k, ref: design.tables[k.refTableId] }] : [],
    ),
  );

/** The order the generator used to have: every foreign key before every index. */
function foreignKeysFirst(out: DdlOutput): string {
  const fks = out.statements.filter((s) => s.kind === 'foreignKey');
  const rest = out.statements.filter((s) => s.kind !== 'foreignKey');
  const i = rest.findIndex((s) => s.kind === 'index');
  rest.splice(i, 0, ...fks);
  return rest.map((s) => s.sql).join('\n\n');
}

describe('imported fixtures: the regenerated DDL executes in PostgreSQL', () => {
  for (const name of ALL_FIXTURE_NAMES) {
    it(
      name,
      async () => {
        const design = await fixtureDesign(name);
        const fks = foreignKeys(design);
        if (PROJECT_FIXTURE_NAMES.includes(name)) {
          expect(fks).toHaveLength((await foreignKeysOfFile(name)) ?? -1);
        }
        const out = generateDdl(design);
        expect(out.problems).toEqual([]);
        const pg = await scratchFor(out.text);
        try {
          if (fks.some(({ k, ref }) => ref && uniqueIndexBehind(k, ref))) {
            // The oracle can fail: these are the schemas the old order broke (a failed exec
            // rolls back the whole call, so the database stays empty for the real run).
            await expect(pg.exec(foreignKeysFirst(out))).rejects.toMatchObject({ code: '42830' });
          }
          try {
            await pg.exec(out.text);
          } catch (e) {
            const { message, position } = e as { message: string; position?: string };
            const at = Number(position ?? 0);
            throw new Error(
              `${name}: ${message}\n…${out.text.slice(Math.max(0, at - 200), at + 100)}…`,
              { cause: e },
            );
          }
          expect(await foreignKeyCount(pg)).toBe(fks.length);
        } finally {
          await pg.close();
        }
      },
      300_000,
    );
  }
});
