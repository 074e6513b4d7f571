/**
 * Proves migrations with Postgres, away from the design's own database: each request builds fresh
 * databases from the boot snapshot (with the contrib extensions the designs create), runs A's DDL
 * and the steps, and compares catalogs. Started on demand, one request at a time.
 */
import type { Design } from '../core/model';
import type { MigrationMode } from '../core/diff';
import { generateDdl } from '../core/sql';
import { freshDatabases } from './freshDatabase';
import { verifyMigration, type VerifyResult } from './verifyMigration';

export interface VerifyRequest {
  id: number;
  a: Design;
  b: Design;
  mode: MigrationMode;
}
export type VerifyReply =
  { id: number; ok: true; result: VerifyResult } | { id: number; ok: false; message: string };

interface WorkerScope {
  location: { href: string };
  postMessage(message: VerifyReply): void;
  onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null;
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

scope.onmessage = (event) => {
  const { id, a, b, mode } = event.data;
  verifyMigration(a, b, { mode, createDb: createDbFactory(a, b) }).then(
    (result) => scope.postMessage({ id, ok: true, result }),
    (thrown: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        message: thrown instanceof Error ? thrown.message : String(thrown),
      }),
  );
};
