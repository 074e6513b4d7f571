/**
 * The design's database and contrib extensions. PGlite takes extensions only when it is created,
 * so when a design's DDL creates one the database was not started with (an imported schema using
 * pg_trgm, say), the engine starts a new database with it before the check; the check resets the
 * database anyway, so nothing is lost.
 */
import type { Extension } from '@electric-sql/pglite';
import { contribModulesFor } from '../core/import';
import { loadContribModules } from './import/contribModules';
import type { PgConnection } from './reset';

/** A database the engine can replace: PGlite, or anything with the same calls. */
export type ClosableConnection = PgConnection & { close(): Promise<void> };

/** Starts a fresh design database with these contrib extensions. */
export type ReopenWith = (extensions: Record<string, Extension>) => Promise<ClosableConnection>;

const CREATE_EXTENSION =
  /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi;

/**
 * Extension names in CREATE EXTENSION statements. A pattern over the text is enough here: it
 * only decides which modules to load; PostgreSQL still judges the statement.
 */
export function extensionNamesIn(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(CREATE_EXTENSION)) {
      const raw = match[1] as string;
      names.add(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toLowerCase());
    }
  }
  return [...names];
}

/** The design database, replaced by one with more extensions when DDL needs them. */
export class DesignDatabase {
  private readonly loaded = new Set<string>();

  constructor(
    private current: PgConnection,
    private readonly reopenWith?: ReopenWith,
  ) {}

  get connection(): PgConnection {
    return this.current;
  }

  /**
   * Makes sure the contrib modules behind the extensions these statements create are loaded.
   * When a new database cannot be started the old one stays, and the CREATE EXTENSION fails
   * there with PostgreSQL's own message.
   */
  async ensureExtensionsFor(texts: readonly string[]): Promise<void> {
    if (!this.reopenWith) return;
    const missing = contribModulesFor(extensionNamesIn(texts)).filter((m) => !this.loaded.has(m));
    if (missing.length === 0) return;
    try {
      const next = await this.reopenWith(await loadContribModules([...this.loaded, ...missing]));
      const old = this.current;
      this.current = next;
      for (const m of missing) this.loaded.add(m);
      await (old as Partial<ClosableConnection>).close?.().catch(() => undefined);
    } catch (thrown) {
      console.warn('[db] could not start a database with extensions', missing, thrown);
    }
  }
}
