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
