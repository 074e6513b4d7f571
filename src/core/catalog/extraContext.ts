import type { RawObject, RawObjectKind } from '../model/extras';
import { qualifiedName, quoteLiteral } from '../sql/quote';
import { CatalogIds } from './ids';
import type { Oid } from './queries';
import { key } from './values';

/**
 * A raw object on its way into the design: the object, the catalog keys that name it in
 * pg_depend (see `dependencyQueries.ts`), and the oid that orders it (creation order).
 */
export interface PendingExtra {
  extra: RawObject;
  keys: string[];
  order: number;
}

/** A relation other objects hang on (a table or a view): its design id and its name as SQL. */
export interface RelationRef {
  id: string;
  /** The relation's own name, unquoted. */
  name: string;
  sqlName: string;
  /** True for a table of the design (raw objects on it get `tableId`). */
  isTable: boolean;
  /** Column names by attnum, for OWNED BY. */
  columns?: ReadonlyMap<number, string>;
}

/** What the raw-object readers share: schemas by oid, relations by oid, the id generator. */
export interface ExtraContext {
  ids: CatalogIds;
  schemas: ReadonlyMap<string, { id: string; name: string }>;
  relations: Map<string, RelationRef>;
  note(message: string, entityId?: string): void;
}

/** The schema (id and name) an oid names, if it is one of the design's. */
export function schemaOf(ctx: ExtraContext, oid: Oid): { id: string; name: string } | undefined {
  return ctx.schemas.get(key(oid));
}

/** `schema.name` as SQL (bare in `public`), for an object in schema `schemaOid`. */
export function sqlNameIn(ctx: ExtraContext, schemaOid: Oid, name: string): string {
  return qualifiedName(schemaOf(ctx, schemaOid)?.name ?? 'public', name);
}

/** `\nCOMMENT ON <target> IS '...';`, or nothing without a comment. */
export function commentOn(target: string, comment: string | null | undefined): string {
  return comment === null || comment === undefined
    ? ''
    : '\nCOMMENT ON ' + target + ' IS ' + quoteLiteral(comment) + ';';
}

/** Builds a pending raw object with a deterministic id from its kind, schema and name. */
export function pending(
  ctx: ExtraContext,
  fields: {
    kind: RawObjectKind;
    schemaOid?: Oid | null;
    name: string;
    sql: string;
    oid: Oid;
    keys?: string[];
    tableId?: string;
    dependsOn?: string[];
    /** Distinguishes objects with the same name (a trigger on two tables). */
    scope?: string;
  },
): PendingExtra {
  const schema =
    fields.schemaOid === undefined || fields.schemaOid === null
      ? undefined
      : schemaOf(ctx, fields.schemaOid);
  const extra: RawObject = {
    id: ctx.ids.take('x', fields.kind, schema?.name ?? '', fields.scope ?? '', fields.name),
    kind: fields.kind,
    name: fields.name,
    sql: fields.sql,
    dependsOn: fields.dependsOn ?? [],
  };
  if (schema) extra.schemaId = schema.id;
  if (fields.tableId !== undefined) extra.tableId = fields.tableId;
  return { extra, keys: fields.keys ?? [], order: Number(fields.oid) };
}
