import type { StudioState } from '../../state/store';
import type { ShortcutScope } from './shortcutScope';

/**
 * Every keyboard shortcut of the studio, as data: the global handler (`useShortcuts`) acts only
 * through `resolveShortcut` over this table, and the Keyboard shortcuts dialog lists this table,
 * so a key the studio answers to is always a key the dialog shows, with what it does.
 *
 * They act only on what the person is looking at: never while a dialog is open or while typing
 * (see `shortcutScope`); single keys, Delete and select-all only when the canvas (or nothing) has
 * focus, so a focused button or tab never deletes a table. `/` (search) and `?` (this list) are
 * claimed by no control, so they work from a focused button too.
 */

/** One key combination. */
export interface Chord {
  /** `KeyboardEvent.key`, lower-cased (a shifted letter is the same key). */
  key: string;
  /** Ctrl, or ⌘ on a Mac: either is accepted on every platform; Alt is not looked at. */
  mod?: boolean;
  /** `true`: Shift held; `false`: not held; absent: either. */
  shift?: boolean;
}

/** What a shortcut does, carried out by `useShortcuts` (they need React Flow and the store). */
export interface ShortcutEffects {
  undo(): void;
  redo(): void;
  share(): void;
  export(): void;
  showShortcuts(): void;
  focusSearch(): void;
  selectAll(): void;
  deleteSelected(): void;
  addTable(): void;
  arrange(): void;
  fitView(): void;
  focusSelected(): void;
  findPath(): void;
  newSubjectArea(): void;
  toggleKeysOnly(): void;
  stepBack(): void;
}

export const SHORTCUT_GROUPS = ['Canvas', 'Design', 'Reading', 'Everywhere'] as const;
export type ShortcutGroup = (typeof SHORTCUT_GROUPS)[number];

/** What must hold for a shortcut to act, shown beside it in the list. */
export type ShortcutNeed = 'editable' | 'selection';
export const NEED_LABELS: Record<ShortcutNeed, string> = {
  editable: 'editors only',
  selection: 'tables selected',
};

interface BindingBase {
  id: string;
  chords: readonly Chord[];
  /** What it does, as the list says it: a sentence fragment starting with a verb. */
  description: string;
  group: ShortcutGroup;
  needs?: readonly ShortcutNeed[];
}

/** A shortcut the global handler acts on. */
export interface HandledBinding extends BindingBase {
  /** `anywhere`: any focus but text entry; `canvas`: only when the canvas (or nothing) has focus. */
  where: 'anywhere' | 'canvas';
  effect: keyof ShortcutEffects;
  /** Escape also closes menus and panels on its own: the browser's handling is kept. */
  keepDefault?: boolean;
}

/** A key the focused table on the canvas answers itself (React Flow's node, or far out its box). */
export interface TableBinding extends BindingBase {
  where: 'table';
}

export type Binding = HandledBinding | TableBinding;

export const SHORTCUTS: readonly Binding[] = [
  // Everywhere
  {
    id: 'help',
    chords: [{ key: '?' }],
    description: 'Show these keyboard shortcuts',
    group: 'Everywhere',
    where: 'anywhere',
    effect: 'showShortcuts',
  },
  {
    id: 'search',
    chords: [{ key: '/' }],
    description: 'Search tables',
    group: 'Everywhere',
    where: 'anywhere',
    effect: 'focusSearch',
  },
  {
    id: 'undo',
    chords: [{ key: 'z', mod: true, shift: false }],
    description: 'Undo',
    group: 'Everywhere',
    where: 'anywhere',
    effect: 'undo',
  },
  {
    id: 'redo',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    description: 'Redo',
    group: 'Everywhere',
    where: 'anywhere',
    effect: 'redo',
  },
  {
    id: 'share',
    chords: [{ key: 's', mod: true, shift: true }],
    description: 'Share a link to this design',
    group: 'Everywhere',
    where: 'anywhere',
    effect: 'share',
  },
  {
    id: 'export',
    chords: [{ key: 'e', mod: true, shift: true }],
    description: 'Export SQL, diagrams, ORM models, images…',
    group: 'Everywhere',
    where: 'anywhere',
    effect: 'export',
  },
  // Canvas
  {
    id: 'selectAll',
    chords: [{ key: 'a', mod: true }],
    description: 'Select every table',
    group: 'Canvas',
    where: 'canvas',
    effect: 'selectAll',
  },
  {
    id: 'moveTables',
    chords: [{ key: 'arrowup' }, { key: 'arrowdown' }, { key: 'arrowleft' }, { key: 'arrowright' }],
    description: 'Move the selected tables (with Shift, farther)',
    group: 'Canvas',
    where: 'table',
    needs: ['editable'],
  },
  {
    id: 'openTable',
    chords: [{ key: 'enter' }],
    description: 'Select the focused table; far out, bring it near to read',
    group: 'Canvas',
    where: 'table',
  },
  {
    id: 'selectTable',
    chords: [{ key: ' ' }],
    description: 'Select the focused table',
    group: 'Canvas',
    where: 'table',
  },
  {
    id: 'tableMenu',
    chords: [{ key: 'contextmenu' }],
    description: 'Open the focused table’s menu',
    group: 'Canvas',
    where: 'table',
  },
  {
    id: 'fitView',
    chords: [{ key: 'f' }],
    description: 'Fit the whole diagram in view',
    group: 'Canvas',
    where: 'canvas',
    effect: 'fitView',
  },
  // Design
  {
    id: 'addTable',
    chords: [{ key: 't' }],
    description: 'Add a table and name it',
    group: 'Design',
    where: 'canvas',
    effect: 'addTable',
    needs: ['editable'],
  },
  {
    id: 'deleteTables',
    chords: [{ key: 'delete' }, { key: 'backspace' }],
    description: 'Delete the selected tables',
    group: 'Design',
    where: 'canvas',
    effect: 'deleteSelected',
    needs: ['editable', 'selection'],
  },
  {
    id: 'arrange',
    chords: [{ key: 'l' }],
    description: 'Arrange every table, or only the selected ones when several are',
    group: 'Design',
    where: 'canvas',
    effect: 'arrange',
    needs: ['editable'],
  },
  {
    id: 'subjectArea',
    chords: [{ key: 'g' }],
    description: 'Group the selected tables into a new subject area',
    group: 'Design',
    where: 'canvas',
    effect: 'newSubjectArea',
    needs: ['editable', 'selection'],
  },
  // Reading
  {
    id: 'focus',
    chords: [{ key: 'n' }],
    description: 'Focus on the selected table and its neighbours',
    group: 'Reading',
    where: 'canvas',
    effect: 'focusSelected',
    needs: ['selection'],
  },
  {
    id: 'findPath',
    chords: [{ key: 'p' }],
    description: 'Find the chain of foreign keys between two tables',
    group: 'Reading',
    where: 'canvas',
    effect: 'findPath',
  },
  {
    id: 'keysOnly',
    chords: [{ key: 'k' }],
    description: 'Show only key columns in every table, or every column again',
    group: 'Reading',
    where: 'canvas',
    effect: 'toggleKeysOnly',
  },
  {
    id: 'stepBack',
    chords: [{ key: 'escape' }],
    description: 'Step back: leave the path, then the focus, then clear the selection',
    group: 'Reading',
    where: 'canvas',
    effect: 'stepBack',
    keepDefault: true,
  },
];

/** The key event fields a shortcut looks at. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export function matchesChord(chord: Chord, e: KeyPress): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (chord.mod ? !mod : mod || e.altKey) return false;
  if (chord.shift !== undefined && chord.shift !== e.shiftKey) return false;
  return e.key.toLowerCase() === chord.key;
}

/** Whether what `binding` needs holds now. */
export function bindingApplies(
  binding: Binding,
  s: Pick<StudioState, 'readOnly' | 'selection'>,
): boolean {
  return (binding.needs ?? []).every((need) =>
    need === 'editable' ? !s.readOnly : s.selection.tableIds.length > 0,
  );
}

/** The shortcut a key press in `scope` acts as now, if any. No two shortcuts share a key. */
export function resolveShortcut(
  e: KeyPress,
  scope: ShortcutScope,
  s: Pick<StudioState, 'readOnly' | 'selection'>,
): HandledBinding | undefined {
  if (scope === 'none') return undefined;
  for (const b of SHORTCUTS) {
    if (b.where === 'table' || (b.where === 'canvas' && scope !== 'canvas')) continue;
    if (b.chords.some((c) => matchesChord(c, e)) && bindingApplies(b, s)) return b;
  }
  return undefined;
}

/** The shortcuts of each group, in the table's order, for the list. */
export function shortcutsByGroup(): { group: ShortcutGroup; bindings: Binding[] }[] {
  return SHORTCUT_GROUPS.map((group) => ({
    group,
    bindings: SHORTCUTS.filter((b) => b.group === group),
  }));
}

/** What the list says about when a shortcut acts, beside its description. */
export function conditionsOf(binding: Binding): string[] {
  return [
    ...(binding.where === 'table' ? ['a table has focus'] : []),
    ...(binding.needs ?? []).map((n) => NEED_LABELS[n]),
  ];
}

/** Apple platforms say ⌘ and ⇧ where others say Ctrl and Shift. */
export function isApplePlatform(nav: {
  platform?: string;
  userAgentData?: { platform?: string };
}): boolean {
  const platform = nav.userAgentData?.platform || nav.platform || '';
  return /mac|iphone|ipad|ipod/i.test(platform);
}

/** How the list writes a key (shown) and how a screen reader says it (spoken). */
const KEY_NAMES: Record<string, { shown: string; spoken: string; aria: string }> = {
  ' ': { shown: 'Space', spoken: 'Space', aria: 'Space' },
  escape: { shown: 'Esc', spoken: 'Esc', aria: 'Escape' },
  delete: { shown: 'Delete', spoken: 'Delete', aria: 'Delete' },
  backspace: { shown: 'Backspace', spoken: 'Backspace', aria: 'Backspace' },
  enter: { shown: 'Enter', spoken: 'Enter', aria: 'Enter' },
  contextmenu: { shown: 'Menu', spoken: 'Menu key', aria: 'ContextMenu' },
  arrowup: { shown: '↑', spoken: 'Up arrow', aria: 'ArrowUp' },
  arrowdown: { shown: '↓', spoken: 'Down arrow', aria: 'ArrowDown' },
  arrowleft: { shown: '←', spoken: 'Left arrow', aria: 'ArrowLeft' },
  arrowright: { shown: '→', spoken: 'Right arrow', aria: 'ArrowRight' },
};
const keyName = (key: string) =>
  KEY_NAMES[key] ?? {
    shown: key.toUpperCase(),
    spoken: key.toUpperCase(),
    aria: key.toUpperCase(),
  };

export interface KeyCap {
  shown: string;
  spoken: string;
}
const CTRL: KeyCap = { shown: 'Ctrl', spoken: 'Ctrl' };
const SHIFT: KeyCap = { shown: 'Shift', spoken: 'Shift' };
const COMMAND: KeyCap = { shown: '⌘', spoken: 'Command' };
const SHIFT_APPLE: KeyCap = { shown: '⇧', spoken: 'Shift' };

/**
 * The keys of a chord as a person reads them on this platform: Ctrl, Shift, S elsewhere; ⇧ ⌘ S on
 * a Mac (Shift first, as its menus write it).
 */
export function chordKeys(chord: Chord, apple: boolean): KeyCap[] {
  const mods = apple
    ? [chord.shift && SHIFT_APPLE, chord.mod && COMMAND]
    : [chord.mod && CTRL, chord.shift && SHIFT];
  const { shown, spoken } = keyName(chord.key);
  return [...mods.filter((m): m is KeyCap => !!m), { shown, spoken }];
}

/** A binding's first chord as `aria-keyshortcuts` writes it (`Control+Shift+S`, `?`). */
export function ariaKeyShortcuts(id: string): string {
  const chord = SHORTCUTS.find((b) => b.id === id)?.chords[0];
  if (!chord) throw new Error(`No shortcut "${id}"`);
  return [
    ...(chord.mod ? ['Control'] : []),
    ...(chord.shift ? ['Shift'] : []),
    keyName(chord.key).aria,
  ].join('+');
}
