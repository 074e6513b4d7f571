import { useStore } from 'zustand';
import { useServices } from '../StudioContext';

/**
 * Transient messages, each with at most one action; announced politely to screen readers.
 * Informational ones close by themselves (not while hovered or focused); errors stay.
 */
export function Notices() {
  const { notices } = useServices();
  const list = useStore(notices, (s) => s.notices);
  return (
    <div className="tw-notices" role="region" aria-label="Notifications" aria-live="polite">
      {list.map((n) => (
        <div
          key={n.id}
          className={`tw-notice tw-notice-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
          onMouseEnter={() => notices.getState().hold(n.id)}
          onMouseLeave={() => notices.getState().release(n.id)}
          onFocus={() => notices.getState().hold(n.id)}
          onBlur={() => notices.getState().release(n.id)}
        >
          <span>{n.text}</span>
          {n.action && (
            <button
              type="button"
              onClick={() => {
                n.action?.run();
                notices.getState().dismiss(n.id);
              }}
            >
              {n.action.label}
            </button>
          )}
          <button
            type="button"
            className="tw-icon-button"
            aria-label="Dismiss"
            onClick={() => notices.getState().dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
