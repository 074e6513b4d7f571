/**
 * Characters that change how a name looks without being seen: bidirectional controls (a name with
 * U+202E reads backwards: "user_sdrowssap") and zero-width characters (two names that look the
 * same but differ). PostgreSQL accepts them in quoted identifiers; a reviewer must see them.
 */
const HIDDEN = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** A zero-width joiner between two pictographs builds one emoji (👩‍💻): it is seen, not hidden. */
function joinsEmoji(name: string, at: number): boolean {
  const before = [...name.slice(0, at).replace(/\uFE0F$/, '')].pop() ?? '';
  const after = [...name.slice(at + 1)][0] ?? '';
  return PICTOGRAPH.test(before) && PICTOGRAPH.test(after);
}

/** The name with each hidden character shown as its code point, e.g. `abc⟨U+202E⟩def`. */
export function visibleName(name: string): string {
  return name.replace(HIDDEN, (c, at: number) =>
    c === '\u200D' && joinsEmoji(name, at)
      ? c
      : `⟨U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

/** True when `name` holds a character `visibleName` would show. */
export function hasHiddenCharacters(name: string): boolean {
  return visibleName(name) !== name;
}
