import { checkRelayUrl } from './collaboration';

/**
 * Where the studio finds its relay, first found wins: `?relay=` in the address (an invite link
 * carries the relay it was made on), the URL this person entered (kept in this browser), the
 * URL the studio was built with (`VITE_TABLEWRIGHT_RELAY`; `npm start` sets it to a local relay).
 */
export interface RelaySources {
  query?: string | null;
  stored?: string | null;
  built?: string | null;
}

export const RELAY_KEY = 'tablewright.relayUrl';

export function chooseRelayUrl(sources: RelaySources): string | undefined {
  for (const url of [sources.query, sources.stored, sources.built]) {
    if (url && url.trim()) return url.trim();
  }
  return undefined;
}

/** The browser's sources. */
export function browserRelaySources(): RelaySources {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(RELAY_KEY) ?? null;
  } catch {
    // Storage refused (private mode): no stored URL.
  }
  return {
    query: new URLSearchParams(globalThis.location?.search ?? '').get('relay'),
    stored,
    built: (import.meta.env.VITE_TABLEWRIGHT_RELAY as string | undefined) ?? null,
  };
}

/** Keeps (or, with an empty text, forgets) the URL this person entered; a sentence when invalid. */
export function storeRelayUrl(
  text: string,
): { ok: true; url?: string } | { ok: false; message: string } {
  if (!text.trim()) {
    try {
      globalThis.localStorage?.removeItem(RELAY_KEY);
    } catch {
      // Nothing stored.
    }
    return { ok: true };
  }
  const checked = checkRelayUrl(text);
  if (!checked.ok) return { ok: false, message: checked.error.message };
  try {
    globalThis.localStorage?.setItem(RELAY_KEY, checked.value);
  } catch {
    // Used for this visit only.
  }
  return { ok: true, url: checked.value };
}

/** True for an invite link's fragment (`#room=…`), damaged or not: joining says what is wrong. */
export function isRoomFragment(hash: string): boolean {
  return /^#?room=/.test(hash);
}
