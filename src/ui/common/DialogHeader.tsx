import type { ReactNode, RefObject } from 'react';

/**
 * A modal dialog's title bar: its heading and a Close button. Close closes the `<dialog>` itself,
 * so its `onClose` runs as it does for Escape.
 */
export function DialogHeader({
  dialog,
  children,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  children: ReactNode;
}) {
  return (
    <header className="tw-pane-header">
      <h2>{children}</h2>
      <div className="tw-pane-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </header>
  );
}
