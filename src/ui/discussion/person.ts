import { useSyncExternalStore } from 'react';
import {
  guestProfile,
  PROFILE_KEY,
  saveProfile,
  storedProfile,
  type Profile,
} from '../../app/presence';
import { browserLocalStorage } from '../../persistence/browserStorage';

/**
 * Who I am in this browser: the name my discussion messages carry. The same profile (name and
 * colour) presence shows in a live room, kept under one key, so a person names themselves once.
 * Not an account: anyone may type any name.
 */
export type Person = Profile;

/** The longest name a person may take (presence's limit; a message's author field allows it). */
export const PERSON_NAME_MAX = 40;

/** The stored person, or undefined when this browser has not chosen a name yet (or it is damaged). */
export function readPerson(): Person | undefined {
  return storedProfile(browserLocalStorage());
}

const listeners = new Set<() => void>();

/** Remembers the name (and keeps the colour presence chose, or picks one). */
export function savePerson(name: string): Person {
  const wanted: Person = {
    name: name.trim().slice(0, PERSON_NAME_MAX),
    colour: readPerson()?.colour ?? guestProfile().colour,
  };
  const saved = saveProfile(browserLocalStorage(), wanted);
  // A name presence refuses (empty) is not kept; the message still carries what was typed.
  const person = saved.ok ? saved.profile : wanted;
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
  suggested ??= guestProfile().name;
  return suggested;
}

let cached: Person | undefined | null = null;
function current(): Person | undefined {
  if (cached === null) cached = readPerson();
  return cached;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab (or the room dialog) renamed the person.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== PROFILE_KEY) return;
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
