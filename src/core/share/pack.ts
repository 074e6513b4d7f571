import { newId, type IdPrefix } from '../model/ids';

/**
 * The compact JSON of a v2 share link. A stored document spends most of its bytes on what a link
 * does not need: random ids (incompressible), an id repeated as its record's key, and the same
 * keys on every column. Packing, without knowing the model beyond where ids live:
 * - ids become counters in order of first appearance; an entity's own id is written as `0` when it
 *   is simply the next counter (most are), so it costs one byte;
 * - records keyed by their values' ids become arrays;
 * - arrays of objects become a key header and rows (`{"$k": [...], "$r": [[...], ...]}`), an absent
 *   field written as null (the model has no nulls).
 * Unpacking reverses it and gives every entity a fresh random id.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

/** Fields that hold an id or ids, and records keyed by id: the only places ids are touched. */
const ID_FIELDS = /^(id|.*Id|.*Ids|include|inherits|attachedTo|clusterOn|dependsOn)$/;
const ID_KEYED_RECORDS = new Set(['schemas', 'enums', 'tables', 'notes']);
const MAX_DEPTH = 64;

const isObj = (v: Json | undefined): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function pack(doc: Json): Json {
  const counters = new Map<string, string>();
  const short = (id: string): string => {
    let found = counters.get(id);
    if (found === undefined) {
      found = prefixOf(id) + counters.size.toString(36);
      counters.set(id, found);
    }
    return found;
  };
  const field = (o: Obj, key: string, depth: number): Json => {
    const v = o[key]!;
    if (key === 'id' && typeof v === 'string' && !counters.has(v)) {
      short(v);
      return prefixOf(v); // implicit: the next counter
    }
    return walk(v, key, depth);
  };
  const walk = (v: Json, key: string, depth: number): Json => {
    if (depth > MAX_DEPTH) throw new Error('The design is nested too deeply to share.');
    if (typeof v === 'string') return ID_FIELDS.test(key) ? short(v) : v;
    if (Array.isArray(v)) {
      if (v.length > 1 && v.every(isObj)) {
        const keys: string[] = [];
        for (const o of v as Obj[])
          for (const k of Object.keys(o)) if (!keys.includes(k)) keys.push(k);
        return {
          $k: keys,
          $r: (v as Obj[]).map((o) => keys.map((k) => (k in o ? field(o, k, depth + 1) : null))),
        };
      }
      return v.map((x) => walk(x, isObj(x) ? '' : key, depth + 1));
    }
    if (isObj(v)) {
      const entries = Object.entries(v);
      if (!ID_KEYED_RECORDS.has(key))
        return Object.fromEntries(entries.map(([k]) => [k, field(v, k, depth + 1)]));
      if (entries.every(([k, x]) => isObj(x) && x.id === k))
        return walk(
          entries.map(([, x]) => x),
          '',
          depth + 1,
        );
      return Object.fromEntries(entries.map(([k, x]) => [short(k), walk(x, '', depth + 1)]));
    }
    return v;
  };
  return walk(doc, '', 0);
}

/** Inverse of `pack`, for untrusted input: bounded depth, own properties only, fresh ids. */
export function unpack(packed: Json): Json {
  const long = new Map<string, string>();
  const bind = (s: string, prefix: string): string => {
    const id = newId(toPrefix(prefix));
    long.set(s, id);
    return id;
  };
  // A short id's text is its prefix and its counter: the first sight of one binds a fresh id.
  const expand = (s: string): string => long.get(s) ?? bind(s, s.charAt(0));
  const field = (key: string, v: Json, depth: number): Json => {
    if (key === 'id' && typeof v === 'string' && /^[a-z]$/.test(v))
      return bind(v + long.size.toString(36), v);
    return walk(v, key, depth);
  };
  const rows = (v: Obj, depth: number): Json[] | undefined => {
    const keys = v.$k;
    const table = v.$r;
    if (!Array.isArray(keys) || !Array.isArray(table) || !keys.every((k) => typeof k === 'string'))
      return undefined;
    return table.map((row) => {
      if (!Array.isArray(row)) throw new Error('A packed row is not an array.');
      const entries: [string, Json][] = [];
      (keys as string[]).forEach((k, i) => {
        const cell = row[i];
        if (cell !== null && cell !== undefined) entries.push([k, field(k, cell, depth + 1)]);
      });
      return Object.fromEntries(entries) as Json;
    });
  };
  const byId = (items: Json[]): Json =>
    Object.fromEntries(items.map((x) => [isObj(x) && typeof x.id === 'string' ? x.id : '', x]));
  const walk = (v: Json, key: string, depth: number): Json => {
    if (depth > MAX_DEPTH) throw new Error('The design is nested too deeply.');
    if (typeof v === 'string') return ID_FIELDS.test(key) ? expand(v) : v;
    if (Array.isArray(v)) {
      const items = v.map((x) => walk(x, isObj(x) ? '' : key, depth + 1));
      return ID_KEYED_RECORDS.has(key) ? byId(items) : items;
    }
    if (isObj(v)) {
      const table = rows(v, depth);
      if (table) return ID_KEYED_RECORDS.has(key) ? byId(table) : table;
      const keyed = ID_KEYED_RECORDS.has(key);
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) =>
          keyed ? [expand(k), walk(x, '', depth + 1)] : [k, field(k, x, depth + 1)],
        ),
      );
    }
    return v;
  };
  return walk(packed, '', 0);
}

function prefixOf(id: string): string {
  // Ids without a kind prefix (none are made so, but a file may hold some) count as raw objects.
  const m = /^([a-z])_/.exec(id);
  return m ? m[1]! : 'x';
}

const PREFIXES = new Set<IdPrefix>(['d', 's', 't', 'c', 'k', 'i', 'e', 'n', 'x', 'a', 'h', 'm']);
function toPrefix(p: string): IdPrefix {
  return PREFIXES.has(p as IdPrefix) ? (p as IdPrefix) : 'x';
}
