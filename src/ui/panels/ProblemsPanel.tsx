import { useStore } from 'zustand';
import { useServices, useStudio, useStudioStore } from '../StudioContext';

/** Postgres's verdict on the design: each error with message, detail and hint; click to select its table. */
export function ProblemsPanel() {
  const { check } = useServices();
  const state = useStore(check);
  const store = useStudioStore();
  const tables = useStudio((s) => s.design.tables);
  const items = [
    ...state.generatorProblems.map((p) => ({ entityId: p.entityId, message: p.message, detail: undefined as string | undefined, hint: undefined as string | undefined, code: 'name' })),
    ...state.errors,
  ];
  if (items.length === 0) {
    return <p className="tw-muted tw-pad">{state.status === 'accepted' ? 'No problems: PostgreSQL accepts this schema.' : statusSentence(state.status)}</p>;
  }
  return (
    <ul className="tw-problems" aria-label="Problems">
      {items.map((e, i) => {
        const table = tables[e.entityId];
        return (
          <li key={i}>
            <button type="button" className="tw-problem" onClick={() => table && store.getState().select({ tableIds: [table.id] })} aria-label={`${table ? table.name + ': ' : ''}${e.message}`}>
              <span className="tw-problem-where">{table?.name ?? 'design'}</span>
              <span className="tw-problem-message">{e.message}</span>
              {e.detail && <span className="tw-problem-extra">Detail: {e.detail}</span>}
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
