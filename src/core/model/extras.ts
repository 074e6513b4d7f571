import { z } from 'zod';

/**
 * Objects the design model does not represent but a faithful design must not lose: kept as the
 * SQL PostgreSQL itself prints for them (pg_get_viewdef, pg_get_functiondef, ...), in dependency
 * order, and re-emitted by the DDL generator where they belong (see `extraPhase` in core/sql).
 */

const id = z.string().min(1).max(64);

export const rawObjectKindSchema = z.enum([
  'extension',
  'collation',
  'domain',
  /** Composite, range and other CREATE TYPE types (enums are in the model). */
  'type',
  'sequence',
  /** ALTER SEQUENCE ... OWNED BY: a sequence's tie to a column, emitted once the table exists. */
  'sequenceOwnership',
  'function',
  'procedure',
  'aggregate',
  'view',
  'materializedView',
  'trigger',
  'eventTrigger',
  'policy',
  'rule',
  'publication',
  /** CREATE STATISTICS. */
  'statistics',
  /** An index the model cannot hold (e.g. an access method from an extension). */
  'index',
  'other',
]);
/** What a raw object is; decides where the DDL generator places it. */
export type RawObjectKind = z.infer<typeof rawObjectKindSchema>;

export const rawColumnSchema = z.object({ name: z.string(), type: z.string() });
/** A column of a view as PostgreSQL reports it, for drawing the view read-only. */
export type RawColumn = z.infer<typeof rawColumnSchema>;

export const rawObjectSchema = z.object({
  id,
  kind: rawObjectKindSchema,
  /** The schema the object lives in, when it lives in one of the design's schemas. */
  schemaId: id.optional(),
  /** The table the object belongs to (a trigger, a policy, a rule, an index, an OWNED BY). */
  tableId: id.optional(),
  /** The object's name as PostgreSQL identifies it, e.g. `film_in_stock(integer, integer)`. */
  name: z.string(),
  /**
   * One or more complete SQL statements, each ending with `;` (the object's own COMMENT ON and
   * its indexes, for a materialized view, come with it).
   */
  sql: z.string().min(1).max(1_000_000),
  /** Views and materialized views: their columns, so the canvas can draw them. */
  columns: z.array(rawColumnSchema).optional(),
  /**
   * Ids of what this object needs to exist first: tables, enums, other raw objects. The
   * generator uses them to place the object after the tables when it depends on one. Empty for none.
   */
  dependsOn: z.array(id),
});
/** An object the model keeps verbatim as SQL. */
export type RawObject = z.infer<typeof rawObjectSchema>;
