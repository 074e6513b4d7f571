import { useStore } from 'zustand';
import { useServices } from '../StudioContext';

/** Says whether the work is stored. Never "Saved" unless the save transaction completed. */
export function SaveStatus() {
  const { designs } = useServices();
  const save = useStore(designs.state, (s) => s.save);
  const shared = useStore(designs.state, (s) => s.shared);
  const text = shared
    ? 'Shared design: not stored'
    : save.state === 'saved'
      ? 'Saved'
      : save.state === 'saving'
        ? 'Saving…'
        : save.state === 'unsaved'
          ? 'Unsaved changes'
          : save.state === 'conflict'
            ? 'Not saved: changed in another tab'
            : 'Not saved';
  return (
    <span
      className={`tw-save tw-save-${save.state}`}
      role="status"
      aria-live="polite"
      aria-label={`Save status: ${text}`}
      title={save.message}
    >
      {text}
    </span>
  );
}
