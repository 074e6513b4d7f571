import { useId, useState } from 'react';
import { THREAD_LIMITS } from '../../core/model';
import { defaultPersonName, savePerson, usePerson } from './person';

interface Props {
  /** The text box's accessible name, e.g. "Reply to the discussion on customers". */
  label: string;
  /** The send button's text: "Send", "Reply". */
  action: string;
  disabled?: boolean;
  autoFocus?: boolean;
  /**
   * Sends the text as the given author; returns a sentence when it could not be sent (the text
   * is kept), or undefined when it was.
   */
  onSend(text: string, author: string): string | undefined;
  onCancel?(): void;
}

/**
 * A message being written: Enter or Ctrl+Enter sends, Shift+Enter starts a new line. The first
 * time this browser writes, it asks for the name messages carry (with a default to keep).
 */
export function MessageBox({ label, action, disabled, autoFocus, onSend, onCancel }: Props) {
  const person = usePerson();
  const [text, setText] = useState('');
  const [name, setName] = useState(defaultPersonName);
  const [problem, setProblem] = useState('');
  const problemId = useId();
  const blank = text.trim() === '';
  const send = () => {
    if (blank || disabled) return;
    const author = person?.name ?? name.trim();
    if (!author) {
      setProblem('Type the name your messages are shown with.');
      return;
    }
    const failed = onSend(text, author);
    if (failed) {
      setProblem(failed);
      return;
    }
    if (!person) savePerson(author);
    setText('');
    setProblem('');
  };
  const left = THREAD_LIMITS.text - text.length;
  return (
    <div className="tw-message-box">
      {!person && (
        <label className="tw-message-name">
          Your name
          <input
            value={name}
            maxLength={THREAD_LIMITS.author}
            disabled={disabled}
            onChange={(e) => setName(e.target.value)}
            title="Shown with your messages; kept in this browser"
          />
        </label>
      )}
      <textarea
        aria-label={label}
        aria-describedby={problem ? problemId : undefined}
        aria-invalid={problem ? true : undefined}
        value={text}
        rows={2}
        maxLength={THREAD_LIMITS.text}
        disabled={disabled}
        autoFocus={autoFocus}
        placeholder={`${action} (Enter; Shift+Enter for a new line)`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            send();
          } else if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      <div className="tw-row tw-message-actions">
        {left < 200 && (
          <span className="tw-muted" aria-live="polite">
            {left} characters left
          </span>
        )}
        {problem && (
          <span id={problemId} role="alert" className="tw-message-problem">
            {problem}
          </span>
        )}
        <span className="tw-spacer" />
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="button"
          className="tw-primary"
          disabled={blank || disabled}
          onClick={send}
          aria-keyshortcuts="Enter Control+Enter"
        >
          {action}
        </button>
      </div>
    </div>
  );
}
