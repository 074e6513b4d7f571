import {
  THREAD_LIMITS,
  type Thread,
  type ThreadMessage,
  type ThreadTarget,
} from '../model/discussion';
import type { Design } from '../model/schema';

/**
 * Review discussion: threads of messages on a table or a column (not SQL `COMMENT ON`, which is
 * a table's or column's `comment`). Every op is total: an unknown thread or target, an empty
 * message or a full thread leaves the design as it was, so what an op returns always parses.
 */

/** A message as a caller writes it: ids and time are chosen by the caller (so ops stay pure). */
export interface NewThreadMessage {
  /** A fresh id (`newId('m')`). */
  id: string;
  author: string;
  text: string;
  /** `new Date().toISOString()` where the person wrote it. */
  createdAt: string;
}

export interface StartThreadPayload {
  /** A fresh id (`newId('h')`), so the caller can show the new thread at once. */
  id: string;
  target: ThreadTarget;
  message: NewThreadMessage;
}

/** Text without surrounding blanks, cut to `max` characters (whole code points). */
function clip(text: string, max: number): string {
  return [...text.trim()].slice(0, max).join('').trim();
}

/** The author name as kept: trimmed, capped, and never empty. */
export function cleanAuthorName(name: string): string {
  return clip(name, THREAD_LIMITS.author) || 'Someone';
}

function toMessage(m: NewThreadMessage): ThreadMessage | undefined {
  const text = clip(m.text, THREAD_LIMITS.text);
  if (!text || Number.isNaN(Date.parse(m.createdAt))) return undefined;
  return {
    id: m.id,
    author: cleanAuthorName(m.author),
    text,
    createdAt: new Date(m.createdAt).toISOString(),
  };
}

/** True when the target (a table, or a column of it) is in the design. */
export function targetExists(design: Design, target: ThreadTarget): boolean {
  const table = Object.hasOwn(design.tables, target.tableId)
    ? design.tables[target.tableId]
    : undefined;
  if (!table) return false;
  return target.columnId === undefined || table.columns.some((c) => c.id === target.columnId);
}

const idTaken = (design: Design, id: string) =>
  design.threads.some((t) => t.id === id || t.messages.some((m) => m.id === id));

export function startThread(design: Design, p: StartThreadPayload): Design {
  if (!targetExists(design, p.target) || design.threads.length >= THREAD_LIMITS.threads)
    return design;
  if (p.id === p.message.id || idTaken(design, p.id) || idTaken(design, p.message.id))
    return design;
  const message = toMessage(p.message);
  if (!message) return design;
  const target: ThreadTarget =
    p.target.columnId === undefined
      ? { tableId: p.target.tableId }
      : { tableId: p.target.tableId, columnId: p.target.columnId };
  const thread: Thread = { id: p.id, target, messages: [message], resolved: false };
  return { ...design, threads: [...design.threads, thread] };
}

function updateThread(design: Design, threadId: string, fn: (t: Thread) => Thread): Design {
  const i = design.threads.findIndex((t) => t.id === threadId);
  const thread = design.threads[i];
  if (!thread) return design;
  const next = fn(thread);
  if (next === thread) return design;
  const threads = [...design.threads];
  threads[i] = next;
  return { ...design, threads };
}

/** Adds a reply at the end of the thread. Replying does not reopen a resolved thread by itself. */
export function replyToThread(design: Design, threadId: string, m: NewThreadMessage): Design {
  if (idTaken(design, m.id)) return design;
  const message = toMessage(m);
  if (!message) return design;
  return updateThread(design, threadId, (t) =>
    t.messages.length >= THREAD_LIMITS.messages ? t : { ...t, messages: [...t.messages, message] },
  );
}

export function setThreadResolved(design: Design, threadId: string, resolved: boolean): Design {
  return updateThread(design, threadId, (t) => (t.resolved === resolved ? t : { ...t, resolved }));
}

/** Deletes one message; deleting a thread's only message deletes the thread. */
export function deleteThreadMessage(design: Design, threadId: string, messageId: string): Design {
  const thread = design.threads.find((t) => t.id === threadId);
  if (!thread || !thread.messages.some((m) => m.id === messageId)) return design;
  if (thread.messages.length === 1) return deleteThread(design, threadId);
  return updateThread(design, threadId, (t) => ({
    ...t,
    messages: t.messages.filter((m) => m.id !== messageId),
  }));
}

export function deleteThread(design: Design, threadId: string): Design {
  const threads = design.threads.filter((t) => t.id !== threadId);
  return threads.length === design.threads.length ? design : { ...design, threads };
}

/**
 * The design without the threads whose table or column is gone: what deleting a table or column
 * does, and what keeps a design read back from edited SQL sound.
 */
export function dropOrphanedThreads(design: Design): Design {
  if (design.threads.every((t) => targetExists(design, t.target))) return design;
  return { ...design, threads: design.threads.filter((t) => targetExists(design, t.target)) };
}

/**
 * `next` (a design read back from SQL, which has no discussion) with the threads of `current`
 * whose table or column `next` still has: editing the DDL keeps the conversation.
 */
export function keepThreads(current: Design, next: Design): Design {
  return dropOrphanedThreads({ ...next, threads: current.threads });
}

/** Threads about one table (and its columns), open ones first, each group oldest first. */
export function threadsOfTable(design: Design, tableId: string): Thread[] {
  const mine = design.threads.filter((t) => t.target.tableId === tableId);
  return [...mine.filter((t) => !t.resolved), ...mine.filter((t) => t.resolved)];
}

/** How many open threads each table has (its own and its columns'), for the canvas badges. */
export function openThreadCounts(threads: readonly Thread[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const t of threads)
    if (!t.resolved) counts.set(t.target.tableId, (counts.get(t.target.tableId) ?? 0) + 1);
  return counts;
}
