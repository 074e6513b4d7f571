import { inviteFragment, readOnlyInvite, type RoomInvite } from '../collab/roomKeys';

/** The room's links: anyone with the first can edit, with the second only follow. */
export function roomLinks(
  invite: RoomInvite,
  baseUrl: string,
  relayUrl: string | undefined,
): { editLink?: string; readLink: string } {
  const base = baseUrl + (relayUrl ? `?relay=${encodeURIComponent(relayUrl)}` : '');
  return {
    editLink: invite.sign ? `${base}#${inviteFragment(invite)}` : undefined,
    readLink: `${base}#${inviteFragment(readOnlyInvite(invite))}`,
  };
}

/**
 * The address bar while in a room: its invite fragment, and the relay in the query so a reload
 * finds it; both removed when the room is left (`fragment` undefined).
 */
export function showRoomAddress(fragment: string | undefined, relayUrl: string | undefined): void {
  const loc = globalThis.location;
  if (!loc) return;
  const query = new URLSearchParams(loc.search);
  if (fragment && relayUrl) query.set('relay', relayUrl);
  else query.delete('relay');
  const search = query.toString();
  globalThis.history.replaceState(
    null,
    '',
    loc.pathname + (search ? `?${search}` : '') + (fragment ? `#${fragment}` : ''),
  );
}
