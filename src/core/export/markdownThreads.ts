import type { Thread } from '../model/discussion';
import type { Table } from '../model/schema';
import { threadsOfTable } from '../ops/discussion';
import type { Design } from '../model/schema';
import { mdCode, mdText } from './markdownText';

/** `2026-12-07T09:05:31.000Z` → `2026-12-07 09:05 UTC`: the same for every reader, wherever they are. */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function subject(table: Table, thread: Thread): string {
  const { columnId } = thread.target;
  if (columnId === undefined) return 'On the table';
  const column = table.columns.find((c) => c.id === columnId);
  return `On column ${column ? mdCode(column.name, false) : mdText('(missing column)')}`;
}

/**
 * A table's review discussion (threads on it and its columns, open ones first) as a nested list:
 * one item per thread, marked open or resolved, with its messages in order. Empty when there is none.
 */
export function renderThreads(design: Design, table: Table): string[] {
  const threads = threadsOfTable(design, table.id);
  if (threads.length === 0) return [];
  const out = ['**Discussion**', ''];
  for (const thread of threads) {
    out.push(`- ${subject(table, thread)} — ${thread.resolved ? '*resolved*' : '**open**'}`);
    for (const m of thread.messages)
      out.push(`  - **${mdText(m.author)}** (${when(m.createdAt)}): ${mdText(m.text)}`);
  }
  out.push('');
  return out;
}
