import { useStore } from 'zustand';
import { useServices } from '../StudioContext';

/** What long-running work is doing (layout in its worker...), with its progress. */
export function ActivityIndicator() {
  const { activity } = useServices();
  const current = useStore(activity, (s) => s.current);
  if (!current) return null;
  return (
    <span className="tw-progress" role="status" aria-live="polite">
      {current.message}
      {current.total ? (
        <progress value={current.done ?? 0} max={current.total} aria-label="Progress" />
      ) : (
        <progress aria-label="Progress" />
      )}
      {current.cancel && (
        <button
          type="button"
          className="tw-progress-cancel"
          onClick={current.cancel}
          title="Stop it; the diagram stays as it was"
        >
          Cancel
        </button>
      )}
    </span>
  );
}
