import { useState, type ReactNode } from 'react';
import { useServices } from '../StudioContext';
import { copyText } from './clipboard';

/**
 * A text to hand on (a link, embed code): read-only and selected whole on focus, with its Copy
 * button and the word that it was copied beside that button. When the browser refuses the
 * clipboard, a notice says to copy it by hand.
 */
export function CopyField({
  label,
  name,
  value,
  rows,
  copyLabel,
  copiedMessage,
  primary = false,
  between,
  children,
}: {
  /** The visible label above the text. */
  label: string;
  /** The text field's accessible name. */
  name: string;
  value: string;
  rows: number;
  copyLabel: string;
  copiedMessage: string;
  primary?: boolean;
  /** Shown between the text and its buttons (a note on the text). */
  between?: ReactNode;
  /** More buttons in the Copy button's row. */
  children?: ReactNode;
}) {
  const { notices } = useServices();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (await copyText(value)) setCopied(true);
    else
      notices.getState().push({
        tone: 'error',
        text: 'The browser refused clipboard access: select the text and copy it by hand.',
      });
  };
  return (
    <>
      <label>
        {label}
        <textarea
          readOnly
          rows={rows}
          value={value}
          aria-label={name}
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      {between}
      <div className="tw-row">
        <button
          type="button"
          className={primary ? 'tw-primary' : undefined}
          onClick={() => void copy()}
        >
          {copyLabel}
        </button>
        {children}
        {copied && <span role="status">{copiedMessage}</span>}
      </div>
    </>
  );
}
