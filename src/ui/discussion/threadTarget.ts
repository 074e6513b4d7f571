import { displayName, type Design, type ThreadTarget } from '../../core/model';

/** `customers` or `customers.email`: what a thread is about, as a person reads it. */
export function targetLabel(design: Design, target: ThreadTarget): string {
  const table = design.tables[target.tableId];
  if (!table) return 'a table that no longer exists';
  const name = displayName(design, table);
  if (target.columnId === undefined) return name;
  const column = table.columns.find((c) => c.id === target.columnId);
  return `${name}.${column?.name ?? '?'}`;
}

/** A message's time in the reader's own clock and language, to the minute. */
export function shortTime(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
