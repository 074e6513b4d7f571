/**
 * Proves migrations with Postgres, away from the design's own database: each request builds fresh
 * databases from the boot snapshot (with the contrib extensions the designs create), runs A's DDL
 * and the steps, and compares catalogs. Started on demand, one request at a time.
 */
import type { Design } from '../core/model';
import { generateDdl } from '../core/sql';
import { freshDatabases } from './freshDatabase';
import { serveRpc } from './rpc/serve';
import type { VerifyApi } from './verifyClient';
import { verifyMigration } from './verifyMigration';

interface WorkerScope {
  location: { href: string };
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
const scope = self as unknown as WorkerScope;
const fresh = freshDatabases(scope.location.href);

function createDbFactory(a: Design, b: Design) {
  const ddl = [generateDdl(a).text, generateDdl(b).text];
  return async () => {
    const pg = await fresh(ddl);
    await pg.exec('SET client_min_messages = warning;');
    return pg;
  };
}

const serve = serveRpc<VerifyApi>(
  () => ({
    verify: (a, b, mode) => verifyMigration(a, b, { mode, createDb: createDbFactory(a, b) }),
  }),
  (reply) => scope.postMessage(reply),
);
scope.onmessage = (event) => serve(event.data);
