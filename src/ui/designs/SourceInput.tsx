import { useEffect, useRef, useState } from 'react';
import { readSourceFile } from '../../app/readSourceFile';

/** What a source dialog reads: text, and the name of the file it came from (none when pasted). */
export interface Source {
  text: string;
  fileName?: string;
}

/**
 * A file to open or text to paste: the input of the Import and Update from database dialogs.
 * Opening a file shows its name and size; typing into the box makes the text pasted again.
 * A picked file and one dropped on the studio (`initialFile`) are read the same way; one that
 * is not a text SQL file is refused with a sentence, and what was in the box stays.
 */
export function SourceInput({
  source,
  onChange,
  accept,
  pasteLabel,
  busy,
  initialFile,
}: {
  source: Source;
  onChange(source: Source): void;
  /** The file picker's `accept` list. */
  accept: string;
  /** What the paste box takes, e.g. "or paste SQL, DBML or a Prisma schema". */
  pasteLabel: string;
  busy: boolean;
  /** A file dropped on the studio, read as a picked one is. */
  initialFile?: File;
}) {
  const { text, fileName } = source;
  const [refusal, setRefusal] = useState<string>();
  const [note, setNote] = useState<string>();
  // The latest file asked for: a slow read of an earlier one does not overwrite it.
  const latest = useRef<File>(undefined);
  const change = useRef(onChange);
  change.current = onChange;

  const open = async (file: File) => {
    latest.current = file;
    const read = await readSourceFile(file);
    if (latest.current !== file) return;
    if (!read.ok) {
      setRefusal(read.error);
      return;
    }
    setRefusal(undefined);
    setNote(read.value.note);
    change.current({ text: read.value.text, fileName: read.value.fileName });
  };
  useEffect(() => {
    if (initialFile) void open(initialFile);
    // Opened once, when the dialog opens with a dropped file.
  }, [initialFile]);

  return (
    <>
      <div className="tw-row">
        <label className="tw-file">
          File{' '}
          <input
            type="file"
            accept={accept}
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared, so picking the same file again (after fixing it) reads it again.
              e.target.value = '';
              if (file) void open(file);
            }}
          />
        </label>
        {fileName && (
          <span className="tw-muted">
            {fileName} ({note ? `${note}, ` : ''}
            {Math.round(text.length / 1024)} KiB)
          </span>
        )}
      </div>
      {refusal && (
        <p role="alert" className="tw-error-box">
          {refusal}
          {text.trim() ? ' What was here before is kept.' : ''}
        </p>
      )}
      <label className="tw-stack">
        {pasteLabel}
        <textarea
          className="tw-import-text"
          value={text}
          rows={10}
          spellCheck={false}
          disabled={busy}
          onChange={(e) => {
            setNote(undefined);
            onChange({ text: e.target.value });
          }}
        />
      </label>
    </>
  );
}
