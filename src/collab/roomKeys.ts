import { err, ok, type Result } from '../core/result';
import { fromBase64Url, toBase64Url } from '../core/share/base64url';

/**
 * The keys of a room, carried by the invite link's fragment (never sent to a server):
 * `#room=<id>&key=<AES key>&verify=<public key>[&sign=<private key>]`.
 *
 * - `key` (AES-256-GCM) encrypts everything that leaves the browser: the relay holds ciphertext.
 * - `sign` (ECDSA P-256) signs every change; a write invite carries it, a read-only invite only
 *   `verify`, so a read-only member cannot write anything the others would accept.
 * - The relay gets a write token derived from `sign` (it cannot work back to either key) and the
 *   room id is a hash of that token, so the relay tells writers from readers with no table of
 *   its own: `writeTokenOpens(roomId, token)`.
 */
export interface RoomInvite {
  roomId: string;
  /** 32 bytes: the AES-256-GCM key. */
  key: Uint8Array;
  /** 65 bytes: the uncompressed P-256 public key (0x04 ‖ x ‖ y). */
  verify: Uint8Array;
  /** 32 bytes: the P-256 private scalar; absent in a read-only invite. */
  sign?: Uint8Array;
}

/** An invite's keys, imported and ready: what the encrypted room works with. */
export interface RoomKeys {
  roomId: string;
  access: 'write' | 'read';
  encryptionKey: CryptoKey;
  verifyKey: CryptoKey;
  signingKey?: CryptoKey;
  /** For the relay's onAuthenticate: present only for writers. */
  writeToken?: string;
}

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();
const bytes = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

/** A new room: fresh keys, and the write invite that carries all of them. */
export async function createRoom(): Promise<RoomInvite> {
  const key = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const pair = await subtle().generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const jwk = await subtle().exportKey('jwk', pair.privateKey);
  const sign = fromBase64Url(jwk.d!)!;
  const verify = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const roomId = await roomIdFor(await writeTokenFor(sign));
  return { roomId, key, verify, sign };
}

/** The same room without the signing key: people with it can read and follow, not change. */
export function readOnlyInvite(invite: RoomInvite): RoomInvite {
  const { sign: _mine, ...rest } = invite;
  return rest;
}

/** The URL fragment (without `#`) of an invite. */
export function inviteFragment(invite: RoomInvite): string {
  const parts = [
    `room=${invite.roomId}`,
    `key=${toBase64Url(invite.key)}`,
    `verify=${toBase64Url(invite.verify)}`,
  ];
  if (invite.sign) parts.push(`sign=${toBase64Url(invite.sign)}`);
  return parts.join('&');
}

export interface InviteError {
  message: string;
}

/** Reads an invite from a URL fragment (with or without `#`); every part is checked. */
export function parseInviteFragment(fragment: string): Result<RoomInvite, InviteError> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const roomId = params.get('room');
  if (!roomId) return err({ message: 'This is not a room invite: the link has no room.' });
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(roomId))
    return err({
      message: 'The room invite is damaged: the room id is not one Tablewright makes.',
    });
  const part = (name: string, length: number): Uint8Array | undefined => {
    const text = params.get(name);
    const value = text === null ? undefined : fromBase64Url(text);
    return value && value.length === length ? value : undefined;
  };
  const key = part('key', 32);
  const verify = part('verify', 65);
  if (!key || !verify)
    return err({
      message:
        'The room invite is damaged: its keys are missing or cut short (was the link copied whole?).',
    });
  if (!params.has('sign')) return ok({ roomId, key, verify });
  const sign = part('sign', 32);
  if (!sign) return err({ message: 'The room invite is damaged: its signing key is cut short.' });
  return ok({ roomId, key, verify, sign });
}

/** Imports an invite's keys; fails (as a value) when they do not belong together. */
export async function openRoomKeys(invite: RoomInvite): Promise<Result<RoomKeys, InviteError>> {
  try {
    const encryptionKey = await subtle().importKey('raw', bytes(invite.key), 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]);
    const verifyKey = await subtle().importKey(
      'raw',
      bytes(invite.verify),
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
    if (!invite.sign)
      return ok({ roomId: invite.roomId, access: 'read', encryptionKey, verifyKey });
    const jwk = await subtle().exportKey('jwk', verifyKey);
    const signingKey = await subtle().importKey(
      'jwk',
      { ...jwk, d: toBase64Url(invite.sign), key_ops: ['sign'] },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign'],
    );
    const writeToken = await writeTokenFor(invite.sign);
    if ((await roomIdFor(writeToken)) !== invite.roomId)
      return err({ message: 'The room invite is damaged: its signing key is not this room’s.' });
    return ok({
      roomId: invite.roomId,
      access: 'write',
      encryptionKey,
      verifyKey,
      signingKey,
      writeToken,
    });
  } catch (thrown) {
    return err({ message: `The room invite’s keys cannot be used: ${(thrown as Error).message}.` });
  }
}

/** The relay's write token: one-way from the signing key, so it gives away neither key. */
async function writeTokenFor(sign: Uint8Array): Promise<string> {
  const base = await subtle().importKey('raw', bytes(sign), 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: encoder.encode('tablewright relay write token v1'),
    },
    base,
    256,
  );
  return toBase64Url(new Uint8Array(bits));
}

async function roomIdFor(writeToken: string): Promise<string> {
  const digest = await subtle().digest(
    'SHA-256',
    encoder.encode(`tablewright room v1:${writeToken}`),
  );
  return toBase64Url(new Uint8Array(digest)).slice(0, 22);
}

/** What the relay checks: the token is the one this room id was made from. */
export async function writeTokenOpens(roomId: string, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return (await roomIdFor(token)) === roomId;
}
