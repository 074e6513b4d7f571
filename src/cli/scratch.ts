import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Extension } from '@electric-sql/pglite';

/** The data-directory snapshot `npm run snapshot` builds for the browser; Node boots from it too. */
const SNAPSHOT_DIR = fileURLToPath(new URL('../../public/pgdata/', import.meta.url));

/**
 * Where the CLI keeps a snapshot of its own when the project has none (a clean clone before
 * `npm run snapshot`, an installed package, which does not ship public/pgdata).
 */
export function defaultCacheDir(): string {
  return (
    process.env.TABLEWRIGHT_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tablewright')
  );
}

/** Where the snapshots are looked for; parameters so tests can point at empty directories. */
export interface ScratchSources {
  /** The project's snapshot (snapshot.tgz + snapshot.json), as `npm run snapshot` writes it. */
  snapshotDir?: string;
  /** The CLI's own snapshot, written after a cold boot; `null`: neither read nor written. */
  cacheDir?: string | null;
}

/** A scratch database and where its data directory came from. */
export interface BootedScratch {
  pg: PGlite;
  from: 'snapshot' | 'cache' | 'cold';
}

/**
 * Scratch databases for imports in Node: from the project's snapshot when there is one made by
 * this PGlite version (about a fourth of a cold boot), else from the CLI's cached one, else cold.
 * A cold boot leaves a snapshot in the cache for the next run.
 */
export function nodeScratch(
  sources: ScratchSources = {},
): (extensions: Record<string, Extension>) => Promise<PGlite> {
  const boot = scratchBooter(sources);
  return async (extensions) => (await boot(extensions)).pg;
}

/** {@link nodeScratch}, saying where each database came from. */
export function scratchBooter(
  sources: ScratchSources = {},
): (extensions: Record<string, Extension>) => Promise<BootedScratch> {
  const version = installedPgliteVersion();
  const snapshotDir = sources.snapshotDir ?? SNAPSHOT_DIR;
  const cacheDir = sources.cacheDir === undefined ? defaultCacheDir() : sources.cacheDir;
  const cached = cacheDir !== null && version ? join(cacheDir, `pgdata-${version}.tgz`) : null;
  const found = projectSnapshot(snapshotDir, version) ?? (cached ? cachedSnapshot(cached) : null);
  return async (extensions) => {
    if (found) {
      try {
        // PGlite consumes the Blob it is given: each database gets its own copy.
        const data = found.data.slice(0, found.data.size, found.data.type);
        return { pg: await PGlite.create({ loadDataDir: data, extensions }), from: found.from };
      } catch {
        // A snapshot PGlite refuses (corrupt, cut short): a cold start, which rewrites the cache.
      }
    }
    const pg = await PGlite.create({ extensions });
    if (cached) await saveSnapshot(pg, cached);
    return { pg, from: 'cold' };
  };
}

type Found = { data: Blob; from: 'snapshot' | 'cache' };

function projectSnapshot(dir: string, version: string | undefined): Found | null {
  try {
    const archive = join(dir, 'snapshot.tgz');
    const meta = join(dir, 'snapshot.json');
    if (!existsSync(archive) || !existsSync(meta)) return null;
    const made = (JSON.parse(readFileSync(meta, 'utf8')) as { pgliteVersion?: string })
      .pgliteVersion;
    if (made === undefined || made !== version) return null;
    return { data: gzipBlob(readFileSync(archive)), from: 'snapshot' };
  } catch {
    return null;
  }
}

/** The cached snapshot, if it is a gzip file (PGlite's gunzip of anything else rejects unawaited). */
function cachedSnapshot(path: string): Found | null {
  try {
    if (!existsSync(path)) return null;
    const bytes = readFileSync(path);
    return bytes[0] === 0x1f && bytes[1] === 0x8b ? { data: gzipBlob(bytes), from: 'cache' } : null;
  } catch {
    return null;
  }
}

const gzipBlob = (bytes: Buffer<ArrayBuffer>) => new Blob([bytes], { type: 'application/x-gzip' });

/**
 * The data directory of a database that has just started is what initdb made: keep it for the
 * next run. Best effort and silent: a read-only home only means the next run starts cold too.
 * Written beside the target and renamed, so a concurrent run never reads half a file.
 */
async function saveSnapshot(pg: PGlite, path: string): Promise<void> {
  try {
    const archive = await pg.dumpDataDir('gzip');
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, new Uint8Array(await archive.arrayBuffer()));
    renameSync(tmp, path);
  } catch {
    // nothing to do: the cache is an optimisation
  }
}

/** PGlite's version (its package.json is not in the package's exports: walk up from its entry). */
function installedPgliteVersion(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  while (dir !== dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === '@electric-sql/pglite') return pkg.version;
    }
    dir = dirname(dir);
  }
  return undefined;
}
