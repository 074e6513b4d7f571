import { z } from 'zod';

/**
 * What a person in a room shares about themselves: name and colour (their own choice, kept in
 * this browser), the tables they have selected, and their pointer in flow coordinates while it is
 * over the canvas. What arrives from others is whatever JSON their client sent: it is checked
 * here before anything is drawn.
 */
export interface PresenceState {
  name: string;
  colour: string;
  selection: string[];
  pointer: { x: number; y: number } | null;
  access: 'write' | 'read';
  /** Tables this person is dragging right now, where they are (see liveMoves.ts). */
  moving: LiveMove[];
}

/** A table on its way somewhere: a drag in progress, streamed through presence. */
export interface LiveMove {
  id: string;
  x: number;
  y: number;
}

/** Most tables of one drag streamed live (the rest land when it is dropped). */
export const MAX_LIVE_MOVES = 100;

/** Someone else in the room, as drawn (their awareness client id keeps them apart). */
export interface Person extends PresenceState {
  clientId: number;
}

const COORD = z.number().finite().min(-1e7).max(1e7);
export const PresenceSchema = z.object({
  name: z.string().trim().min(1).max(40),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  selection: z.array(z.string().max(64)).max(1000),
  pointer: z.object({ x: COORD, y: COORD }).nullable(),
  access: z.enum(['write', 'read']),
  // Optional: presence from a studio that streams no drags is still presence.
  moving: z
    .array(z.object({ id: z.string().min(1).max(64), x: COORD, y: COORD }))
    .max(MAX_LIVE_MOVES)
    .default([]),
});

/** The others' presence, checked: anything malformed is left out (never drawn, never thrown). */
export function readPeople(others: ReadonlyMap<number, unknown>): Person[] {
  const people: Person[] = [];
  for (const [clientId, raw] of others) {
    const checked = PresenceSchema.safeParse(raw);
    if (checked.success) people.push({ ...checked.data, clientId });
  }
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** Colours that read on both themes; a newcomer gets one at random. */
export const PRESENCE_COLOURS = [
  '#e5484d',
  '#f76b15',
  '#ffb224',
  '#30a46c',
  '#12a594',
  '#0090ff',
  '#6e56cf',
  '#d6409f',
];

export interface Profile {
  name: string;
  colour: string;
}

/** Where this browser keeps the person's name and colour: presence and discussion share it. */
export const PROFILE_KEY = 'tablewright.collab.profile';

/** The profile chosen in this browser, or undefined when none was (or what is kept is damaged). */
export function storedProfile(storage: Pick<Storage, 'getItem'> | undefined): Profile | undefined {
  try {
    const parsed = PresenceSchema.pick({ name: true, colour: true }).safeParse(
      JSON.parse(storage?.getItem(PROFILE_KEY) ?? 'null'),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A fresh guest: distinct enough that two guests in one room can tell each other apart. */
export function guestProfile(): Profile {
  const n = Math.floor(Math.random() * 900) + 100;
  const colour = PRESENCE_COLOURS[Math.floor(Math.random() * PRESENCE_COLOURS.length)]!;
  return { name: `Guest ${n}`, colour };
}

/** This person's name and colour, as last chosen in this browser (a fresh guest otherwise). */
export function loadProfile(storage: Pick<Storage, 'getItem'> | undefined): Profile {
  return storedProfile(storage) ?? guestProfile();
}

/** Checks and keeps a profile; a sentence when it cannot be used. */
export function saveProfile(
  storage: Pick<Storage, 'setItem'> | undefined,
  profile: Profile,
): { ok: true; profile: Profile } | { ok: false; message: string } {
  const checked = PresenceSchema.pick({ name: true, colour: true }).safeParse(profile);
  if (!checked.success)
    return {
      ok: false,
      message: profile.name.trim()
        ? 'Names are at most 40 characters, and the colour a #rrggbb value.'
        : 'Your name cannot be empty: the others see it beside your pointer.',
    };
  try {
    storage?.setItem(PROFILE_KEY, JSON.stringify(checked.data));
  } catch {
    // Not kept for next time (private mode); still used now.
  }
  return { ok: true, profile: checked.data };
}
