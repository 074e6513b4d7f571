import { useCallback, useState } from 'react';

const KEY = 'tablewright.minimap';
/** Below this many tables the whole design fits on screen: the minimap would only cover tables. */
export const MINIMAP_FROM_TABLES = 16;

function stored(): boolean | undefined {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'shown' ? true : v === 'hidden' ? false : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the minimap shows: the person's own choice once made (kept in this browser), else only
 * for designs big enough to need it.
 */
export function useMinimapPreference(tableCount: number): [boolean, () => void] {
  const [choice, setChoice] = useState<boolean | undefined>(stored);
  const shown = choice ?? tableCount >= MINIMAP_FROM_TABLES;
  const toggle = useCallback(() => {
    const next = !shown;
    setChoice(next);
    try {
      localStorage.setItem(KEY, next ? 'shown' : 'hidden');
    } catch {
      // Storage refused (private mode): the choice holds for this visit.
    }
  }, [shown]);
  return [shown, toggle];
}
