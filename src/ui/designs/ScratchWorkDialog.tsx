import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The modal shell of work done in a scratch Postgres (Import, Update from database). While the
 * work runs, Close waits and Esc stops the work instead of closing the dialog under the person's
 * hands; once nothing runs, Esc closes it. The work's error is shown under the content.
 */
export function ScratchWorkDialog({
  label,
  title,
  busy,
  error,
  onStop,
  onClose,
  children,
}: {
  /** The dialog's accessible name. */
  label: string;
  title: ReactNode;
  busy: boolean;
  /** Why the last run gave nothing, in the person's words. */
  error?: string;
  /** Stops the running work; it then answers as stopped. */
  onStop(): void;
  onClose(): void;
  /** The content, given the way to close the dialog (as Close does). */
  children(close: () => void): ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  const close = () => ref.current?.close();
  return (
    <dialog
      ref={ref}
      className="tw-dialog tw-import"
      aria-label={label}
      onClose={onClose}
      onCancel={(e) => {
        if (!busy) return;
        e.preventDefault();
        onStop();
      }}
    >
      <header className="tw-pane-header">
        <h2>{title}</h2>
        <div className="tw-pane-actions">
          <button type="button" onClick={close} disabled={busy}>
            Close
          </button>
        </div>
      </header>
      <div className="tw-dialog-body">
        {children(close)}
        {error !== undefined && (
          <p role="alert" className="tw-error-box">
            {error}
          </p>
        )}
      </div>
    </dialog>
  );
}
