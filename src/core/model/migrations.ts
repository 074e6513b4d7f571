/**
 * Ordered migrations of the document format: `MIGRATIONS[n]` turns a version-n document into
 * version n+1. They run on untrusted JSON before any validation, so each one only fills or renames
 * what it finds and leaves anything of an unexpected shape for the schema to refuse with its path.
 * Add one when the format changes, bump DOCUMENT_VERSION, and keep a golden file of the old version.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `record` with `defaults` filled in where the key is absent (a present value is left to the schema). */
function withDefaults(
  record: Record<string, unknown>,
  defaults: Record<string, () => unknown>,
): Record<string, unknown> {
  const next = { ...record };
  for (const [key, make] of Object.entries(defaults))
    if (next[key] === undefined) next[key] = make();
  return next;
}

const mapArray = (v: unknown, f: (item: unknown) => unknown): unknown =>
  Array.isArray(v) ? v.map(f) : v;

const mapValues = (v: unknown, f: (item: unknown) => unknown): unknown =>
  isRecord(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, f(x)])) : v;

function constraintV2(k: unknown): unknown {
  if (!isRecord(k) || (k.kind !== 'primaryKey' && k.kind !== 'unique')) return k;
  return withDefaults(k, { include: () => [] });
}

function tableV2(t: unknown): unknown {
  if (!isRecord(t)) return t;
  const table = withDefaults(t, { inherits: () => [], storageParameters: () => [] });
  return { ...table, constraints: mapArray(table.constraints, constraintV2) };
}

const extraV2 = (x: unknown): unknown =>
  isRecord(x) ? withDefaults(x, { dependsOn: () => [] }) : x;

/**
 * Version 1 grew optional fields as the studio grew (raw objects, the review, saved queries,
 * inheritance, storage parameters, INCLUDE, a raw object's dependencies), and every reader had to
 * guess their absence. Version 2 has them all, empty where version 1 left them out.
 */
const fillVersion1Defaults: Migration = (doc) => {
  if (!isRecord(doc.design)) return doc;
  const design = withDefaults(doc.design, {
    extras: () => [],
    review: () => ({ disabledRules: [] }),
    queries: () => [],
  });
  design.tables = mapValues(design.tables, tableV2);
  design.extras = mapArray(design.extras, extraV2);
  return { ...doc, version: 2, design };
};

/** Version 3 adds subject areas and discussion threads: a version-2 design has neither. */
const addAreas: Migration = (doc) => {
  if (!isRecord(doc.design)) return doc;
  const design = withDefaults(doc.design, { areas: () => [], threads: () => [] });
  return { ...doc, version: 3, design };
};

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: fillVersion1Defaults,
  2: addAreas,
};
