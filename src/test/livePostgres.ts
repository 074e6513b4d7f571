/**
 * A real PostgreSQL server for tests: Debian's `postgresql` package, started on a scratch data
 * directory in the OS temp dir and a free port on 127.0.0.1 (its unix socket inside the scratch
 * dir, so it never meets a system server), stopped and removed afterwards, also when a test fails.
 * One server per test file: start it in beforeAll, stop it in afterAll.
 *
 * initdb and postgres refuse to run as root; as root (this machine, and CI containers) they run
 * as the `postgres` system user with the directory handed to it.
 *
 * The superuser `postgres` logs in with a password over TCP (scram-sha-256), so a wrong password
 * is refused as it would be in production; the unix socket trusts, for the harness's own psql.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { freePort } from './freePort';

export const INSTALL_HINT =
  "PostgreSQL's server is not installed, and the live-database tests need one: " +
  'install Debian\'s package with "apt-get install -y postgresql" (.ci/run does it when initdb is missing).';

/** The superuser's password; tests check it never shows in output. */
export const SUPERUSER_PASSWORD = 'Sup3r-secret_pw';

export interface LivePostgres {
  port: number;
  /** The server's major version (15 on this machine). */
  major: number;
  /** `postgres://user:password@127.0.0.1:port/database`. */
  url(database?: string, user?: string, password?: string): string;
  /** Runs SQL as the superuser in `database` (default `postgres`), returning rows. */
  query<T = Record<string, unknown>>(sql: string, database?: string): Promise<T[]>;
  /** A new empty database, dropped first if it exists. */
  createDatabase(name: string, template?: string): Promise<void>;
  /** psql -f file into `database`, stopping at the first error: exit status and stderr. */
  psqlFile(file: string, database: string): { status: number; stderr: string };
  stop(): Promise<void>;
}

/** Where to look for PostgreSQL's programs (parameters so a test can look where there are none). */
export interface PostgresSearch {
  path?: string;
  /** Debian's directory of versioned installations. */
  debianRoot?: string;
}

/** The directory of initdb, pg_ctl and psql: PATH first, then Debian's versioned directories. */
export function findPostgresBin(search: PostgresSearch = {}): string | undefined {
  for (const dir of (search.path ?? process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) {
      // Debian links only some programs onto PATH; use the real directory for all of them.
      const real = spawnSync('readlink', ['-f', join(dir, 'initdb')], { encoding: 'utf8' });
      const realDir = real.status === 0 ? real.stdout.trim().replace(/\/initdb$/, '') : dir;
      return existsSync(join(realDir, 'postgres')) ? realDir : dir;
    }
  }
  const root = search.debianRoot ?? '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server program, as `postgres` when we are root. */
function runAsServerUser(program: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const [cmd, argv] = isRoot()
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
  return execFileSync(cmd, argv, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C.UTF-8', ...env },
  });
}

/** Starts a fresh server; throws (with the install command) when PostgreSQL is not installed. */
export async function startLivePostgres(search: PostgresSearch = {}): Promise<LivePostgres> {
  const bin = findPostgresBin(search);
  if (!bin) throw new Error(INSTALL_HINT);
  const dir = mkdtempSync(join(tmpdir(), 'tablewright-pg-'));
  const data = join(dir, 'data');
  const stopServer = () =>
    spawnSync(
      isRoot() ? 'runuser' : join(bin, 'pg_ctl'),
      [
        ...(isRoot() ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []),
        'stop',
        '-D',
        data,
        '-m',
        'immediate',
        '-w',
      ],
      { stdio: 'ignore' },
    );
  const cleanup = () => {
    stopServer();
    rmSync(dir, { recursive: true, force: true });
  };
  // A test process that dies without afterAll still leaves no server running.
  process.once('exit', cleanup);
  try {
    chmodSync(dir, 0o700);
    const pwfile = join(dir, 'pwfile');
    writeFileSync(pwfile, `${SUPERUSER_PASSWORD}\n`);
    if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
    runAsServerUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--pwfile',
      pwfile,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=40',
    ].join(' ');
    runAsServerUser(join(bin, 'pg_ctl'), [
      'start',
      '-D',
      data,
      '-w',
      '-t',
      '60',
      '-l',
      join(dir, 'server.log'),
      '-o',
      options,
    ]);
    const url = (database = 'postgres', user = 'postgres', password = SUPERUSER_PASSWORD) =>
      `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    const query = async <T>(sql: string, database = 'postgres'): Promise<T[]> => {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      try {
        return (await client.query(sql)).rows as T[];
      } finally {
        await client.end();
      }
    };
    const [{ version }] = (await query<{ version: string }>(
      "SELECT current_setting('server_version_num') AS version",
    )) as [{ version: string }];
    return {
      port,
      major: Math.floor(Number(version) / 10000),
      url,
      query,
      async createDatabase(name, template = 'template1') {
        const quoted = `"${name.replace(/"/g, '""')}"`;
        await query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
        await query(`CREATE DATABASE ${quoted} TEMPLATE ${template}`);
      },
      psqlFile(file, database) {
        const result = spawnSync(
          join(bin, 'psql'),
          ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url(database), '-f', file],
          {
            encoding: 'utf8',
            env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
          },
        );
        return { status: result.status ?? -1, stderr: result.stderr };
      },
      async stop() {
        process.removeListener('exit', cleanup);
        cleanup();
      },
    };
  } catch (thrown) {
    process.removeListener('exit', cleanup);
    cleanup();
    const stderr = (thrown as { stderr?: string }).stderr;
    throw new Error(
      `Could not start PostgreSQL from ${bin}: ${(thrown as Error).message}${stderr ? `\n${stderr}` : ''}`,
      { cause: thrown },
    );
  }
}
