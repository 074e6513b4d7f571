import { useCallback, useEffect, useRef, useState } from 'react';
import { useEditRequest } from '../common/editRequest';

interface Props {
  value: string;
  /** Accessible name of the text and of the input that replaces it. */
  label: string;
  onCommit(value: string): void;
  /** id of a <datalist> with suggestions. */
  list?: string;
  /** What to show when not editing, if not the value itself (e.g. a shorter type name). */
  display?: string;
  /** A key for `requestEdit`: when requested, editing starts as if the text was double-clicked. */
  editKey?: string;
}

/**
 * Text that becomes an input on double-click (or Enter when focused). Enter or blur commits,
 * Escape cancels. Marked `nodrag` so typing and selecting text never drags the table.
 */
export function InlineEdit({ value, label, onCommit, list, display, editKey }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  // The input keeps the name it had when editing began, even if the value changes underneath
  // (another tab's save adopted meanwhile): assistive tech and tests keep their handle on it.
  const [editLabel, setEditLabel] = useState(label);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!editing) return;
    input.current?.focus();
    input.current?.select();
  }, [editing]);
  const start = useCallback(() => {
    setDraft(value);
    setEditLabel(label);
    setEditing(true);
  }, [value, label]);
  useEditRequest(editKey, start);
  if (!editing) {
    return (
      <span
        className="tw-inline-text"
        tabIndex={0}
        role="button"
        aria-label={label}
        title={
          display && display !== value ? `${value} (double-click to edit)` : 'Double-click to edit'
        }
        onDoubleClick={(e) => {
          e.stopPropagation();
          start();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'F2') {
            e.preventDefault();
            start();
          }
        }}
      >
        {display ?? value}
      </span>
    );
  }
  const commit = () => {
    setEditing(false);
    const next = draft.trim();
    if (next && next !== value) onCommit(next);
  };
  return (
    <input
      ref={input}
      className="tw-inline-input nodrag"
      aria-label={editLabel}
      value={draft}
      list={list}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}
