import { useStore } from 'zustand';
import { useServices } from '../StudioContext';

/** One line that says what Postgres thinks of the design right now. */
export function CheckStatus({ onOpenProblems }: { onOpenProblems: () => void }) {
  const { check } = useServices();
  const status = useStore(check, (s) => s.status);
  const count = useStore(check, (s) => s.errors.length + s.generatorProblems.length);
  const message = useStore(check, (s) => s.message);
  const verdict = useStore(check, (s) => s.verdict);
  let text: string;
  let tone: string;
  switch (status) {
    case 'starting':
      text = 'Postgres starting…';
      tone = 'busy';
      break;
    case 'checking':
      text = 'Checking…';
      tone = 'busy';
      break;
    case 'accepted':
      text = count
        ? `${count} ${count === 1 ? 'problem' : 'problems'}`
        : 'Postgres accepts this schema';
      tone = count ? 'error' : 'ok';
      break;
    case 'rejected':
      text = `${count} ${count === 1 ? 'error' : 'errors'}`;
      tone = 'error';
      break;
    default:
      text = message ?? 'Postgres unavailable';
      tone = 'error';
  }
  return (
    <button
      type="button"
      className={`tw-status tw-status-${tone}`}
      role="status"
      aria-live="polite"
      aria-label={`Postgres status: ${text}`}
      onClick={onOpenProblems}
      title={message ?? (status === 'accepted' || status === 'rejected' ? verdict : undefined)}
    >
      <span className="tw-dot" aria-hidden />
      {text}
    </button>
  );
}
