import type { DBSchema } from 'idb';
import { newId, type DesignDocument } from '../core/model';

/** What the designs list shows, without the document: cheap to read for hundreds of designs. */
export interface DesignMeta {
  id: string;
  /** Always equal to the stored document's `design.name`. */
  name: string;
  /** Bumped by every write of the document (save, rename); the compare-and-swap token. */
  revision: number;
  createdAt: number;
  updatedAt: number;
  /** Set when the design is in the trash; `restore` clears it, `purge` deletes for real. */
  deletedAt?: number;
  tableCount: number;
}

/**
 * A stored design. `doc` is the DesignDocument as a plain object, typed `unknown` on purpose:
 * whatever was stored (by an older build, or damaged) goes through `parseDesign` before use.
 */
export interface DesignRecord extends DesignMeta {
  doc: unknown;
}

/** Per-design UI state remembered between visits (not part of the design). */
export interface DesignUiState {
  /** Selected table ids. */
  selection: string[];
  /** The column the inspector focused, if one table was selected. */
  columnId?: string;
  /** DDL typed in the editor and not (yet) valid: kept so a reload loses nothing the user typed. */
  ddlDraft?: string;
}

/** What the studio remembers between visits beyond the designs themselves. */
export interface Session {
  /** The design to reopen at startup. */
  lastDesignId?: string;
}

/**
 * The IndexedDB layout. `metas` mirrors `designs` minus the document and is written in the same
 * transaction, so listing never deserializes documents.
 */
export interface TablewrightDbSchema extends DBSchema {
  designs: { key: string; value: DesignRecord };
  metas: { key: string; value: DesignMeta };
  session: { key: string; value: unknown };
  versions: { key: string; value: VersionRecord; indexes: { byDesign: string } };
  /** A live room's shared document as this browser last had it, by room id (src/app/roomCache.ts). */
  rooms: { key: string; value: RoomRecord };
}

/** The Yjs state of a room's plaintext document; `state` is checked by Yjs before use. */
export interface RoomRecord {
  roomId: string;
  state: Uint8Array;
  savedAt: number;
}

/** A named snapshot of a design: saved by the person, or automatically (before risky steps, while editing). */
export interface VersionMeta {
  id: string;
  designId: string;
  name: string;
  /** Made by the studio rather than the person; old automatic versions are pruned. */
  auto: boolean;
  createdAt: number;
  tableCount: number;
}

/** A stored version; `doc` goes through `parseDesign` before use, like a design's. */
export interface VersionRecord extends VersionMeta {
  doc: unknown;
}

/** Version 2 added the `versions` store; version 3 the `rooms` store. */
export const DB_VERSION = 3;
export const SESSION_LAST_DESIGN = 'lastDesignId';
export const uiStateKey = (designId: string) => `ui:${designId}`;

export function metaOf(record: DesignRecord): DesignMeta {
  const meta: DesignMeta = {
    id: record.id,
    name: record.name,
    revision: record.revision,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    tableCount: record.tableCount,
  };
  if (record.deletedAt !== undefined) meta.deletedAt = record.deletedAt;
  return meta;
}

export function recordOf(
  doc: DesignDocument,
  revision: number,
  now: number,
  previous?: DesignRecord,
): DesignRecord {
  const record: DesignRecord = {
    id: doc.design.id,
    name: doc.design.name,
    doc,
    revision,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    tableCount: Object.keys(doc.design.tables).length,
  };
  if (previous?.deletedAt !== undefined) record.deletedAt = previous.deletedAt;
  return record;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const finiteOr = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/**
 * Reads a stored meta tolerantly: a damaged one still lists (with defaults) so the person can
 * open it (and read why it fails) or delete it. Undefined only when it has no usable id.
 */
export function readMeta(value: unknown): DesignMeta | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || !value.id) return undefined;
  const updatedAt = finiteOr(value.updatedAt, 0);
  const meta: DesignMeta = {
    id: value.id,
    name: typeof value.name === 'string' ? value.name : 'Untitled design',
    revision: finiteOr(value.revision, 0),
    createdAt: finiteOr(value.createdAt, updatedAt),
    updatedAt,
    tableCount: finiteOr(value.tableCount, 0),
  };
  if (typeof value.deletedAt === 'number') meta.deletedAt = value.deletedAt;
  return meta;
}

/** The stored revision of a record, 0 when it is missing or damaged (so a CAS never matches by accident). */
export function storedRevision(value: unknown): number {
  return isRecord(value) ? finiteOr(value.revision, 0) : 0;
}

export function readSession(value: unknown): Session {
  return typeof value === 'string' && value ? { lastDesignId: value } : {};
}

export function readDesignUiState(value: unknown): DesignUiState {
  if (!isRecord(value)) return { selection: [] };
  const selection = Array.isArray(value.selection)
    ? value.selection.filter((s): s is string => typeof s === 'string')
    : [];
  const state: DesignUiState =
    typeof value.columnId === 'string' ? { selection, columnId: value.columnId } : { selection };
  if (typeof value.ddlDraft === 'string') state.ddlDraft = value.ddlDraft;
  return state;
}

/**
 * The same document under a fresh design id (and optionally a new name): for duplicates, "keep
 * mine as a copy" and imports of a design already stored. Entity ids stay; they are per design.
 */
export function withNewDesignId(
  doc: DesignDocument,
  name: string = doc.design.name,
): DesignDocument {
  return { ...doc, design: { ...doc.design, id: newId('d'), name } };
}

/** The name of a copy: "Shop" -> "Shop (copy)". */
export function copyName(name: string): string {
  return `${name} (copy)`;
}
