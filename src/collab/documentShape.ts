import type { z } from 'zod';
import {
  areaSchema,
  columnSchema,
  constraintSchema,
  enumTypeSchema,
  indexSchema,
  namespaceSchema,
  noteSchema,
  rawObjectSchema,
  savedQuerySchema,
  tableLayoutSchema,
  tableSchema,
  threadMessageSchema,
  threadSchema,
} from '../core/model';
import { z as zod } from 'zod';

/**
 * How one kind of entity lives in the shared document: one Y.Map per entity, keyed by its stable
 * id, each field a value of its own (so two people editing two fields of one column both win, and
 * two renaming it converge on one name).
 */
export interface CollectionShape {
  /** `record`: an object keyed by id in the model; `list`: an array of objects with an `id`. */
  form: 'record' | 'list';
  /** Kept in order (DDL order for tables, column order...); otherwise read back sorted by id. */
  ordered: boolean;
  /** What one entity must look like (children already read back): others are dropped on read. */
  schema: z.ZodType;
  /** What a person calls one, for notices ("Dropped a column ..."). */
  noun: string;
  /** Collections inside each entity, e.g. a table's columns. */
  children?: Record<string, CollectionShape>;
}

/** A top-level part of the document (`design`, `layout`) and its collections. */
export interface RootShape {
  collections: Record<string, CollectionShape>;
  /** Fields that are each person's own and never shared (the viewport). */
  personal: readonly string[];
}

/**
 * The whole document. A new field of the model is shared as one value without a line here (it
 * is last-writer-wins as a whole, as `layout.routes` is); a collection of entities with ids
 * (subject areas) gets a line so that concurrent edits of different entities merge.
 */
export const DOCUMENT_SHAPE: Record<'design' | 'layout', RootShape> = {
  design: {
    personal: [],
    collections: {
      schemas: { form: 'record', ordered: true, schema: namespaceSchema, noun: 'schema' },
      enums: { form: 'record', ordered: true, schema: enumTypeSchema, noun: 'enum' },
      tables: {
        form: 'record',
        ordered: true,
        schema: tableSchema,
        noun: 'table',
        children: {
          columns: { form: 'list', ordered: true, schema: columnSchema, noun: 'column' },
          constraints: {
            form: 'list',
            ordered: true,
            schema: constraintSchema,
            noun: 'constraint',
          },
          indexes: { form: 'list', ordered: true, schema: indexSchema, noun: 'index' },
        },
      },
      notes: { form: 'record', ordered: true, schema: noteSchema, noun: 'note' },
      extras: { form: 'list', ordered: true, schema: rawObjectSchema, noun: 'SQL object' },
      queries: { form: 'list', ordered: true, schema: savedQuerySchema, noun: 'saved query' },
      areas: { form: 'list', ordered: true, schema: areaSchema, noun: 'subject area' },
      // Messages are a child list: two people replying at once both keep their replies, and a
      // resolve and a reply at the same time both land (different fields of one thread).
      threads: {
        form: 'list',
        ordered: true,
        schema: threadSchema,
        noun: 'discussion thread',
        children: {
          messages: { form: 'list', ordered: true, schema: threadMessageSchema, noun: 'message' },
        },
      },
    },
  },
  layout: {
    personal: ['viewport'],
    collections: {
      tables: { form: 'record', ordered: false, schema: tableLayoutSchema, noun: 'table position' },
      notes: {
        form: 'record',
        ordered: false,
        schema: zod.object({ x: zod.number().finite(), y: zod.number().finite() }),
        noun: 'note position',
      },
    },
  },
};
