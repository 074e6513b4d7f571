import { useSyncExternalStore } from 'react';
import { AREA_COLORS, THREAD_LIMITS } from '../../core/model';

/**
 * Who I am in this browser: the display name my discussion messages carry (and, for presence,
 * my colour). Kept in localStorage under one key that presence shares, so a person names
 * themselves once. Not an account: anyone may type any name.
 */
export interface Person {
  name: string;
  /** A key of the table palette (`AREA_COLORS`), e.g. `teal`. */
  color: (typeof AREA_COLORS)[number];
}

export const PERSON_KEY = 'tablewright.person';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // sandboxed frames and some private modes throw on access
  }
}

/** The stored person, or undefined when this browser has not chosen a name yet (or it is damaged). */
export function readPerson(): Person | undefined {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(PERSON_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { name, color } = raw as Record<string, unknown>;
    if (typeof name !== 'string' || !name.trim()) return undefined;
    const palette: readonly string[] = AREA_COLORS;
    return {
      name: name.trim().slice(0, THREAD_LIMITS.author),
      color:
        typeof color === 'string' && palette.includes(color) ? (color as Person['color']) : 'blue',
    };
  } catch {
    return undefined;
  }
}

const listeners = new Set<() => void>();

/** Remembers the name (and keeps the colour presence chose, or picks one). */
export function savePerson(name: string): Person {
  const person: Person = {
    name: name.trim().slice(0, THREAD_LIMITS.author),
    color: readPerson()?.color ?? defaultColor(),
  };
  try {
    storage()?.setItem(PERSON_KEY, JSON.stringify(person));
  } catch {
    // Full or blocked storage: the name holds for this page only.
  }
  cached = person;
  for (const l of listeners) l();
  return person;
}

let suggested: string | undefined;
/**
 * A name to start from: distinct enough that two guests in one review can tell each other apart,
 * and the same in every box of this page until one is chosen.
 */
export function defaultPersonName(): string {
  suggested ??= `Guest ${100 + Math.floor(Math.random() * 900)}`;
  return suggested;
}

function defaultColor(): Person['color'] {
  const colors = AREA_COLORS.slice(1); // slate is the tables' default: not a person's colour
  return colors[Math.floor(Math.random() * colors.length)] ?? 'blue';
}

let cached: Person | undefined | null = null;
function current(): Person | undefined {
  if (cached === null) cached = readPerson();
  return cached;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab (or the presence feature in another tab) renamed the person.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== PERSON_KEY) return;
    cached = readPerson();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The person as React state: undefined until they have chosen a name. */
export function usePerson(): Person | undefined {
  return useSyncExternalStore(subscribe, current, () => undefined);
}
