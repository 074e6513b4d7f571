import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { PGlite, type Extension } from '@electric-sql/pglite';
import {
  BUILTIN_EXTENSIONS,
  contribModulesFor,
  isAvailableExtension,
  preprocessScript,
  scriptExtensions,
  type ImportReport,
} from '../core/import';
import type { Design } from '../core/model';
import { generateDdl } from '../core/sql';
import { toPgError } from '../db/pgError';
import { loadContribModules } from '../db/import/contribModules';
import { importSql } from '../db/import/importSql';
import { loadParser } from '../db/import/pgParser';
import { splitStatements } from '../db/import/splitStatements';
import { catalogSnapshot, diffSnapshots, type SnapshotDifference } from './catalogSnapshot';

/**
 * The import fidelity check of one real-world schema: import the original file, generate DDL
 * from the design, run it in a fresh PGlite, and compare that catalog with the one PGlite builds
 * from the reference file (the `.pglite.sql` companion where there is one), extensions loaded.
 */

export const FIXTURES = fileURLToPath(
  new URL('../../../shared/fixtures/schemas/', import.meta.url),
);

/** Creates a fresh database with these contrib extensions. */
export type CreateDb = (extensions: Record<string, Extension>) => Promise<PGlite>;

/** A cold boot once, then every database from its data directory (a fourth of the time). */
export async function snapshotFactory(): Promise<CreateDb> {
  const template = await PGlite.create();
  const data = await template.dumpDataDir('gzip');
  await template.close();
  return (extensions) => PGlite.create({ loadDataDir: data, extensions });
}

export interface FidelityResult {
  fixture: string;
  reference: string;
  report: ImportReport;
  design: Design;
  /** Statements of the generated DDL that PostgreSQL refused. */
  ddlErrors: { sql: string; error: string }[];
  differences: SnapshotDifference[];
  /** Objects in the reference catalog. */
  objects: number;
  timings: {
    parseMs: number;
    bootMs: number;
    executeMs: number;
    readCatalogMs: number;
    generateMs: number;
    executeDdlMs: number;
    referenceMs: number;
  };
}

const quiet = { onNotice: () => {} };

export async function checkFidelity(fixture: string, createDb: CreateDb): Promise<FidelityResult> {
  const original = readFileSync(`${FIXTURES}${fixture}.sql`, 'utf8');
  const companion = `${FIXTURES}${fixture}.pglite.sql`;
  const reference = existsSync(companion) ? companion : `${FIXTURES}${fixture}.sql`;

  const imported = await importSql(original, { designName: fixture }, { createScratch: createDb });
  if (!imported.ok) throw new Error(`${fixture}: import failed: ${imported.error.message}`);
  const { design, report } = imported;

  let started = performance.now();
  const ddl = generateDdl(design);
  const generateMs = performance.now() - started;
  const designExtensions = design.extras.filter((x) => x.kind === 'extension').map((x) => x.name);
  const generated = await createDb(await extensionsFor(designExtensions));
  const ddlErrors: FidelityResult['ddlErrors'] = [];
  started = performance.now();
  for (const statement of ddl.statements) {
    try {
      await generated.exec(statement.sql, quiet);
    } catch (thrown) {
      ddlErrors.push({ sql: statement.sql.slice(0, 300), error: toPgError(thrown).message });
    }
  }
  const executeDdlMs = performance.now() - started;
  await generated.exec('RESET ALL', quiet);
  const actual = await catalogSnapshot(generated);
  await generated.close();

  started = performance.now();
  const referenceSql = readFileSync(reference, 'utf8');
  const expectedDb = await createDb(await extensionsFor(await extensionsOf(referenceSql)));
  await expectedDb.exec(referenceSql, quiet);
  await expectedDb.exec('RESET ALL', quiet);
  const referenceMs = performance.now() - started;
  const expected = await catalogSnapshot(expectedDb);
  await expectedDb.close();

  const t = report.timings;
  return {
    fixture,
    reference: reference.slice(FIXTURES.length),
    report,
    design,
    ddlErrors,
    differences: diffSnapshots(expected, actual),
    objects: expected.size,
    timings: {
      parseMs: t?.parseMs ?? 0,
      bootMs: t?.bootMs ?? 0,
      executeMs: t?.executeMs ?? 0,
      readCatalogMs: t?.readCatalogMs ?? 0,
      generateMs: Math.round(generateMs),
      executeDdlMs: Math.round(executeDdlMs),
      referenceMs: Math.round(referenceMs),
    },
  };
}

async function extensionsFor(names: string[]): Promise<Record<string, Extension>> {
  const loadable = names.filter((n) => isAvailableExtension(n) && !BUILTIN_EXTENSIONS.has(n));
  return loadContribModules(contribModulesFor(loadable));
}

/** The extensions a script creates, by PostgreSQL's parser. */
async function extensionsOf(sql: string): Promise<string[]> {
  const statements = splitStatements(await loadParser(), preprocessScript(sql));
  return scriptExtensions(statements.map((s) => s.tree));
}

/**
 * A per-fixture table of differences, for the test output. `explained` tells which differences
 * have a stated reason outside the studio's control; the rest are counted as unexplained.
 */
export function formatFidelityTable(
  results: readonly FidelityResult[],
  explained: (result: FidelityResult, difference: SnapshotDifference) => boolean = () => false,
): string {
  const header = [
    'fixture',
    'objects',
    'missing',
    'extra',
    'changed',
    'unexplained',
    'ddl errors',
    'parse',
    'boot',
    'execute',
    'catalog',
    'ddl exec',
    'reference',
  ];
  const rows = results.map((r) => {
    const count = (kind: SnapshotDifference['kind']) =>
      String(r.differences.filter((d) => d.kind === kind).length);
    const unexplained = String(r.differences.filter((d) => !explained(r, d)).length);
    const ms = (n: number) => `${n} ms`;
    return [
      r.fixture,
      String(r.objects),
      count('missing'),
      count('extra'),
      count('changed'),
      unexplained,
      String(r.ddlErrors.length),
      ms(r.timings.parseMs),
      ms(r.timings.bootMs),
      ms(r.timings.executeMs),
      ms(r.timings.readCatalogMs),
      ms(r.timings.executeDdlMs),
      ms(r.timings.referenceMs),
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
