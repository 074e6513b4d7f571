import { useEffect, useMemo, useRef, useState } from 'react';
import { TEXT_EXPORTS } from '../../core/export';
import { err, ok, type Result } from '../../core/result';
import { dangerHeader } from '../../core/safety';
import { currentDocument } from '../../state/store';
import { copyText, downloadFile, safeFileName } from '../common/clipboard';
import { useTheme } from '../common/useTheme';
import { useServices, useStudioStore } from '../StudioContext';
import { diagramPng, diagramSvg } from './images';
import { useDangerousStatements } from './useDangerousStatements';
import { DialogHeader } from '../common/DialogHeader';

type Choice = { kind: 'text'; id: string } | { kind: 'svg' } | { kind: 'png' };
const IMAGE_CHOICES = [
  {
    key: 'svg',
    label: 'SVG image',
    description:
      'The whole diagram as a vector image, in the current theme; opens on its own anywhere.',
  },
  {
    key: 'png',
    label: 'PNG image',
    description:
      'The whole diagram as a picture (twice the screen size where it fits), in the current theme.',
  },
] as const;
const PREVIEW_CHARS = 20_000;

/** Every export in one place: pick a format, see it, download or copy it. */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const store = useStudioStore();
  const { notices } = useServices();
  const theme = useTheme();
  const ref = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<Choice>({ kind: 'text', id: 'sql' });
  const [busy, setBusy] = useState(false);
  useEffect(() => ref.current?.showModal(), []);
  const doc = useMemo(() => currentDocument(store.getState()), [store]);
  const base = safeFileName(doc.design.name);
  const format = choice.kind === 'text' ? TEXT_EXPORTS.find((f) => f.id === choice.id) : undefined;
  const dangerous = useDangerousStatements(doc.design);
  // The text shown, copied and downloaded (empty for PNG, made on download); a generator that
  // throws (a bug) is said in the dialog rather than blanking the page.
  const output = useMemo((): Result<string, { message: string }> => {
    try {
      // Whoever runs the SQL file reads the warning first, as comments: the file still runs.
      if (format)
        return ok((format.id === 'sql' ? dangerHeader(dangerous) : '') + format.render(doc));
      if (choice.kind === 'svg') return ok(diagramSvg(doc, theme));
      return ok('');
    } catch (thrown) {
      return err({ message: (thrown as Error).message });
    }
  }, [format, choice.kind, doc, theme, dangerous]);

  const tell = (text: string, tone: 'info' | 'error' = 'info') =>
    notices.getState().push({ tone, text });
  const download = async () => {
    if (!output.ok) return;
    if (format) return downloadFile(base + format.suffix, output.value, format.mime);
    if (choice.kind === 'svg') return downloadFile(`${base}.svg`, output.value, 'image/svg+xml');
    setBusy(true);
    try {
      downloadFile(`${base}.png`, await diagramPng(doc, theme));
    } catch (thrown) {
      tell(`The PNG could not be made: ${(thrown as Error).message} Try the SVG export.`, 'error');
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (output.ok && (await copyText(output.value)))
      tell(`${format?.label ?? 'SVG'} copied to the clipboard.`);
    else tell('The browser refused clipboard access. Use Download instead.', 'error');
  };
  const isSelected = (c: Choice) =>
    c.kind === choice.kind && (c.kind !== 'text' || (choice.kind === 'text' && c.id === choice.id));
  const options = [
    ...TEXT_EXPORTS.map((f) => ({
      choice: { kind: 'text', id: f.id } as Choice,
      label: f.label,
      description: f.description,
    })),
    ...IMAGE_CHOICES.map((i) => ({
      choice: { kind: i.key } as Choice,
      label: i.label,
      description: i.description,
    })),
  ];
  const selected = options.find((o) => isSelected(o.choice));

  return (
    <dialog ref={ref} className="tw-dialog tw-export" aria-label="Export" onClose={onClose}>
      <DialogHeader dialog={ref}>Export “{doc.design.name}”</DialogHeader>
      <div className="tw-export-body">
        <fieldset className="tw-export-formats" aria-label="Format">
          {options.map((o) => (
            <label key={o.label} className={isSelected(o.choice) ? 'tw-selected' : undefined}>
              <input
                type="radio"
                name="export-format"
                checked={isSelected(o.choice)}
                onChange={() => setChoice(o.choice)}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
        <section className="tw-export-preview" aria-label="Preview">
          <p className="tw-muted">{selected?.description}</p>
          {dangerous.length > 0 && (
            <p role="alert" className="tw-warning">
              Warning: this design holds {dangerous.length}{' '}
              {dangerous.length === 1 ? 'statement' : 'statements'} that act beyond the schema on a
              real server (
              {dangerous
                .map((d) => d.dangers[0]?.kind)
                .filter((k, i, all) => all.indexOf(k) === i)
                .join(', ')}
              ): {dangerous.map((d) => d.text.replace(/\s+/g, ' ').slice(0, 80)).join('; ')}. Read
              them before running any export; the SQL export starts with this warning.
            </p>
          )}
          {!output.ok ? (
            <p role="alert" className="tw-warning">
              This export failed: {output.error.message}
            </p>
          ) : choice.kind === 'png' ? (
            <p className="tw-muted">The PNG is drawn when you download it.</p>
          ) : choice.kind === 'svg' ? (
            <img
              className="tw-export-image"
              alt={`Diagram of ${doc.design.name}`}
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(output.value)}`}
            />
          ) : (
            <pre className="tw-export-text" aria-label={`${format?.label} preview`} tabIndex={0}>
              {output.value.length > PREVIEW_CHARS
                ? `${output.value.slice(0, PREVIEW_CHARS)}\n…`
                : output.value}
            </pre>
          )}
          <div className="tw-row">
            <button
              type="button"
              className="tw-primary"
              disabled={!output.ok || busy}
              onClick={() => void download()}
            >
              {busy ? 'Drawing…' : `Download ${selected?.label ?? ''}`}
            </button>
            {choice.kind !== 'png' && (
              <button type="button" disabled={!output.ok} onClick={() => void copy()}>
                Copy
              </button>
            )}
          </div>
        </section>
      </div>
    </dialog>
  );
}
