import { z } from 'zod';
import { rawObjectSchema } from './extras';
import { TABLE_COLORS } from './layout';
import { THREAD_LIMITS, threadSchema } from './discussion';

/**
 * The semantic model of a design: what DDL, diff and lint read. Layout lives in `layout.ts`.
 * Every entity has a stable id; names are data and may change.
 */

const id = z.string().min(1).max(64);
const text = z.string().max(1_000_000);

export const referentialActionSchema = z.enum([
  'noAction',
  'restrict',
  'cascade',
  'setNull',
  'setDefault',
]);
/** ON DELETE / ON UPDATE behaviour of a foreign key. */
export type ReferentialAction = z.infer<typeof referentialActionSchema>;

export const deferrableSchema = z.enum([
  'notDeferrable',
  'initiallyImmediate',
  'initiallyDeferred',
]);
/** Whether a constraint check may be deferred to commit. */
export type Deferrable = z.infer<typeof deferrableSchema>;

export const identitySchema = z.enum(['always', 'byDefault']);
/** GENERATED ALWAYS / BY DEFAULT AS IDENTITY. */
export type Identity = z.infer<typeof identitySchema>;

export const generatedKindSchema = z.enum(['stored', 'virtual']);
/** How a generated column keeps its value: computed on write (stored) or on read (virtual). */
export type GeneratedKind = z.infer<typeof generatedKindSchema>;

export const columnSchema = z.object({
  id,
  name: z.string(),
  /** A PostgreSQL type as written in DDL, e.g. `bigint`, `numeric(12,2)`, `text[]`, `public.mood`. */
  type: z.string().min(1),
  nullable: z.boolean(),
  /** A default expression as SQL text, e.g. `now()` or `'new'::text`. */
  default: text.optional(),
  identity: identitySchema.optional(),
  /** A generated column's expression (GENERATED ALWAYS AS (expr) STORED|VIRTUAL). */
  generated: text.optional(),
  /** STORED (the default, and all that documents before this field knew) or VIRTUAL (PostgreSQL 18). */
  generatedKind: generatedKindSchema.optional(),
  /**
   * An identity column's sequence options where they differ from PostgreSQL's defaults, as SQL
   * for the parentheses after AS IDENTITY, e.g. `START WITH 1000 INCREMENT BY 10`.
   */
  identityOptions: z.string().max(2000).optional(),
  collation: z.string().optional(),
  /**
   * The name of the column's NOT NULL constraint (PostgreSQL 18 names them), only where it is not
   * the one PostgreSQL gives by default, `<table>_<column>_not_null` (e.g. a partition's, named
   * after its parent).
   */
  notNullName: z.string().optional(),
  comment: text.optional(),
});
/** A table column. */
export type Column = z.infer<typeof columnSchema>;

const named = { id, name: z.string().optional(), comment: text.optional() };
/** Key constraints may be deferred; absent means NOT DEFERRABLE (older documents lack the field). */
const keyOptions = {
  deferrable: deferrableSchema.optional(),
  /** Non-key columns the constraint's index carries (INCLUDE); empty for none. */
  include: z.array(id),
};

export const primaryKeySchema = z.object({
  ...named,
  kind: z.literal('primaryKey'),
  columnIds: z.array(id).min(1),
  ...keyOptions,
});
export const uniqueSchema = z.object({
  ...named,
  kind: z.literal('unique'),
  columnIds: z.array(id).min(1),
  nullsNotDistinct: z.boolean().optional(),
  ...keyOptions,
});
export const checkSchema = z.object({
  ...named,
  kind: z.literal('check'),
  expression: text.min(1),
  /** NO INHERIT: the check does not apply to child tables. */
  noInherit: z.boolean().optional(),
  /** NOT VALID: rows that existed when it was added were not checked. */
  notValid: z.boolean().optional(),
});
export const foreignKeySchema = z.object({
  ...named,
  kind: z.literal('foreignKey'),
  columnIds: z.array(id).min(1),
  refTableId: id,
  refColumnIds: z.array(id).min(1),
  onDelete: referentialActionSchema,
  onUpdate: referentialActionSchema,
  deferrable: deferrableSchema,
  matchFull: z.boolean().optional(),
  notValid: z.boolean().optional(),
});
/**
 * EXCLUDE constraints keep their body verbatim, e.g. `USING gist (room WITH =, during WITH &&)`,
 * DEFERRABLE clauses included.
 */
export const excludeSchema = z.object({
  ...named,
  kind: z.literal('exclude'),
  definition: text.min(1),
});

export const constraintSchema = z.discriminatedUnion('kind', [
  primaryKeySchema,
  uniqueSchema,
  checkSchema,
  foreignKeySchema,
  excludeSchema,
]);
/** A table constraint; `name` is optional, and the review recommends setting it. */
export type Constraint = z.infer<typeof constraintSchema>;
export type PrimaryKey = z.infer<typeof primaryKeySchema>;
export type UniqueConstraint = z.infer<typeof uniqueSchema>;
export type CheckConstraint = z.infer<typeof checkSchema>;
export type ForeignKey = z.infer<typeof foreignKeySchema>;
export type ExcludeConstraint = z.infer<typeof excludeSchema>;

export const indexMethodSchema = z.enum(['btree', 'hash', 'gin', 'gist', 'brin', 'spgist']);
export type IndexMethod = z.infer<typeof indexMethodSchema>;

export const indexElementSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('column'),
    columnId: id,
    descending: z.boolean().optional(),
    nulls: z.enum(['first', 'last']).optional(),
    opclass: z.string().optional(),
    /** A collation other than the column's, as SQL (see `Column.collation`). */
    collation: z.string().optional(),
  }),
  z.object({
    kind: z.literal('expression'),
    expression: text.min(1),
    descending: z.boolean().optional(),
    nulls: z.enum(['first', 'last']).optional(),
    opclass: z.string().optional(),
    collation: z.string().optional(),
  }),
]);
/** One key of an index: a column or an expression. */
export type IndexElement = z.infer<typeof indexElementSchema>;

export const indexSchema = z.object({
  id,
  name: z.string().optional(),
  unique: z.boolean(),
  method: indexMethodSchema,
  elements: z.array(indexElementSchema).min(1),
  include: z.array(id),
  /** Partial index predicate, SQL text without the WHERE keyword. */
  where: text.optional(),
  /** UNIQUE NULLS NOT DISTINCT: two NULLs count as equal. */
  nullsNotDistinct: z.boolean().optional(),
  /**
   * On a partition: the id of the partitioned parent's index this one is attached to, so the
   * parent's index is created ON ONLY the parent and this one attached to it by name.
   */
  attachedTo: id.optional(),
  comment: text.optional(),
});
/** A secondary index. */
export type Index = z.infer<typeof indexSchema>;

export const partitionOfSchema = z.object({
  /** The partitioned table this one is a partition of. */
  tableId: id,
  /** The partition bound as PostgreSQL prints it: `FOR VALUES FROM (...) TO (...)`, `DEFAULT`. */
  bound: text.min(1),
});
/** Where a partition sits in its parent. */
export type PartitionOf = z.infer<typeof partitionOfSchema>;

export const tableSchema = z.object({
  id,
  schemaId: id,
  name: z.string(),
  columns: z.array(columnSchema),
  constraints: z.array(constraintSchema),
  indexes: z.array(indexSchema),
  comment: text.optional(),
  /** A partitioned table's key as PostgreSQL prints it after PARTITION BY, e.g. `RANGE (payment_date)`. */
  partitionBy: text.optional(),
  /** Set on a partition; the UI folds partitions under their parent. */
  partitionOf: partitionOfSchema.optional(),
  /** Parents of a table that INHERITS from others (table ids); empty for none. */
  inherits: z.array(id),
  unlogged: z.boolean().optional(),
  /** Storage parameters as written after WITH, e.g. `fillfactor=70`. */
  storageParameters: z.array(z.string().max(2000)),
  /** ALTER TABLE ... ENABLE ROW LEVEL SECURITY (policies are extras). */
  rowSecurity: z.boolean().optional(),
  /** ALTER TABLE ... FORCE ROW LEVEL SECURITY. */
  forceRowSecurity: z.boolean().optional(),
  /** The index, or the primary key, unique or exclusion constraint, the table is CLUSTERed on (by id). */
  clusterOn: id.optional(),
});
/** A table: ordered columns, constraints and indexes. */
export type Table = z.infer<typeof tableSchema>;

export const namespaceSchema = z.object({ id, name: z.string(), comment: text.optional() });
/** A PostgreSQL schema (namespace); called Namespace here to avoid clashing with zod "schemas". */
export type Namespace = z.infer<typeof namespaceSchema>;

export const enumTypeSchema = z.object({
  id,
  schemaId: id,
  name: z.string(),
  values: z.array(z.string()),
  comment: text.optional(),
});
/** CREATE TYPE ... AS ENUM. */
export type EnumType = z.infer<typeof enumTypeSchema>;

export const noteSchema = z.object({ id, text });
/** A free sticky note on the canvas. */
export type Note = z.infer<typeof noteSchema>;

export const reviewSettingsSchema = z.object({
  /** Ids of review rules switched off for this design (e.g. `missing-table-comment`). */
  disabledRules: z.array(z.string().max(100)).max(200),
});
/** Per-design switches of the design review (src/core/lint). */
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export const savedQuerySchema = z.object({
  id,
  name: z.string().max(200),
  sql: text,
  /** The plan's shape (nodes, tables, indexes) when it was last accepted: a changed plan is flagged. */
  plan: z.string().max(100_000).optional(),
});
/** A query the design is for (an access pattern), kept to re-run its plan after schema changes. */
export type SavedQuery = z.infer<typeof savedQuerySchema>;

/** How many subject areas a design may hold, and tables one may name: far past any real diagram. */
export const AREA_LIMITS = { areas: 500, name: 200, tables: 5_000 } as const;

/** The colours an area may take: the table palette's keys, so areas and tables match. */
export const AREA_COLORS = TABLE_COLORS;

export const areaSchema = z.object({
  id,
  /** Any text the person typed: quotes, emoji, any script. */
  name: z.string().min(1).max(AREA_LIMITS.name),
  color: z.enum(AREA_COLORS),
  /** The tables in the area, in the order they joined; a table is in at most one area. */
  tableIds: z.array(id).max(AREA_LIMITS.tables),
});
/**
 * A subject area: a named group of tables the person draws (DBML's `TableGroup`), kept with the
 * design like notes, drawn as a region behind its tables and laid out together. No SQL reads it.
 */
export type Area = z.infer<typeof areaSchema>;

export const designSchema = z.object({
  id,
  name: z.string(),
  schemas: z.record(id, namespaceSchema),
  enums: z.record(id, enumTypeSchema),
  /** Insertion order is DDL order. */
  tables: z.record(id, tableSchema),
  notes: z.record(id, noteSchema),
  /**
   * Objects the model does not represent (extensions, domains, functions, views, triggers, ...),
   * kept as SQL in dependency order. (Format version 1 could leave this and the next two out.)
   */
  extras: z.array(rawObjectSchema),
  /** Design review settings. */
  review: reviewSettingsSchema,
  /** Saved queries of the EXPLAIN lab. */
  queries: z.array(savedQuerySchema).max(500),
  /** Subject areas, in the order they were drawn (format version 3). */
  areas: z.array(areaSchema).max(AREA_LIMITS.areas),
  /** Review discussion threads on tables and columns, oldest first (format version 3; not SQL). */
  threads: z.array(threadSchema).max(THREAD_LIMITS.threads),
});
/** A whole design (the schema part). */
export type Design = z.infer<typeof designSchema>;
