/**
 * A running PostgreSQL server, read through `pg` with the importer's own catalog reader. Every
 * way this can go wrong (a URL that is not one, a refused password, a host that does not answer,
 * a server older than 13, schemas the user may not read, a connection lost mid-read) comes back
 * as one sentence and an exit code; nothing here throws at its caller.
 */
import pg from 'pg';
import {
  catalogSqlFor,
  MIN_SERVER_VERSION,
  readCatalogWithNotes,
  serverVersionOf,
  versionName,
  type CatalogNote,
  type QueryExecutor,
} from '../../core/catalog';
import { USER_NAMESPACES } from '../../core/catalog/sqlFragments';
import type { Design } from '../../core/model';
import { err, ok, type Result } from '../../core/result';
import { parseDatabaseUrl, type DatabaseUrl } from './databaseUrl';

/** Exit codes of the live commands beyond the CLI's own 0, 1 and 2 (README, "Exit codes"). */
export const DATABASE_FAILED = 3;
export const SCHEMAS_UNREADABLE = 4;

/** Why a live database was not read (or not wholly): one sentence, and the exit code. */
export interface LiveError {
  message: string;
  exitCode: number;
}

/** Seams for tests: the real server is used throughout, these only change what it is asked. */
export interface LiveDeps {
  /**
   * How long connecting may take before the host counts as unreachable (default: PGCONNECT_TIMEOUT
   * seconds, as for psql, else 10 s).
   */
  connectTimeoutMs?: number;
  /** Where the server's version is asked; a test fakes an old server here. */
  serverVersion?: (exec: QueryExecutor) => Promise<number>;
  /** Wraps the connection's queries (a test cuts the connection in the middle of a read). */
  wrapExecutor?: (exec: QueryExecutor) => QueryExecutor;
  /** Asks the person to confirm `migrate --apply`; absent when there is nobody to ask. */
  confirm?: (question: string) => Promise<boolean>;
}

/** An open connection to a server that passed the checks. */
export interface LiveSession {
  url: DatabaseUrl;
  exec: QueryExecutor;
  client: pg.Client;
  serverVersion: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Connects, checks the server's version, runs `use`, and disconnects. Whatever `use` or the
 * driver throws becomes a LiveError (see `describeFailure`).
 */
export async function withLiveDatabase<T>(
  urlText: string,
  deps: LiveDeps,
  use: (session: LiveSession) => Promise<Result<T, LiveError>>,
): Promise<Result<T, LiveError>> {
  const url = parseDatabaseUrl(urlText);
  if (!url.ok) return err({ message: url.error, exitCode: DATABASE_FAILED });
  const timeout = deps.connectTimeoutMs ?? envConnectTimeout() ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const client = new pg.Client({
    connectionString: url.value.url,
    connectionTimeoutMillis: timeout,
    application_name: 'tablewright',
  });
  // A connection that dies between queries is reported through the next query; without a
  // listener the 'error' event would end the process with a stack trace.
  client.on('error', () => undefined);
  let stage: Stage = 'connect';
  try {
    await client.connect();
    stage = 'read';
    const base: QueryExecutor = {
      query: async <R>(sql: string, params?: unknown[]) => {
        const result = await client.query(sql, params);
        return { rows: result.rows as R[] };
      },
    };
    const exec = deps.wrapExecutor ? deps.wrapExecutor(base) : base;
    const serverVersion = await (deps.serverVersion ?? serverVersionOf)(exec);
    if (serverVersion < MIN_SERVER_VERSION)
      return err({
        message: `${url.value.masked} runs PostgreSQL ${versionName(serverVersion)}; tablewright reads PostgreSQL ${versionName(MIN_SERVER_VERSION).replace(/\.0$/, '')} and newer.`,
        exitCode: DATABASE_FAILED,
      });
    return await use({ url: url.value, exec, client, serverVersion });
  } catch (thrown) {
    return err({
      message: describeFailure(thrown, url.value.masked, stage, timeout),
      exitCode: DATABASE_FAILED,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

type Stage = 'connect' | 'read';

/** libpq's PGCONNECT_TIMEOUT (seconds), as psql reads it. */
function envConnectTimeout(): number | undefined {
  const seconds = Number(process.env.PGCONNECT_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** A failure as one sentence that names the database by its masked URL. */
export function describeFailure(
  thrown: unknown,
  masked: string,
  stage: Stage,
  timeoutMs: number,
): string {
  const e = thrown as { code?: string; message?: string; severity?: string };
  const message = firstLine(e?.message ?? String(thrown));
  const code = e?.code;
  const where = masked;
  switch (code) {
    case '28P01':
      return `${where}: PostgreSQL refused the password (${message}).`;
    case '28000':
      return `${where}: PostgreSQL refused the login (${message}).`;
    case '3D000':
      return `${where}: ${message}.`;
    case '42501':
      return `${where}: permission denied while reading the catalog (${message}).`;
    case '57P01':
    case '57P02':
    case '57P03':
    case '57P04':
      return stage === 'read'
        ? `${where}: the server ended the connection while the catalog was being read (${message}); nothing was written.`
        : `${where}: the server is not accepting connections (${message}).`;
    case 'ECONNREFUSED':
      return `${where}: connection refused: no PostgreSQL server is listening there.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: the host name could not be resolved.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return `${where}: the host is unreachable (${code}).`;
    case 'ECONNRESET':
    case 'EPIPE':
      return stage === 'read'
        ? `${where}: the connection was lost while the catalog was being read; nothing was written.`
        : `${where}: the connection was reset before PostgreSQL answered.`;
  }
  if (/timeout/i.test(message) && stage === 'connect')
    return `${where}: no answer within ${timeoutMs / 1000} s: the host is unreachable or not a PostgreSQL server.`;
  if (/client password must be a string|password authentication/i.test(message))
    return `${where}: the server asks for a password and the URL gives none (or PGPASSWORD is not set).`;
  if (/terminated|Connection ended|not queryable/i.test(message))
    return stage === 'read'
      ? `${where}: the connection was lost while the catalog was being read (${message}); nothing was written.`
      : `${where}: the connection was closed before PostgreSQL answered (${message}).`;
  if (/SSL|TLS/i.test(message)) return `${where}: SSL negotiation failed (${message}).`;
  return `${where}: ${message}${/[.!?]$/.test(message) ? '' : '.'}`;
}

const firstLine = (text: string) => text.split('\n')[0]!.trim();

/** A design read from a live database, and what it lacks. */
export interface LiveRead {
  design: Design;
  notes: CatalogNote[];
  serverVersion: number;
  /** Schemas left out because the user may not use them (no USAGE privilege). */
  unreadableSchemas: string[];
  url: DatabaseUrl;
}

export interface ReadLiveOptions {
  /** Only these schemas (pull --schema). */
  schemas?: readonly string[];
  designName?: string;
}

/**
 * The database's design, read in one read-only, repeatable-read transaction (one snapshot of the
 * catalog, as pg_dump takes). Schemas the user may not use are left out and listed.
 */
export async function readLiveDesign(
  urlText: string,
  options: ReadLiveOptions,
  deps: LiveDeps = {},
): Promise<Result<LiveRead, LiveError>> {
  return withLiveDatabase(urlText, deps, async ({ url, exec, serverVersion }) => {
    await exec.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Names print relative to the search_path: the reader expects the default one.
    await exec.query('SET LOCAL search_path = "$user", public');
    const schemas = await exec.query<{ name: string; usable: boolean }>(
      catalogSqlFor(
        `SELECT n.nspname AS name, pg_catalog.has_schema_privilege(n.oid, 'USAGE') AS usable
         FROM pg_catalog.pg_namespace n WHERE n.oid IN (${USER_NAMESPACES}) ORDER BY n.nspname`,
        serverVersion,
      ),
    );
    const all = schemas.rows.map((r) => r.name);
    if (options.schemas) {
      const missing = options.schemas.filter((s) => !all.includes(s));
      if (missing.length > 0)
        return err({
          message: `${url.masked} has no schema ${missing.map((s) => `"${s}"`).join(', ')} (it has ${all.join(', ') || 'none'}).`,
          exitCode: DATABASE_FAILED,
        });
    }
    const wanted = new Set(options.schemas ?? all);
    const unreadableSchemas = schemas.rows
      .filter((r) => !r.usable && wanted.has(r.name))
      .map((r) => r.name);
    const read = await readCatalogWithNotes(exec, {
      designName: options.designName ?? url.database,
      schemas: {
        ...(options.schemas ? { only: options.schemas } : {}),
        except: unreadableSchemas,
      },
    });
    await exec.query('COMMIT');
    return ok({ ...read, serverVersion, unreadableSchemas, url });
  });
}

/** The warning for schemas left out, naming them. */
export function unreadableMessage(read: Pick<LiveRead, 'unreadableSchemas' | 'url'>): string {
  const list = read.unreadableSchemas.map((s) => `"${s}"`).join(', ');
  const one = read.unreadableSchemas.length === 1;
  return `${read.url.masked}: this user may not use ${one ? 'schema' : 'schemas'} ${list} (no USAGE privilege), so ${one ? 'it was' : 'they were'} not read. Grant USAGE, or connect as a user who has it.`;
}
