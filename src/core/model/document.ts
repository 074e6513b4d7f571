import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { designSchema, type Design } from './schema';
import { emptyLayout, layoutSchema, type Layout } from './layout';
import { checkIntegrity } from './integrity';
import { MIGRATIONS } from './migrations';
import { repairDangling, type Repair } from './repair';

/** The format version this build writes. Every version ever shipped must keep decoding. */
export const DOCUMENT_VERSION = 3;
export const DOCUMENT_FORMAT = 'tablewright.design';

/** What is stored, shared and exported: a versioned envelope around the design and its layout. */
export interface DesignDocument {
  format: typeof DOCUMENT_FORMAT;
  version: typeof DOCUMENT_VERSION;
  design: Design;
  layout: Layout;
}

export interface ParseError {
  /** A sentence for the person who opened the file or link. */
  message: string;
  /** Where in the document the problem is, e.g. `design.tables.t_1.columns.0.type`. */
  path?: string;
}

const envelopeSchema = z.object({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.number().int().positive(),
});

const documentSchema = z.object({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION),
  design: designSchema,
  layout: layoutSchema.optional(),
});

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys that could reach Object.prototype when a document is merged or spread elsewhere. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function findForbiddenKey(value: unknown, path: string, depth = 0): string | undefined {
  if (depth > 64) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `${path}.${key}`;
      const found = findForbiddenKey(value[key], `${path}.${key}`, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The one door into the model for anything stored or shared: JSON text or an already-parsed value.
 * Tolerant of older versions (migrated) and of a missing layout; strict about everything the
 * studio would otherwise trip over later (types, dangling references, duplicate names).
 */
export interface ParseOptions {
  /**
   * For the person's own stored designs: layout numbers past what the canvas can show are brought
   * within range rather than refused, so a design never becomes impossible to open. Links and
   * files from elsewhere are refused instead (the default).
   */
  clampLayout?: boolean;
  /**
   * For the person's own stored designs too: a dangling reference (a foreign key to a table that
   * is gone, an index on a missing column, layout of a missing table...) is dropped rather than
   * refused, and each drop is listed so the studio can say what it mended. Links and files from
   * elsewhere are refused instead (the default): they are not the person's own work to mend.
   */
  repair?: boolean;
}

/** A stored design as it opens, and what was dropped from it to open it (see `ParseOptions.repair`). */
export interface RepairedDocument {
  doc: DesignDocument;
  repairs: Repair[];
}

export function parseDesign(
  input: unknown,
  options: ParseOptions & { repair: true },
): Result<RepairedDocument, ParseError>;
export function parseDesign(
  input: unknown,
  options?: ParseOptions & { repair?: false },
): Result<DesignDocument, ParseError>;
export function parseDesign(
  input: unknown,
  options: ParseOptions = {},
): Result<DesignDocument | RepairedDocument, ParseError> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return err({
        message: `This is not a Tablewright design: the JSON is malformed (${(e as Error).message}).`,
      });
    }
  }
  if (!isRecord(value))
    return err({ message: 'This is not a Tablewright design: expected a JSON object.' });
  const head = envelopeSchema.safeParse(value);
  if (!head.success) {
    return err({
      message: `This is not a Tablewright design: it lacks the "format": "${DOCUMENT_FORMAT}" header and a version.`,
    });
  }
  if (head.data.version > DOCUMENT_VERSION) {
    return err({
      message: `This design was saved by a newer Tablewright (format version ${head.data.version}; this one reads up to ${DOCUMENT_VERSION}). Update the studio to open it.`,
    });
  }
  const forbidden = findForbiddenKey(value, '$');
  if (forbidden)
    return err({
      message: `The design contains a forbidden key at ${forbidden}.`,
      path: forbidden,
    });

  let doc: Record<string, unknown> = value;
  for (let v = head.data.version; v < DOCUMENT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return err({ message: `No migration from format version ${v}.` });
    doc = migrate(doc);
  }

  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.map(String).join('.') : undefined;
    const place = issue ? placeOf(doc, issue.path.map(String)) : undefined;
    return err({
      message: `The design is damaged${place ? ` at ${place}` : path ? ` at ${path}` : ''}: ${issue?.message ?? 'invalid'}.`,
      path,
    });
  }
  const repaired = options.repair
    ? repairDangling(parsed.data.design)
    : { design: parsed.data.design, repairs: [] };
  const design = repaired.design;
  const integrity = checkIntegrity(design);
  if (integrity) return err(integrity);
  const given = parsed.data.layout ?? emptyLayout();
  const pruned = pruneLayout(given, design);
  const layout = options.clampLayout ? clampLayout(pruned) : pruned;
  const outside = findOutOfBounds(layout);
  if (outside) return err(outside);
  const result: DesignDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    design,
    layout,
  };
  if (!options.repair) return ok(result);
  return ok({ doc: result, repairs: [...repaired.repairs, ...prunedLayoutRepairs(given, pruned)] });
}

/** Layout of tables and notes that are gone: dropped from every document, and listed when repairing. */
function prunedLayoutRepairs(given: Layout, pruned: Layout): Repair[] {
  const gone = (kind: 'tables' | 'notes') =>
    Object.keys(given[kind])
      .filter((id) => !Object.hasOwn(pruned[kind], id))
      .map((id) => ({
        message: `Dropped the position of a ${kind === 'tables' ? 'table' : 'note'} that no longer exists.`,
        path: `layout.${kind}.${id}`,
      }));
  return [...gone('tables'), ...gone('notes')];
}

/**
 * What the canvas can draw. Finite is not enough: `x = 1e308` or `zoom = 5e-324` pass a finiteness
 * check and leave a blank canvas, then NaN after Fit view. Refused like NaN, with the place.
 */
export const LAYOUT_BOUNDS = {
  /** Largest |x| and |y| of a table or note; 1,000 tables laid out span a few ten thousands. */
  position: 1_000_000,
  /** Largest |x| and |y| of the viewport (screen pixels): a position at the largest zoom, and more. */
  viewportOffset: 3_000_000,
  /** A table's drawn width (NODE_WIDTH, 260, when unset): room for a name at least, at most a wide screen's worth. */
  width: { min: 40, max: 4_000 },
  /** The canvas's zoom range (React Flow's minZoom and maxZoom in the canvas); far enough out that Fit view shows 1,000 tables whole. */
  zoom: { min: 0.02, max: 2.5 },
} as const;

/**
 * Where a damaged value is, in the words of the person who will read it: the table's or column's
 * name rather than the internal id the path holds ("table "orders" (layout.tables.t_7.x)").
 */
function placeOf(doc: Record<string, unknown>, path: string[]): string | undefined {
  const tables = (
    doc.design as
      { tables?: Record<string, { name?: unknown; columns?: { name?: unknown }[] }> } | undefined
  )?.tables;
  const tableId =
    path[0] === 'layout' && path[1] === 'tables'
      ? path[2]
      : path[0] === 'design' && path[1] === 'tables'
        ? path[2]
        : undefined;
  const table =
    tableId !== undefined && tables && Object.hasOwn(tables, tableId) ? tables[tableId] : undefined;
  if (!table || typeof table.name !== 'string') return undefined;
  const where = path.join('.');
  if (path[0] === 'layout') return `the position of table "${table.name}" (${where})`;
  if (path[3] === 'columns' && path[4] !== undefined) {
    const column = table.columns?.[Number(path[4])];
    if (column && typeof column.name === 'string')
      return `column "${table.name}"."${column.name}" (${where})`;
  }
  return `table "${table.name}" (${where})`;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** The layout with every number within LAYOUT_BOUNDS (see `ParseOptions.clampLayout`). */
function clampLayout(layout: Layout): Layout {
  const p = LAYOUT_BOUNDS.position;
  const at = <T extends { x: number; y: number }>(l: T, limit: number = p): T => ({
    ...l,
    x: clamp(l.x, -limit, limit),
    y: clamp(l.y, -limit, limit),
  });
  const tables: Layout['tables'] = {};
  for (const [id, t] of Object.entries(layout.tables)) {
    const placed = at(t);
    tables[id] =
      t.width === undefined
        ? placed
        : { ...placed, width: clamp(t.width, LAYOUT_BOUNDS.width.min, LAYOUT_BOUNDS.width.max) };
  }
  const notes: Layout['notes'] = {};
  for (const [id, n] of Object.entries(layout.notes)) notes[id] = at(n);
  const viewport = at(
    {
      ...layout.viewport,
      zoom: clamp(layout.viewport.zoom, LAYOUT_BOUNDS.zoom.min, LAYOUT_BOUNDS.zoom.max),
    },
    LAYOUT_BOUNDS.viewportOffset,
  );
  return { ...layout, tables, notes, viewport };
}

function findOutOfBounds(layout: Layout): ParseError | undefined {
  const outside = (path: string, value: number, range: string): ParseError => ({
    message: `The design is damaged at ${path}: ${value} is outside what the canvas can show (${range}).`,
    path,
  });
  const p = LAYOUT_BOUNDS.position;
  const position = (path: string, at: { x: number; y: number }, limit: number = p) => {
    for (const axis of ['x', 'y'] as const) {
      if (Math.abs(at[axis]) > limit)
        return outside(
          `${path}.${axis}`,
          at[axis],
          `-${limit.toLocaleString('en')} to ${limit.toLocaleString('en')}`,
        );
    }
    return undefined;
  };
  for (const [id, t] of Object.entries(layout.tables)) {
    const found = position(`layout.tables.${id}`, t);
    if (found) return found;
    const { min, max } = LAYOUT_BOUNDS.width;
    if (t.width !== undefined && (t.width < min || t.width > max))
      return outside(`layout.tables.${id}.width`, t.width, `${min} to ${max.toLocaleString('en')}`);
  }
  for (const [id, n] of Object.entries(layout.notes)) {
    const found = position(`layout.notes.${id}`, n);
    if (found) return found;
  }
  const v = layout.viewport;
  const { min, max } = LAYOUT_BOUNDS.zoom;
  if (v.zoom < min || v.zoom > max)
    return outside('layout.viewport.zoom', v.zoom, `${min} to ${max}`);
  return position('layout.viewport', v, LAYOUT_BOUNDS.viewportOffset);
}

/**
 * Layout entries for entities that no longer exist are dropped rather than rejected. Views (kept
 * as extras) are drawn too, so their positions live beside the tables'.
 */
function pruneLayout(layout: Layout, design: Design): Layout {
  const drawn = new Set([
    ...Object.keys(design.tables),
    ...design.extras.filter((x) => x.columns).map((x) => x.id),
  ]);
  const tables: Layout['tables'] = {};
  for (const [tid, l] of Object.entries(layout.tables)) if (drawn.has(tid)) tables[tid] = l;
  const notes: Layout['notes'] = {};
  for (const [nid, l] of Object.entries(layout.notes)) if (design.notes[nid]) notes[nid] = l;
  if (!layout.routes) return { ...layout, tables, notes };
  // A route of a foreign key that is gone is dropped like the layout of a table that is gone.
  const keys = new Set(
    Object.values(design.tables).flatMap((t) =>
      t.constraints.flatMap((k) => (k.kind === 'foreignKey' ? [k.id] : [])),
    ),
  );
  const routes: NonNullable<Layout['routes']> = {};
  for (const [kid, r] of Object.entries(layout.routes)) if (keys.has(kid)) routes[kid] = r;
  return { ...layout, tables, notes, routes };
}

/**
 * A bare design, without the envelope, as format version `version` wrote it (the golden designs of
 * tests are kept bare): migrated and checked exactly as a whole document would be.
 */
export function parseBareDesign(design: unknown, version: number): Result<Design, ParseError> {
  const parsed = parseDesign({ format: DOCUMENT_FORMAT, version, design });
  return parsed.ok ? ok(parsed.value.design) : parsed;
}

export function makeDocument(design: Design, layout: Layout): DesignDocument {
  return { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, design, layout };
}

/** Stable serialization: the same document always gives the same bytes. */
export function serializeDocument(doc: DesignDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
