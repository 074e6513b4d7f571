import * as Y from 'yjs';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  emptyLayout,
  parseDesign,
  type DesignDocument,
  type Layout,
  type ParseError,
  type Repair,
} from '../core/model';
import { err, ok, type Result } from '../core/result';
import { DOCUMENT_SHAPE, type CollectionShape } from './documentShape';
import { compareOrdered, keyBetween, spreadKeys } from './orderKeys';

/**
 * The design document as a Y.Doc, keyed by the stable ids the model has: one root Y.Map per
 * collection (`design.tables`, `layout.tables`...) so that two replicas that start empty merge
 * their collections instead of one replacing the other's, and one root Y.Map per part for its
 * single fields (`design`: id, name, review...).
 */

/** The key of an entity's order in its Y.Map (not a field name the model can have). */
const ORDER = '$order';
/** Keys that could reach Object.prototype in the objects read back: never read. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const ID = /^[^\s]{1,64}$/;

type Json = unknown;
type Entity = Record<string, Json>;
type Parts = keyof typeof DOCUMENT_SHAPE;
const PARTS = Object.keys(DOCUMENT_SHAPE) as Parts[];

const fieldsMap = (doc: Y.Doc, part: Parts) => doc.getMap<Json>(part);
const collectionMap = (doc: Y.Doc, part: Parts, name: string) =>
  doc.getMap<Y.Map<Json>>(`${part}.${name}`);

/**
 * Brings the Y.Doc to `next` with the fewest changes: entities compared by id, fields by value,
 * order keys kept where the order did not change. `previous` (the document the Y.Doc held, as
 * last read or written) lets unchanged entities be skipped by identity; without it every entity is
 * compared. One transaction with `origin`, so an UndoManager tracking that origin undoes it whole.
 */
export function writeSharedDocument(
  doc: Y.Doc,
  next: DesignDocument,
  origin: unknown,
  previous?: DesignDocument,
): void {
  doc.transact(() => {
    for (const part of PARTS) {
      const shape = DOCUMENT_SHAPE[part];
      const value = next[part] as unknown as Entity;
      const before = previous?.[part] as unknown as Entity | undefined;
      const fields = fieldsMap(doc, part);
      const skip = new Set([...Object.keys(shape.collections), ...shape.personal]);
      writeFields(fields, value, skip);
      for (const [name, collection] of Object.entries(shape.collections)) {
        writeCollection(collectionMap(doc, part, name), collection, value[name], before?.[name]);
      }
    }
  }, origin);
}

function writeFields(target: Y.Map<Json>, value: Entity, skip: ReadonlySet<string>): void {
  for (const [key, v] of Object.entries(value)) {
    if (skip.has(key)) continue;
    if (v === undefined) {
      if (target.has(key)) target.delete(key);
    } else if (!jsonEqual(target.get(key), v)) target.set(key, v);
  }
  for (const key of [...target.keys()]) {
    if (key !== ORDER && !skip.has(key) && !Object.hasOwn(value, key)) target.delete(key);
  }
}

function entitiesOf(shape: CollectionShape, value: Json): [string, Entity][] {
  if (shape.form === 'list') return ((value ?? []) as Entity[]).map((e) => [e.id as string, e]);
  return Object.entries((value ?? {}) as Record<string, Entity>);
}

function writeCollection(
  target: Y.Map<Y.Map<Json>>,
  shape: CollectionShape,
  value: Json,
  before: Json,
): void {
  const entries = entitiesOf(shape, value);
  const previous = new Map(before === undefined ? [] : entitiesOf(shape, before));
  const wanted = new Set(entries.map(([id]) => id));
  for (const id of [...target.keys()]) if (!wanted.has(id)) target.delete(id);
  const keys = shape.ordered
    ? orderKeysFor(
        target,
        entries.map(([id]) => id),
      )
    : undefined;
  const skip = new Set(Object.keys(shape.children ?? {}));
  for (const [id, entity] of entries) {
    let map = target.get(id);
    const fresh = !(map instanceof Y.Map);
    if (fresh) {
      target.set(id, new Y.Map());
      map = target.get(id)!;
    }
    const key = keys?.get(id);
    if (key !== undefined && map!.get(ORDER) !== key) map!.set(ORDER, key);
    // Same object as last time: nothing in it changed (the model is never mutated in place).
    if (!fresh && previous.get(id) === entity) continue;
    writeFields(map!, entity, skip);
    for (const [name, child] of Object.entries(shape.children ?? {})) {
      let inner = map!.get(name);
      if (!(inner instanceof Y.Map)) {
        map!.set(name, new Y.Map());
        inner = map!.get(name);
      }
      writeCollection(inner as Y.Map<Y.Map<Json>>, child, entity[name], previous.get(id)?.[name]);
    }
  }
}

/**
 * Order keys for `ids` in this order: the longest run of entities already in order keeps its
 * keys (so a move rewrites one key, not the rest), the others get keys between their neighbours.
 */
function orderKeysFor(target: Y.Map<Y.Map<Json>>, ids: string[]): Map<string, string> {
  const current = ids.map((id) => {
    const key = target.get(id)?.get(ORDER);
    return typeof key === 'string' && key !== '' ? key : undefined;
  });
  const kept = longestIncreasing(current);
  const result = new Map<string, string>();
  if (kept.size === 0 && ids.length > 1) {
    spreadKeys(ids.length).forEach((key, i) => result.set(ids[i]!, key));
    return result;
  }
  let previous: string | undefined;
  for (let i = 0; i < ids.length; i++) {
    let key: string;
    if (kept.has(i)) key = current[i]!;
    else {
      let next: string | undefined;
      for (let j = i + 1; j < ids.length; j++) {
        if (kept.has(j)) {
          next = current[j];
          break;
        }
      }
      key = keyBetween(previous, next);
    }
    result.set(ids[i]!, key);
    previous = key;
  }
  return result;
}

/** Indexes of a longest strictly increasing subsequence of the defined keys. */
function longestIncreasing(keys: (string | undefined)[]): Set<number> {
  const tails: number[] = [];
  const parent = new Array<number>(keys.length).fill(-1);
  keys.forEach((key, i) => {
    if (key === undefined) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = parent[i]!) kept.add(i);
  return kept;
}

/** The document as the Y.Doc holds it, valid, and what was mended or dropped to make it so. */
export interface SharedRead {
  doc: DesignDocument;
  /** Sentences for the people in the room: what concurrent edits (or a faulty peer) left dangling. */
  notices: Repair[];
  /**
   * What was dropped because it does not fit the model at all (a faulty or hostile peer wrote
   * it; concurrent edits never do): a change that adds to these is refused by the room.
   */
  malformed: Repair[];
}

/**
 * Reads the document back, always valid when it succeeds: entities that do not match the model
 * are dropped, references to what someone else deleted are repaired (`parseDesign` with
 * `repair`), tables in a schema someone deleted move to `public`. Every replica holding the same
 * Y state reads the same document and the same notices. Fails only when the design's own fields
 * are unusable (then the caller keeps the copy it had).
 */
export function readSharedDocument(
  doc: Y.Doc,
  personal: { viewport?: Layout['viewport'] } = {},
): Result<SharedRead, ParseError> {
  return readWith(doc, new WeakMap(), personal);
}

/** A checked entity as last read from its Y.Map: what a read reuses until the map changes. */
interface CachedEntity {
  value?: Entity;
  /** What was dropped reading it (itself, or entities nested in it). */
  dropped: Repair[];
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
type AnyType = Y.AbstractType<any>;
type EntityCache = WeakMap<AnyType, CachedEntity>;

/** Reads a Y.Doc again and again: only entities changed since the last read are checked again. */
export interface SharedReader {
  read(personal?: { viewport?: Layout['viewport'] }): Result<SharedRead, ParseError>;
  destroy(): void;
}

export function sharedReader(doc: Y.Doc): SharedReader {
  let cache: EntityCache = new WeakMap();
  const forget = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      // The entity that changed and every entity it is nested in (a column: its table).
      for (let t: AnyType | null = type; t; t = t._item?.parent as AnyType | null) cache.delete(t);
    }
  };
  doc.on('afterTransaction', forget);
  return {
    read: (personal = {}) => readWith(doc, cache, personal),
    destroy() {
      doc.off('afterTransaction', forget);
      cache = new WeakMap();
    },
  };
}

function readWith(
  doc: Y.Doc,
  cache: EntityCache,
  personal: { viewport?: Layout['viewport'] },
): Result<SharedRead, ParseError> {
  const notices: Repair[] = [];
  const malformed: Repair[] = [];
  const parts = {} as Record<Parts, Entity>;
  for (const part of PARTS) {
    const shape = DOCUMENT_SHAPE[part];
    const value = readFields(fieldsMap(doc, part));
    for (const [name, collection] of Object.entries(shape.collections)) {
      value[name] = readCollection(
        collectionMap(doc, part, name),
        collection,
        `${part}.${name}`,
        malformed,
        cache,
      );
    }
    parts[part] = value;
  }
  parts.layout.viewport = personal.viewport ?? emptyLayout().viewport;
  mendSchemas(parts.design, notices);
  const parsed = parseDesign(
    {
      format: DOCUMENT_FORMAT,
      version: DOCUMENT_VERSION,
      design: parts.design,
      layout: parts.layout,
    },
    { repair: true, clampLayout: true },
  );
  if (!parsed.ok) return err(parsed.error);
  return ok({
    doc: parsed.value.doc,
    notices: [...malformed, ...notices, ...parsed.value.repairs],
    malformed,
  });
}

function readFields(source: Y.Map<Json>): Entity {
  const out: Entity = {};
  for (const [key, v] of source.entries()) {
    if (key === ORDER || FORBIDDEN.has(key) || v instanceof Y.AbstractType) continue;
    out[key] = v;
  }
  return out;
}

function readCollection(
  source: Y.Map<Y.Map<Json>>,
  shape: CollectionShape,
  path: string,
  dropped: Repair[],
  cache: EntityCache,
): Json {
  const read: { id: string; key: string; value: Entity }[] = [];
  for (const [id, map] of source.entries()) {
    if (!(map instanceof Y.Map) || FORBIDDEN.has(id) || !ID.test(id)) {
      dropped.push({ message: `Dropped a ${shape.noun} that was not readable.`, path: `${path}` });
      continue;
    }
    let entity = cache.get(map);
    if (!entity) {
      entity = readEntity(map, id, shape, path, cache);
      cache.set(map, entity);
    }
    dropped.push(...entity.dropped);
    if (!entity.value) continue;
    const key = map.get(ORDER);
    read.push({ id, key: typeof key === 'string' ? key : '', value: entity.value });
  }
  read.sort(shape.ordered ? compareOrdered : (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (shape.form === 'list') return read.map((r) => r.value);
  return Object.fromEntries(read.map((r) => [r.id, r.value]));
}

function readEntity(
  map: Y.Map<Json>,
  id: string,
  shape: CollectionShape,
  path: string,
  cache: EntityCache,
): CachedEntity {
  const dropped: Repair[] = [];
  const value = readFields(map);
  for (const [name, child] of Object.entries(shape.children ?? {})) {
    const inner = map.get(name);
    value[name] =
      inner instanceof Y.Map
        ? readCollection(
            inner as Y.Map<Y.Map<Json>>,
            child,
            `${path}.${id}.${name}`,
            dropped,
            cache,
          )
        : [];
  }
  const checked = shape.schema.safeParse(value);
  const idMatches = shape.form === 'list' ? value.id === id : !('id' in value) || value.id === id;
  if (!checked.success || !idMatches) {
    const name = typeof value.name === 'string' ? ` "${value.name}"` : '';
    dropped.push({
      message: `Dropped the ${shape.noun}${name}: what arrived for it does not fit the design model.`,
      path: `${path}.${id}`,
    });
    return { dropped };
  }
  return { value: checked.data as Entity, dropped };
}

/**
 * Tables and enums whose schema someone else deleted meanwhile: moved to `public` (re-created
 * when it is gone too) rather than lost, with a notice. `parseDesign` cannot mend this one.
 */
function mendSchemas(design: Entity, notices: Repair[]): void {
  const schemas = (design.schemas ?? {}) as Record<string, Entity>;
  const homeless = (collection: 'tables' | 'enums') =>
    Object.values((design[collection] ?? {}) as Record<string, Entity>).filter(
      (e) => !Object.hasOwn(schemas, e.schemaId as string),
    );
  const tables = homeless('tables');
  const enums = homeless('enums');
  if (tables.length === 0 && enums.length === 0) return;
  let home = Object.values(schemas).find((s) => s.name === 'public')?.id as string | undefined;
  if (home === undefined) {
    home = Object.hasOwn(schemas, 's_public') ? 's_public_restored' : 's_public';
    design.schemas = { [home]: { id: home, name: 'public' }, ...schemas };
  }
  for (const [kind, collection, list] of [
    ['table', 'tables', tables],
    ['enum', 'enums', enums],
  ] as const) {
    for (const e of list) {
      notices.push({
        message: `Moved ${kind} "${String(e.name)}" to schema public: its schema was deleted by someone else.`,
        path: `design.${collection}.${String(e.id)}`,
      });
      // A new object: the one read may be cached for the next read.
      (design[collection] as Record<string, Entity>)[e.id as string] = { ...e, schemaId: home };
    }
  }
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as Json[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Entity)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Entity)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as Entity)[k], (b as Entity)[k]));
}
