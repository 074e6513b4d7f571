import { Fragment, useEffect, useMemo, useRef } from 'react';
import {
  chordKeys,
  conditionsOf,
  isApplePlatform,
  shortcutsByGroup,
  type Chord,
} from './shortcutTable';
import './shortcuts.css';

/**
 * Every keyboard shortcut, listed from the table the handler acts on (`shortcutTable`), in this
 * platform's words: Ctrl elsewhere, ⌘ on a Mac. Escape or Close closes it, and the keyboard goes
 * back to where it was.
 */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    ref.current?.showModal();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  const apple = useMemo(() => isApplePlatform(navigator as Navigator & PlatformHints), []);
  return (
    <dialog
      ref={ref}
      className="tw-dialog tw-shortcuts"
      aria-labelledby="tw-shortcuts-title"
      onClose={onClose}
    >
      <header className="tw-pane-header">
        <h2 id="tw-shortcuts-title">Keyboard shortcuts</h2>
        <div className="tw-pane-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Close
          </button>
        </div>
      </header>
      <div className="tw-dialog-body">
        <p className="tw-muted">
          Single keys act when the diagram has focus (click an empty spot on the canvas); those
          under Everywhere also act from a button or a tab. None acts while you type in a field or
          the DDL editor.
        </p>
        {shortcutsByGroup().map(({ group, bindings }) => (
          <section key={group} aria-labelledby={`tw-shortcuts-${group}`}>
            <h3 id={`tw-shortcuts-${group}`}>{group}</h3>
            <table aria-labelledby={`tw-shortcuts-${group}`}>
              <colgroup>
                <col className="tw-shortcut-keys" />
                <col />
                <col className="tw-shortcut-when" />
              </colgroup>
              <thead className="tw-visually-hidden">
                <tr>
                  <th scope="col">Keys</th>
                  <th scope="col">Action</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {bindings.map((b) => (
                  <tr key={b.id}>
                    <td>
                      {b.chords.map((c, i) => (
                        <Fragment key={i}>
                          {i > 0 && <span className="tw-muted"> or </span>}
                          <ChordKeys chord={c} apple={apple} />
                        </Fragment>
                      ))}
                    </td>
                    <td>{b.description}</td>
                    <td className="tw-muted">{conditionsOf(b).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </dialog>
  );
}

/** `navigator.userAgentData` is not in TypeScript's DOM types yet. */
interface PlatformHints {
  userAgentData?: { platform?: string };
}

/** One chord as key caps; a screen reader hears the keys' names (Command, not ⌘). */
function ChordKeys({ chord, apple }: { chord: Chord; apple: boolean }) {
  const keys = chordKeys(chord, apple);
  return (
    <kbd className="tw-chord">
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 && <span className={apple ? 'tw-visually-hidden' : 'tw-chord-plus'}>+</span>}
          <kbd aria-hidden={k.shown !== k.spoken || undefined}>{k.shown}</kbd>
          {k.shown !== k.spoken && <span className="tw-visually-hidden">{k.spoken}</span>}
        </Fragment>
      ))}
    </kbd>
  );
}
