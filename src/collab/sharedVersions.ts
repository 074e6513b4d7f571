import { deflateSync } from 'fflate';
import * as Y from 'yjs';
import { parseDesign, type DesignDocument, type Repair } from '../core/model';
import { err, ok, type Result } from '../core/result';
import { inflateCapped, type InflateProblem } from '../core/share/inflateCapped';

/**
 * Named versions shared in a room. They live in the room's plaintext document beside the design
 * (one root Y.Map, `versions`, keyed by version id), so they travel the way the design does:
 * sealed and signed by `EncryptedRoom`, checked on its mirror before they are applied (a hostile
 * one refuses the whole change that carries it, so it is never stored), kept in the room cache
 * for offline work, and merged on reconnect. A version is a whole design: its document is kept
 * deflated, a write-once value; its name and author sit beside it so a list costs no inflating.
 */

/** The root map of the plaintext doc that holds the room's versions. */
export const VERSIONS = 'versions';

/** The origin of this replica's version changes: not an undo step, not a design change. */
export const VERSION_ORIGIN = Symbol('tablewright shared version');

/** What one shared version is, as listed. */
export interface SharedVersionMeta {
  id: string;
  name: string;
  /** Who saved it, as their profile named them then (and their colour). */
  savedBy: { name: string; colour: string };
  savedAt: number;
  tableCount: number;
  /** Its compressed size in the room. */
  bytes: number;
}

/** A shared version as the plaintext doc stores it (one Yjs value). */
interface StoredVersion {
  v: 1;
  name: string;
  by: string;
  colour: string;
  at: number;
  tables: number;
  data: Uint8Array;
}

export interface VersionLimits {
  maxNameChars: number;
  /** One version's compressed size (well below a sealed blob's cap). */
  maxVersionBytes: number;
  /** What one version may inflate to: a bomb stops here. */
  maxInflatedBytes: number;
  /** All the room's versions together: the room's relay has a size cap, the design needs room too. */
  maxTotalBytes: number;
}

/**
 * A 1,000-table design is about 100 KB as a version (1.4 MB of JSON) and 2.5 MB as the room's
 * live document; a writer's compaction snapshot holds both and must stay under a sealed blob's
 * 8 MB cap, so the room keeps 4 MB for versions (some forty versions of such a design).
 */
export const DEFAULT_VERSION_LIMITS: VersionLimits = {
  maxNameChars: 200,
  maxVersionBytes: 2 * 1024 * 1024,
  maxInflatedBytes: 32 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024,
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A size as a person reads it: KB under a megabyte, MB with one decimal above. */
export const formatBytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const versionsMap = (doc: Y.Doc) => doc.getMap<unknown>(VERSIONS);

/** True when a transaction changed the room's versions and nothing of the design. */
export function onlyVersionsChanged(tr: Y.Transaction): boolean {
  const versions = versionsMap(tr.doc);
  if (tr.changed.size === 0) return false;
  for (const type of tr.changed.keys()) if ((type as unknown) !== versions) return false;
  return true;
}

/** Compresses a document as a version keeps it. */
export function packVersion(doc: DesignDocument): Uint8Array {
  return deflateSync(new TextEncoder().encode(JSON.stringify(doc)), { level: 6 });
}

/** Why a stored value is not a shared version, or the version's listing. */
function readMeta(
  id: string,
  value: unknown,
  limits: VersionLimits,
): Result<SharedVersionMeta, string> {
  if (!ID.test(id)) return err('a version has an id no version has.');
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return err('a version is not laid out as a version is.');
  const v = value as Partial<StoredVersion>;
  if (v.v !== 1) return err('a version is in a format this studio does not read.');
  if (typeof v.name !== 'string' || !v.name.trim() || v.name.length > limits.maxNameChars)
    return err(`a version’s name is missing or longer than ${limits.maxNameChars} characters.`);
  if (typeof v.by !== 'string' || v.by.length > 100 || typeof v.colour !== 'string')
    return err('a version does not say who saved it.');
  if (!/^#[0-9a-fA-F]{6}$/.test(v.colour)) return err('a version’s colour is not a colour.');
  if (typeof v.at !== 'number' || !Number.isFinite(v.at) || v.at < 0)
    return err('a version does not say when it was saved.');
  if (typeof v.tables !== 'number' || !Number.isInteger(v.tables) || v.tables < 0)
    return err('a version does not say how many tables it has.');
  if (!(v.data instanceof Uint8Array)) return err('a version carries no design.');
  if (v.data.length > limits.maxVersionBytes)
    return err(
      `a version of ${formatBytes(v.data.length)} is over the ${formatBytes(limits.maxVersionBytes)} a version may take.`,
    );
  return ok({
    id,
    name: v.name,
    savedBy: { name: v.by, colour: v.colour },
    savedAt: v.at,
    tableCount: v.tables,
    bytes: v.data.length,
  });
}

/** The document a version carries, validated like a share link's (`parseDesign`, size caps). */
function readDocument(
  data: Uint8Array,
  limits: VersionLimits,
): Result<{ doc: DesignDocument; repairs: Repair[] }, string> {
  const inflated = inflateCapped(data, limits.maxInflatedBytes);
  if (!inflated.ok) return err(INFLATE_PROBLEMS[inflated.error](limits.maxInflatedBytes));
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.value));
  } catch {
    return err('a version’s design is not readable.');
  }
  const parsed = parseDesign(value, { clampLayout: true, repair: true });
  if (!parsed.ok) return err(`a version’s design is not valid: ${parsed.error.message}`);
  return ok(parsed.value);
}

/** The room's versions, newest first; anything that is not a version is left out. */
export function listSharedVersions(
  doc: Y.Doc,
  limits: VersionLimits = DEFAULT_VERSION_LIMITS,
): SharedVersionMeta[] {
  const out: SharedVersionMeta[] = [];
  versionsMap(doc).forEach((value, id) => {
    const meta = readMeta(id, value, limits);
    if (meta.ok) out.push(meta.value);
  });
  return out.sort((a, b) => b.savedAt - a.savedAt || b.id.localeCompare(a.id));
}

/** Opens one of the room's versions. */
export function loadSharedVersion(
  doc: Y.Doc,
  id: string,
  limits: VersionLimits = DEFAULT_VERSION_LIMITS,
): Result<{ meta: SharedVersionMeta; doc: DesignDocument; repairs: Repair[] }, string> {
  const value = versionsMap(doc).get(id);
  if (value === undefined) return err('This version is no longer in the room.');
  const meta = readMeta(id, value, limits);
  if (!meta.ok) return err(`This version cannot be opened: ${meta.error}`);
  const read = readDocument((value as StoredVersion).data, limits);
  if (!read.ok) return err(`This version cannot be opened: ${read.error}`);
  return ok({ meta: meta.value, ...read.value });
}

export interface NewSharedVersion {
  id: string;
  name: string;
  savedBy: { name: string; colour: string };
  savedAt: number;
  doc: DesignDocument;
}

/**
 * Puts a version in the room (one transaction, `VERSION_ORIGIN`), or says why not: a name too
 * long, a design too large for a version, or the room's versions already at their budget.
 */
export function addSharedVersion(
  doc: Y.Doc,
  version: NewSharedVersion,
  limits: VersionLimits = DEFAULT_VERSION_LIMITS,
): Result<SharedVersionMeta, string> {
  const name = version.name.trim();
  if (!name) return err('A shared version needs a name.');
  if (name.length > limits.maxNameChars)
    return err(`A version’s name can be at most ${limits.maxNameChars} characters.`);
  const data = packVersion(version.doc);
  if (data.length > limits.maxVersionBytes)
    return err(
      `This design takes ${formatBytes(data.length)} as a version, more than the ${formatBytes(limits.maxVersionBytes)} a shared version may take. Save it as a version of your own instead (outside the room), or export the design.`,
    );
  const used = listSharedVersions(doc, limits).reduce((sum, v) => sum + v.bytes, 0);
  if (used + data.length > limits.maxTotalBytes)
    return err(
      `The room’s versions take ${formatBytes(used)}; this one (${formatBytes(data.length)}) would pass the ${formatBytes(limits.maxTotalBytes)} a room keeps for versions. Delete an old shared version first.`,
    );
  const stored: StoredVersion = {
    v: 1,
    name,
    by: version.savedBy.name.slice(0, 100),
    colour: version.savedBy.colour,
    at: version.savedAt,
    tables: Object.keys(version.doc.design.tables).length,
    data,
  };
  const meta = readMeta(version.id, stored, limits);
  if (!meta.ok) return err(`The version cannot be shared: ${meta.error}`);
  doc.transact(() => versionsMap(doc).set(version.id, stored), VERSION_ORIGIN);
  return meta;
}

/** Takes a version out of the room, for everyone. */
export function removeSharedVersion(doc: Y.Doc, id: string): void {
  const versions = versionsMap(doc);
  if (versions.has(id)) doc.transact(() => versions.delete(id), VERSION_ORIGIN);
}

/**
 * A check for a trial copy of the room's document (the encrypted room's mirror): the first
 * version in it that is not a valid one, as a sentence, or undefined. Each stored value is
 * checked once (versions are written once), so a change costs only the versions it brings.
 */
export function sharedVersionsCheck(
  limits: VersionLimits = DEFAULT_VERSION_LIMITS,
): (doc: Y.Doc) => string | undefined {
  const checked = new WeakSet<object>();
  return (doc) => {
    if (!doc.share.has(VERSIONS)) return undefined;
    let map: Y.Map<unknown>;
    try {
      map = versionsMap(doc);
    } catch {
      return 'A shared version was refused: the room’s versions are not laid out as versions are.';
    }
    let refusal: string | undefined;
    map.forEach((value, id) => {
      if (refusal || (typeof value === 'object' && value !== null && checked.has(value))) return;
      const meta = readMeta(id, value, limits);
      const read = meta.ok ? readDocument((value as StoredVersion).data, limits) : meta;
      if (!read.ok) refusal = `A shared version was refused: ${read.error}`;
      else checked.add(value as object);
    });
    return refusal;
  };
}

/** What a version's compressed design says when it cannot be inflated within `max` bytes. */
const INFLATE_PROBLEMS: Record<InflateProblem, (max: number) => string> = {
  tooLarge: (max) => `a version expands to more than ${formatBytes(max)}.`,
  corrupt: () => 'a version’s compressed design does not decode.',
  truncated: () => 'a version’s compressed design is cut off.',
};
