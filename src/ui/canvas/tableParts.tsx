import type { TableNodeState } from './tableNodeState';

/** The classes both drawings of a table share: selection, errors, comparison, highlight. */
export function tableClassName(s: TableNodeState, selected: boolean, extra = ''): string {
  return `tw-table${extra}${selected ? ' is-selected' : ''}${s.errorCount ? ' has-errors' : ''}${s.change ? ` tw-change-${s.change}` : ''}${s.lit ? ' tw-lit' : ''}`;
}

/** The count of Postgres errors on a table, as a status people and screen readers can find. */
export function ErrorBadge({ count, tableName }: { count: number; tableName: string }) {
  if (count <= 0) return null;
  return (
    <span
      className="tw-badge tw-badge-error"
      role="status"
      aria-label={`${count} Postgres ${count === 1 ? 'error' : 'errors'} on ${tableName}`}
    >
      {count}
    </span>
  );
}

/** Open discussion threads on a table and its columns, in its header (never drawn far out). */
export function DiscussionBadge({ count, tableName }: { count: number; tableName: string }) {
  if (count <= 0) return null;
  const what = `${count} open ${count === 1 ? 'discussion' : 'discussions'} on ${tableName}`;
  return (
    <span className="tw-badge tw-badge-discussion" role="status" aria-label={what} title={what}>
      💬 {count}
    </span>
  );
}
