import { useStore } from 'zustand';
import { useServices, useStudio, useStudioStore } from '../StudioContext';
import { requestReveal } from '../../state/revealRequest';

/** Postgres's verdict on the design: each error with message, detail and hint; click to select its table. */
export function ProblemsPanel() {
  const { check } = useServices();
  const state = useStore(check);
  const store = useStudioStore();
  const tables = useStudio((s) => s.design.tables);
  const items = [
    ...state.generatorProblems.map((p) => ({
      entityId: p.entityId,
      message: p.message,
      detail: undefined as string | undefined,
      hint: undefined as string | undefined,
      code: 'name',
      from: undefined as number | undefined,
    })),
    ...state.errors,
  ];
  // The line in the DDL of a statement that is not a table's (a function, a DO block from a link).
  const lineOf = (from: number | undefined) =>
    from === undefined || !state.ddlText
      ? undefined
      : state.ddlText.slice(0, from).split('\n').length;
  if (items.length === 0) {
    return (
      <p className="tw-muted tw-pad">
        {state.status === 'accepted'
          ? 'No problems: PostgreSQL accepts this schema.'
          : state.status === 'unavailable' && state.message
            ? state.message
            : statusSentence(state.status)}
      </p>
    );
  }
  return (
    <ul className="tw-problems" aria-label="Problems">
      {items.map((e, i) => {
        const table = tables[e.entityId];
        const line = lineOf(e.from);
        return (
          <li key={i}>
            <button
              type="button"
              className="tw-problem"
              onClick={() => {
                if (!table) return;
                store.getState().select({ tableIds: [table.id] });
                requestReveal(table.id, 'locate');
              }}
              aria-label={`${table ? table.name + ': ' : ''}${e.message}`}
            >
              <span className="tw-problem-where">
                {table?.name ?? (line !== undefined ? `DDL line ${line}` : 'design')}
              </span>
              <span className="tw-problem-message">{e.message}</span>
              {e.detail && (
                <span className="tw-problem-extra">
                  {e.message.startsWith('Not run') || e.code === '57014' ? 'Statement' : 'Detail'}:{' '}
                  {e.detail}
                </span>
              )}
              {e.hint && <span className="tw-problem-extra">Hint: {e.hint}</span>}
              {e.code && e.code !== 'name' && <code className="tw-muted">SQLSTATE {e.code}</code>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function statusSentence(status: string): string {
  switch (status) {
    case 'starting':
      return 'Starting Postgres…';
    case 'checking':
      return 'Checking with Postgres…';
    case 'unavailable':
      return 'Postgres is not available.';
    default:
      return '';
  }
}
