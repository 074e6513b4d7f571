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
      {/* A speech bubble drawn, not an emoji: not every system has an emoji font. */}
      <svg width="11" height="10" viewBox="0 0 11 10" aria-hidden focusable="false">
        <path d="M1.5 1h8a.5.5 0 0 1 .5.5v5a.5.5 0 0 1-.5.5H5L2.5 9V7h-1a.5.5 0 0 1-.5-.5v-5a.5.5 0 0 1 .5-.5z" />
      </svg>
      {count}
    </span>
  );
}
