import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Extension } from '@electric-sql/pglite';

/** The data-directory snapshot `npm run snapshot` builds for the browser; Node boots from it too. */
const SNAPSHOT_DIR = fileURLToPath(new URL('../../public/pgdata/', import.meta.url));

/**
 * Scratch databases for imports in Node: from the snapshot when there is one made by this PGlite
 * version (about a fourth of a cold boot), otherwise cold.
 */
export function nodeScratch(): (extensions: Record<string, Extension>) => Promise<PGlite> {
  const snapshot = usableSnapshot();
  return async (extensions) => {
    if (snapshot) {
      try {
        return await PGlite.create({ loadDataDir: snapshot, extensions });
      } catch {
        // fall through to a cold start
      }
    }
    return PGlite.create({ extensions });
  };
}

function usableSnapshot(): Blob | undefined {
  try {
    const archive = join(SNAPSHOT_DIR, 'snapshot.tgz');
    const meta = join(SNAPSHOT_DIR, 'snapshot.json');
    if (!existsSync(archive) || !existsSync(meta)) return undefined;
    const made = (JSON.parse(readFileSync(meta, 'utf8')) as { pgliteVersion?: string })
      .pgliteVersion;
    if (made === undefined || made !== installedPgliteVersion()) return undefined;
    return new Blob([readFileSync(archive)], { type: 'application/x-gzip' });
  } catch {
    return undefined;
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
