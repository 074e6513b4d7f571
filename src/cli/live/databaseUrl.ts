import { err, ok, type Result } from '../../core/result';

/**
 * A PostgreSQL connection URL as the live commands take it (`postgres://user:password@host:port/db`,
 * libpq's form): checked before any connection, and always shown with the password masked.
 */
export interface DatabaseUrl {
  /** As given, for the driver. Never print it: print `masked`. */
  url: string;
  /** `postgres://user:***@host:port/db`: the password (in the user part or ?password=) masked. */
  masked: string;
  /** The database name (what a pulled design is named after). */
  database: string;
}

const EXAMPLE = 'postgres://user:password@host:5432/database';

/** The URL, or a sentence saying what is wrong with it (which never repeats a password). */
export function parseDatabaseUrl(text: string): Result<DatabaseUrl, string> {
  const masked = maskUrl(text);
  if (!/^postgres(ql)?:\/\//i.test(text))
    return err(`"${masked}" is not a PostgreSQL URL: write it as ${EXAMPLE}.`);
  const afterUser = text.slice(Math.max(text.indexOf('://') + 3, text.lastIndexOf('@') + 1));
  if (/^[/?#]|^$/.test(afterUser) && !/[?&]host=/.test(text))
    return err(`"${masked}" names no host: write it as ${EXAMPLE}.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err(`"${masked}" is not a valid URL: write it as ${EXAMPLE}.`);
  }
  const socketHost = url.searchParams.get('host');
  if (!url.hostname && !socketHost)
    return err(`"${masked}" names no host: write it as ${EXAMPLE}.`);
  if (url.port && !(Number(url.port) > 0 && Number(url.port) < 65536))
    return err(`"${masked}" has an invalid port.`);
  let database: string;
  try {
    database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  } catch {
    return err(`"${masked}" has a database name that is not valid percent-encoding.`);
  }
  if (database.includes('/'))
    return err(`"${masked}": the database name cannot contain "/" (write it as %2F).`);
  const user = safeDecode(url.username);
  return ok({ url: text, masked, database: database || user || 'postgres' });
}

/**
 * The URL with any password replaced by `***`: in the user part and in `password=` parameters.
 * Works on text that is not a valid URL too (it is what error messages quote).
 */
export function maskUrl(text: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
  let out = text;
  if (scheme) {
    // The user part ends at the last @: a password may hold an unencoded @ (masking more than
    // the password is the safe mistake).
    const at = text.lastIndexOf('@');
    const colon = text.indexOf(':', scheme[0].length);
    if (at > scheme[0].length && colon !== -1 && colon < at)
      out = `${text.slice(0, colon)}:***${text.slice(at)}`;
  }
  return out.replace(/([?&]password=)[^&#]*/gi, '$1***');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
