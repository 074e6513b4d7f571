/**
 * Starting PGlite: from the prebuilt data-directory snapshot when there is a usable one (about a
 * fourth of a cold boot, which runs initdb), otherwise cold. Kept apart from the worker entry so
 * Node tests and the bench can use it.
 */
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { err, ok, type Result } from '../core/result';
import type { BootInfo } from './protocol';

/** A snapshot ready to load, or why there is none. */
export type SnapshotLoad = Result<Blob, { message: string }>;

const GZIP_MAGIC = [0x1f, 0x8b] as const;
/** A tar header has `ustar` at byte 257: a server may have un-gzipped the file on the way. */
const TAR_MAGIC_OFFSET = 257;

function looksLikeGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

function looksLikeTar(bytes: Uint8Array): boolean {
  const magic = new TextDecoder().decode(bytes.subarray(TAR_MAGIC_OFFSET, TAR_MAGIC_OFFSET + 5));
  return magic === 'ustar';
}

/**
 * Fetch the snapshot and make sure it is one. The bytes are sniffed rather than trusted: a dev
 * server answers a missing file with index.html, and a host may serve the .tgz already
 * decompressed. PGlite picks gzip or tar from the Blob's type, so that is set from the bytes.
 */
export async function loadSnapshot(
  url: string | URL,
  fetchFn: typeof fetch = fetch,
): Promise<SnapshotLoad> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (thrown) {
    return err({ message: `could not download ${String(url)}: ${String(thrown)}` });
  }
  if (!response.ok) {
    return err({ message: `${String(url)} answered HTTP ${response.status}` });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (looksLikeGzip(bytes)) {
    return ok(new Blob([bytes], { type: 'application/x-gzip' }));
  }
  if (looksLikeTar(bytes)) {
    return ok(new Blob([bytes], { type: 'application/x-tar' }));
  }
  return err({
    message: `${String(url)} is not a data-directory snapshot (run \`npm run snapshot\`)`,
  });
}

/** Creates a PGlite instance; injectable so the fallback logic can be tested without one. */
export type CreatePglite = (options: PGliteOptions) => Promise<PGlite>;

const createPglite: CreatePglite = (options) => PGlite.create(options);

/** A running PGlite and how it started. */
export interface BootedPglite {
  pg: PGlite;
  info: BootInfo;
}

/**
 * Start PGlite from `snapshot` when given, falling back to a cold boot when it is missing or
 * PGlite refuses it (corrupt archive, data directory of another Postgres version). Throws only
 * when the cold boot fails too. `startedAt` (a `performance.now()` value) lets the caller count
 * the snapshot download in `bootMs`.
 */
export async function bootPglite(
  snapshot: SnapshotLoad | null,
  options: { create?: CreatePglite; startedAt?: number } = {},
): Promise<BootedPglite> {
  const create = options.create ?? createPglite;
  const startedAt = options.startedAt ?? performance.now();
  const bootMs = (): number => Math.round(performance.now() - startedAt);
  let problem =
    snapshot === null ? 'no snapshot given' : snapshot.ok ? undefined : snapshot.error.message;
  if (snapshot?.ok) {
    try {
      const pg = await create({ loadDataDir: snapshot.value });
      return { pg, info: { bootMs: bootMs(), fromSnapshot: true } };
    } catch (thrown) {
      problem = `PGlite could not load the snapshot (${thrown instanceof Error ? thrown.message : String(thrown)})`;
    }
  }
  const pg = await create({});
  const info: BootInfo = { bootMs: bootMs(), fromSnapshot: false };
  if (problem !== undefined) info.snapshotProblem = problem;
  return { pg, info };
}
