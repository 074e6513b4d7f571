/** What a source dialog reads: text, and the name of the file it came from (none when pasted). */
export interface Source {
  text: string;
  fileName?: string;
}

/**
 * A file to open or text to paste: the input of the Import and Update from database dialogs.
 * Opening a file shows its name and size; typing into the box makes the text pasted again.
 */
export function SourceInput({
  source,
  onChange,
  accept,
  pasteLabel,
  busy,
}: {
  source: Source;
  onChange(source: Source): void;
  /** The file picker's `accept` list. */
  accept: string;
  /** What the paste box takes, e.g. "or paste SQL, DBML or a Prisma schema". */
  pasteLabel: string;
  busy: boolean;
}) {
  const { text, fileName } = source;
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
              if (file) void file.text().then((t) => onChange({ text: t, fileName: file.name }));
            }}
          />
        </label>
        {fileName && (
          <span className="tw-muted">
            {fileName} ({Math.round(text.length / 1024)} KiB)
          </span>
        )}
      </div>
      <label className="tw-stack">
        {pasteLabel}
        <textarea
          className="tw-import-text"
          value={text}
          rows={10}
          spellCheck={false}
          disabled={busy}
          onChange={(e) => onChange({ text: e.target.value })}
        />
      </label>
    </>
  );
}
