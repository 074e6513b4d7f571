import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseDesign,
  serializeDocument,
  makeDocument,
  emptyLayout,
  type Design,
} from '../core/model';
import { importSql } from '../db/import/importSql';
import { nodeScratch } from '../cli/scratch';

/**
 * The real-world schemas of ../shared/fixtures/schemas, and the project's own in
 * fixtures/schemas (Rails structure.sql files and generated edge cases), as designs imported
 * through the real importer (PGlite reads each file, the catalog is read back). Importing all of
 * them takes about a minute on a small machine, so the designs are cached in node_modules/.cache,
 * keyed by the fixture's text and the importer's source: a change to either imports again.
 */

/** The shared fixtures directory (a sibling of the repository). */
export const FIXTURES_DIR = fileURLToPath(
  new URL('../../../shared/fixtures/schemas/', import.meta.url),
);

/** The project's own fixtures directory (fixtures/schemas in the repository). */
export const PROJECT_FIXTURES_DIR = fileURLToPath(
  new URL('../../fixtures/schemas/', import.meta.url),
);

/** The original fixtures of a directory (not the `.pglite.sql` reference companions). */
function fixturesIn(dir: string): string[] {
  // A missing directory fails loudly: an empty list would turn every fixture test into no test.
  if (!existsSync(dir)) throw new Error(`fixtures directory ${dir} is missing`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && !f.endsWith('.pglite.sql'))
    .map((f) => f.replace(/\.sql$/, ''))
    .sort();
}

/** The shared fixtures (../shared/fixtures/schemas). */
export const FIXTURE_NAMES: readonly string[] = fixturesIn(FIXTURES_DIR);

/** The project's own fixtures (fixtures/schemas); their names differ from the shared ones. */
export const PROJECT_FIXTURE_NAMES: readonly string[] = fixturesIn(PROJECT_FIXTURES_DIR);

/** Every fixture, shared then the project's own. */
export const ALL_FIXTURE_NAMES: readonly string[] = [...FIXTURE_NAMES, ...PROJECT_FIXTURE_NAMES];

const CACHE_DIR = fileURLToPath(
  new URL('../../node_modules/.cache/tablewright-fixtures/', import.meta.url),
);
const IMPORTER_SOURCES = [
  '../core/import/',
  '../core/catalog/',
  '../db/import/',
  '../core/model/',
].map((p) => fileURLToPath(new URL(p, import.meta.url)));

let importerHash: string | undefined;
function hashImporter(): string {
  if (importerHash) return importerHash;
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ts$/.test(entry) && !/\.test\.ts$/.test(entry))
        h.update(path).update(readFileSync(path));
    }
  };
  IMPORTER_SOURCES.forEach(walk);
  importerHash = h.digest('hex');
  return importerHash;
}

const memo = new Map<string, Promise<Design>>();

/** The design imported from fixture `name` (e.g. "pagila", "danbooru"). Throws when the import fails. */
export function fixtureDesign(name: string): Promise<Design> {
  let p = memo.get(name);
  if (!p) {
    p = load(name);
    memo.set(name, p);
  }
  return p;
}

/** The fixture's file: the project's own when it has one by that name, else the shared one. */
export function fixturePath(name: string): string {
  const own = join(PROJECT_FIXTURES_DIR, `${name}.sql`);
  return existsSync(own) ? own : join(FIXTURES_DIR, `${name}.sql`);
}

/** The fixture's SQL text. */
export function fixtureSql(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

async function load(name: string): Promise<Design> {
  const sql = fixtureSql(name);
  const key = createHash('sha256').update(sql).update(hashImporter()).digest('hex').slice(0, 16);
  const cached = join(CACHE_DIR, `${name}-${key}.json`);
  if (existsSync(cached)) {
    const doc = parseDesign(readFileSync(cached, 'utf8'));
    if (doc.ok) return doc.value.design;
  }
  const result = await importSql(sql, { designName: name }, { createScratch: nodeScratch() });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  mkdirSync(CACHE_DIR, { recursive: true });
  // Written beside and renamed: test files run in parallel processes and may race here.
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, serializeDocument(makeDocument(result.design, emptyLayout())));
  renameSync(tmp, cached);
  return result.design;
}
