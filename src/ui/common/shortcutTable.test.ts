import { describe, expect, it } from 'vitest';
import { createStudioStore } from '../../state/store';
import type { ShortcutScope } from './shortcutScope';
import {
  ariaKeyShortcuts,
  chordKeys,
  conditionsOf,
  isApplePlatform,
  matchesChord,
  resolveShortcut,
  SHORTCUT_GROUPS,
  SHORTCUTS,
  shortcutsByGroup,
  type Binding,
  type KeyPress,
} from './shortcutTable';

/** Every key a person could press, as `KeyboardEvent.key` gives it (letters in both cases). */
const KEYS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'`~!@#$%^&*()-_=+[]{}\\|;:\'",.<>/? ',
  'Escape',
  'Delete',
  'Backspace',
  'Enter',
  'Tab',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'ContextMenu',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
];

/** Every key with every combination of Ctrl, ⌘, Alt and Shift. */
const PRESSES: KeyPress[] = KEYS.flatMap((key) =>
  Array.from({ length: 16 }, (_, m) => ({
    key,
    ctrlKey: !!(m & 1),
    metaKey: !!(m & 2),
    altKey: !!(m & 4),
    shiftKey: !!(m & 8),
  })),
);

const SCOPES: ShortcutScope[] = ['none', 'global', 'canvas'];

/** Real studio states: editable or read-only, with and without a selection. */
function states() {
  const store = createStudioStore();
  const ids = Object.keys(store.getState().design.tables);
  expect(ids.length).toBeGreaterThan(0);
  const base = store.getState();
  return [false, true].flatMap((readOnly) =>
    [[], ids.slice(0, 1), ids].map((tableIds) => ({
      ...base,
      readOnly,
      selection: { ...base.selection, tableIds },
    })),
  );
}

const listed = new Set(shortcutsByGroup().flatMap((g) => g.bindings));
const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the shortcut table', () => {
  it('lists every binding once, in a group, with a description', () => {
    const groups = shortcutsByGroup();
    expect(groups.map((g) => g.group)).toEqual([...SHORTCUT_GROUPS]);
    expect(groups.flatMap((g) => g.bindings)).toHaveLength(SHORTCUTS.length);
    expect(new Set(SHORTCUTS.map((b) => b.id)).size).toBe(SHORTCUTS.length);
    for (const b of SHORTCUTS) {
      expect(b.description.trim(), b.id).not.toBe('');
      expect(b.chords.length, b.id).toBeGreaterThan(0);
      expect(SHORTCUT_GROUPS, b.id).toContain(b.group);
    }
  });

  it('acts on no key press but a listed one, and on it only where and when the list says', () => {
    let acted = 0;
    for (const s of states())
      for (const scope of SCOPES)
        for (const e of PRESSES) {
          const b = resolveShortcut(e, scope, s);
          if (!b) continue;
          acted++;
          const what = `${JSON.stringify(e)} in ${scope} (read-only ${s.readOnly}, ${s.selection.tableIds.length} selected)`;
          expect(listed.has(b), what).toBe(true);
          expect(b.description.trim(), what).not.toBe('');
          // The key is one the list shows for it...
          expect(
            b.chords.some((c) => matchesChord(c, e)),
            what,
          ).toBe(true);
          // ...where the list says (the canvas, or anywhere but text and dialogs)...
          expect(scope, what).not.toBe('none');
          if (b.where === 'canvas') expect(scope, what).toBe('canvas');
          // ...and when it says (editors only, tables selected).
          if (b.needs?.includes('editable')) expect(s.readOnly, what).toBe(false);
          if (b.needs?.includes('selection'))
            expect(s.selection.tableIds.length, what).toBeGreaterThan(0);
        }
    expect(acted).toBeGreaterThan(0);
  });

  it('does what the list shows for every listed key (no key belongs to two shortcuts)', () => {
    const [editableWithSelection] = states().filter(
      (s) => !s.readOnly && s.selection.tableIds.length > 1,
    );
    for (const b of SHORTCUTS) {
      for (const c of b.chords) {
        const e = press(c.key, { ctrlKey: !!c.mod, shiftKey: !!c.shift });
        const matching = SHORTCUTS.filter((other) => other.chords.some((o) => matchesChord(o, e)));
        expect(
          matching.map((m) => m.id),
          `${b.id} ${JSON.stringify(c)}`,
        ).toEqual([b.id]);
        const resolved = resolveShortcut(e, 'canvas', editableWithSelection!);
        // Keys the focused table answers itself never reach the global handler's actions.
        expect(resolved?.id, `${b.id} ${JSON.stringify(c)}`).toBe(
          b.where === 'table' ? undefined : b.id,
        );
        // ⌘ works as Ctrl does, on every platform.
        if (c.mod)
          expect(
            resolveShortcut(
              { ...e, ctrlKey: false, metaKey: true },
              'canvas',
              editableWithSelection!,
            )?.id,
          ).toBe(b.id);
      }
    }
  });

  it('keeps the scope rules: single keys on the canvas only, nothing in text or dialogs', () => {
    const [s] = states().filter((x) => !x.readOnly && x.selection.tableIds.length > 0);
    expect(resolveShortcut(press('t'), 'global', s!)).toBeUndefined();
    expect(resolveShortcut(press('Delete'), 'global', s!)).toBeUndefined();
    expect(resolveShortcut(press('a', { ctrlKey: true }), 'global', s!)).toBeUndefined();
    expect(resolveShortcut(press('?', { shiftKey: true }), 'global', s!)?.id).toBe('help');
    expect(resolveShortcut(press('/'), 'global', s!)?.id).toBe('search');
    expect(resolveShortcut(press('z', { ctrlKey: true }), 'global', s!)?.id).toBe('undo');
    expect(resolveShortcut(press('Z', { ctrlKey: true, shiftKey: true }), 'global', s!)?.id).toBe(
      'redo',
    );
    for (const key of ['?', '/', 't', 'z'])
      expect(resolveShortcut(press(key, { ctrlKey: key === 'z' }), 'none', s!)).toBeUndefined();
    // A shifted letter is the same key; Ctrl+T or Alt+T is not T.
    expect(resolveShortcut(press('T', { shiftKey: true }), 'canvas', s!)?.id).toBe('addTable');
    expect(resolveShortcut(press('t', { ctrlKey: true }), 'canvas', s!)).toBeUndefined();
    expect(resolveShortcut(press('t', { altKey: true }), 'canvas', s!)).toBeUndefined();
    expect(resolveShortcut(press('s', { ctrlKey: true }), 'canvas', s!)).toBeUndefined();
  });

  it('says when a shortcut needs an editable design, a selection or a focused table', () => {
    const byId = (id: string) => SHORTCUTS.find((b) => b.id === id) as Binding;
    expect(conditionsOf(byId('deleteTables'))).toEqual(['editors only', 'tables selected']);
    expect(conditionsOf(byId('moveTables'))).toEqual(['a table has focus', 'editors only']);
    expect(conditionsOf(byId('fitView'))).toEqual([]);
    const readOnly = states().find((s) => s.readOnly && s.selection.tableIds.length > 0)!;
    expect(resolveShortcut(press('Delete'), 'canvas', readOnly)).toBeUndefined();
    expect(resolveShortcut(press('f'), 'canvas', readOnly)?.id).toBe('fitView');
  });
});

describe('shortcut keys as a person reads them', () => {
  const share = { key: 's', mod: true, shift: true };
  const shown = (apple: boolean) =>
    chordKeys(share, apple)
      .map((k) => k.shown)
      .join(' ');
  it('writes Ctrl and Shift elsewhere, ⇧ ⌘ on Apple platforms, and names them for the ear', () => {
    expect(shown(false)).toBe('Ctrl Shift S');
    expect(shown(true)).toBe('⇧ ⌘ S');
    expect(chordKeys(share, true).map((k) => k.spoken)).toEqual(['Shift', 'Command', 'S']);
    expect(chordKeys({ key: 'arrowup' }, false)).toEqual([{ shown: '↑', spoken: 'Up arrow' }]);
    expect(chordKeys({ key: ' ' }, false)[0]?.shown).toBe('Space');
  });
  it('tells Apple platforms by the client hints first, then navigator.platform', () => {
    expect(isApplePlatform({ userAgentData: { platform: 'macOS' }, platform: 'Linux' })).toBe(true);
    expect(isApplePlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isApplePlatform({ platform: 'iPhone' })).toBe(true);
    expect(isApplePlatform({ userAgentData: { platform: 'Windows' } })).toBe(false);
    expect(isApplePlatform({ userAgentData: { platform: '' }, platform: 'Linux x86_64' })).toBe(
      false,
    );
    expect(isApplePlatform({})).toBe(false);
  });
  it('writes aria-keyshortcuts from the table', () => {
    expect(ariaKeyShortcuts('help')).toBe('?');
    expect(ariaKeyShortcuts('share')).toBe('Control+Shift+S');
    expect(ariaKeyShortcuts('stepBack')).toBe('Escape');
    expect(() => ariaKeyShortcuts('nothing')).toThrow(/nothing/);
  });
});
