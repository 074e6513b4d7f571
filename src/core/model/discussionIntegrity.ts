import type { ParseError } from './document';
import type { Repair } from './repair';
import type { Design } from './schema';
import type { Thread } from './discussion';

/** Why a thread's target is not in the design, or undefined when it is. */
function missingTarget(design: Design, thread: Thread): string | undefined {
  const table = Object.hasOwn(design.tables, thread.target.tableId)
    ? design.tables[thread.target.tableId]
    : undefined;
  if (!table) return 'its table no longer exists';
  const { columnId } = thread.target;
  if (columnId !== undefined && !table.columns.some((c) => c.id === columnId))
    return `its column of "${table.name}" no longer exists`;
  return undefined;
}

const opening = (thread: Thread): string => {
  const text = thread.messages[0]?.text ?? '';
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/**
 * Threads and their messages: unique ids, and each thread about a table (or column) that exists.
 * For links and files: a thread about nothing is refused like any other dangling reference.
 */
export function checkThreads(
  design: Design,
  dup: (id: string, where: string) => ParseError | undefined,
): ParseError | undefined {
  for (const [i, thread] of design.threads.entries()) {
    const at = `design.threads.${i}`;
    const d = dup(thread.id, at);
    if (d) return d;
    for (const m of thread.messages) {
      const dm = dup(m.id, `${at}.messages`);
      if (dm) return dm;
    }
    const why = missingTarget(design, thread);
    if (why)
      return {
        message: `The design is damaged: the discussion “${opening(thread)}” is about something that does not exist (${why}).`,
        path: `${at}.target`,
      };
  }
  return undefined;
}

/** Stored designs: threads whose table or column is gone are dropped, each with a notice. */
export function repairThreads(design: Design, repairs: Repair[]): Design['threads'] {
  const kept = design.threads.filter((thread, i) => {
    const why = missingTarget(design, thread);
    if (why)
      repairs.push({
        message: `Dropped the discussion “${opening(thread)}”: ${why}.`,
        path: `design.threads.${i}`,
      });
    return !why;
  });
  return kept.length === design.threads.length ? design.threads : kept;
}
