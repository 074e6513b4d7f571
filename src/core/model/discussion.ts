import { z } from 'zod';

/**
 * Review discussion: threads of messages people leave on a table or a column while designing
 * together. Not SQL: PostgreSQL's `COMMENT ON` text is the `comment` field of tables and columns,
 * goes into the DDL and is documentation; a thread is conversation about the design, is never
 * emitted as SQL, and is resolved when the question is settled. In code they are "threads"
 * (never "comments") so the two cannot be confused.
 */

/** Caps far past any real review, so a hostile link or update cannot make a design huge. */
export const THREAD_LIMITS = {
  threads: 2_000,
  messages: 500,
  text: 4_000,
  author: 80,
} as const;

const id = z.string().min(1).max(64);

export const threadTargetSchema = z.object({
  tableId: id,
  /** Absent: the thread is about the table as a whole. */
  columnId: id.optional(),
});
/** What a thread is about: a table, or one of its columns. */
export type ThreadTarget = z.infer<typeof threadTargetSchema>;

export const threadMessageSchema = z.object({
  id,
  /** The display name the writer chose (kept in their browser); free text, not an account. */
  author: z.string().trim().min(1).max(THREAD_LIMITS.author),
  text: z.string().trim().min(1).max(THREAD_LIMITS.text),
  /** When it was written, as an ISO 8601 UTC timestamp (`2026-12-07T09:00:00.000Z`). */
  createdAt: z.iso.datetime(),
});
/** One message of a thread: the first opens it, the rest are replies. */
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export const threadSchema = z.object({
  id,
  target: threadTargetSchema,
  /** In the order they were written; a thread always has its opening message. */
  messages: z.array(threadMessageSchema).min(1).max(THREAD_LIMITS.messages),
  resolved: z.boolean(),
});
/** A discussion thread on a table or column. */
export type Thread = z.infer<typeof threadSchema>;
