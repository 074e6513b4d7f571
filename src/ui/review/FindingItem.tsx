import type { Finding } from '../../core/lint';

interface Props {
  finding: Finding;
  readOnly: boolean;
  onLocate(): void;
  onFix(): void;
}

/** One finding: where (a button that shows it on the canvas), what, and its one-click fix. */
export function FindingItem({ finding: f, readOnly, onLocate, onFix }: Props) {
  const where = f.column ? `${f.table}.${f.column}` : f.table;
  return (
    <li className="tw-finding">
      <button
        type="button"
        className="tw-link-button tw-finding-where"
        onClick={onLocate}
        aria-label={`Show ${where} on the canvas`}
      >
        {where}
      </button>
      <span className="tw-finding-message">{f.message}</span>
      {f.fix && (
        <button
          type="button"
          className="tw-finding-fix"
          disabled={readOnly}
          onClick={onFix}
          title="Applies the change as one step (Ctrl+Z undoes it)"
        >
          {f.fix.label}
        </button>
      )}
    </li>
  );
}
