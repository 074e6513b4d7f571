import { PGlite, type Extension } from '@electric-sql/pglite';
import { contribModulesFor } from '../core/import';
import { loadSnapshot, type SnapshotLoad } from './boot';
import { extensionNamesIn } from './designExtensions';
import { loadContribModules } from './import/contribModules';

/**
 * Fresh databases for workers other than the design's own (the playground, migration checks):
 * booted from the same data-directory snapshot, with the contrib extensions the given DDL creates.
 */
export function freshDatabases(workerHref: string): (ddl: readonly string[]) => Promise<PGlite> {
  let snapshot: Promise<SnapshotLoad> | undefined;
  return async (ddl) => {
    snapshot ??= loadSnapshot(
      new URL(`${import.meta.env.BASE_URL}pgdata/snapshot.tgz`, workerHref),
    );
    const snap = await snapshot;
    const extensions: Record<string, Extension> = await loadContribModules(
      contribModulesFor(extensionNamesIn(ddl)),
    );
    return PGlite.create({
      extensions,
      ...(snap.ok ? { loadDataDir: snap.value.slice(0, snap.value.size, snap.value.type) } : {}),
    });
  };
}
