import { useStore } from 'zustand';
import { useServices } from '../StudioContext';

/** Shown when work cannot be stored: another tab saved newer work, or storage failed. */
export function ConflictBanner() {
  const { designs } = useServices();
  const save = useStore(designs.state, (s) => s.save);
  const storageProblem = useStore(designs.state, (s) => s.storageProblem);
  if (storageProblem) {
    return (
      <div className="tw-banner" role="alert">
        <span>{storageProblem}</span>
      </div>
    );
  }
  if (save.state === 'conflict') {
    return (
      <div className="tw-banner" role="alert">
        <span>
          {save.message ??
            'Another tab saved newer work on this design. Your changes here are not saved.'}
        </span>
        <button type="button" onClick={() => void designs.resolveConflict('theirs')}>
          Load their version
        </button>
        <button
          type="button"
          className="tw-primary"
          onClick={() => void designs.resolveConflict('copy')}
        >
          Keep mine as a copy
        </button>
      </div>
    );
  }
  if (save.state === 'error') {
    return (
      <div className="tw-banner" role="alert">
        <span>{save.message ?? 'Your latest changes are not saved.'}</span>
      </div>
    );
  }
  return null;
}
