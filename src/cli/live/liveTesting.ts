/** Running the CLI in-process for the live-database tests, output captured. */
import pg from 'pg';
import { main } from '../main';
import type { QueryExecutor } from '../../core/catalog';
import { catalogSnapshot, type CatalogSnapshot } from '../../test/catalogSnapshot';
import type { LiveDeps } from './liveDatabase';
import { runLiveCommand } from './runLive';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it (main), or the live commands with test seams (`deps`). */
export async function cli(argv: string[], deps?: LiveDeps): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
  };
  const code = deps ? await runLiveCommand(argv, io, deps) : await main(argv, io);
  return { code, stdout, stderr };
}

/** The catalog of the database at `url` as PostgreSQL prints it, read in a fresh session. */
export async function catalogSnapshotAt(url: string): Promise<CatalogSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('RESET ALL');
    return await catalogSnapshot(client);
  } finally {
    await client.end();
  }
}

/** True when text has what a Node stack trace looks like. */
export const hasStackTrace = (text: string) => /\n\s+at .+:\d+:\d+/.test(text);

/**
 * An executor that, on its `at`-th query, has the server end this very connection first (as a
 * server shutdown or an administrator's pg_terminate_backend would): a real lost connection.
 */
export function cutAtQuery(adminUrl: string, at: number): LiveDeps['wrapExecutor'] {
  return (exec: QueryExecutor) => {
    let n = 0;
    let pid: number | undefined;
    return {
      async query<T>(sql: string, params?: unknown[]) {
        n++;
        if (n === 1) {
          const rows = await exec.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          pid = rows.rows[0]?.pid;
        }
        if (n === at) {
          const admin = new pg.Client({ connectionString: adminUrl });
          await admin.connect();
          await admin.query('SELECT pg_terminate_backend($1)', [pid]);
          await admin.end();
        }
        return exec.query<T>(sql, params);
      },
    };
  };
}
