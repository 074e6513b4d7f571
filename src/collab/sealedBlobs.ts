import { err, ok, type Result } from '../core/result';
import { fromBase64Url, toBase64Url } from '../core/share/base64url';
import type { RoomKeys } from './roomKeys';

/**
 * One sealed change as the relay stores it: encrypted (AES-256-GCM, bound to the room and the
 * kind), then signed (ECDSA P-256) by a writer.
 *
 *   "TW" ‖ version 1 ‖ kind ‖ signature (64) ‖ iv (12) ‖ ciphertext
 */
export type BlobKind = 'update' | 'snapshot' | 'presence' | 'change';
/** `change`: an update with its author (see authoredChanges.ts); `update` is one without. */
const KIND_BYTE: Record<BlobKind, number> = { update: 1, snapshot: 2, presence: 3, change: 4 };
const HEADER = 4;
const SIGNATURE = 64;
const IV = 12;
const MIN_BLOB = HEADER + SIGNATURE + IV + 16;

export interface OpenedBlob {
  kind: BlobKind;
  plaintext: Uint8Array;
}

/** Why a blob was refused, for a log line or a notice (never shown the plaintext). */
export interface BlobRefusal {
  reason: 'malformed' | 'unsigned' | 'badSignature' | 'undecryptable' | 'tooLarge';
  message: string;
}

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();
const ab = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

function signedPart(roomId: string, blob: Uint8Array): Uint8Array<ArrayBuffer> {
  const room = encoder.encode(roomId);
  const out = new Uint8Array(HEADER + (blob.length - HEADER - SIGNATURE) + room.length);
  out.set(blob.subarray(0, HEADER), 0);
  out.set(blob.subarray(HEADER + SIGNATURE), HEADER);
  out.set(room, out.length - room.length);
  return out;
}

const additionalData = (roomId: string, kind: number) =>
  ab(encoder.encode(`tablewright ${roomId} ${kind}`));

/** Encrypts and (for a writer) signs. Presence is encrypted only: readers have presence too. */
export async function sealBlob(
  keys: RoomKeys,
  kind: BlobKind,
  plaintext: Uint8Array,
): Promise<Uint8Array> {
  const kindByte = KIND_BYTE[kind];
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV));
  const ciphertext = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(keys.roomId, kindByte) },
      keys.encryptionKey,
      ab(plaintext),
    ),
  );
  const blob = new Uint8Array(HEADER + SIGNATURE + IV + ciphertext.length);
  blob.set([0x54, 0x57, 1, kindByte], 0);
  blob.set(iv, HEADER + SIGNATURE);
  blob.set(ciphertext, HEADER + SIGNATURE + IV);
  if (kind !== 'presence') {
    if (!keys.signingKey) throw new Error('A read-only member cannot write to the room.');
    const signature = await subtle().sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      keys.signingKey,
      signedPart(keys.roomId, blob),
    );
    blob.set(new Uint8Array(signature), HEADER);
  }
  return blob;
}

/**
 * Checks and opens a blob; anything else than a well-formed, correctly signed (for changes) and
 * decryptable blob of at most `maxBytes` is refused as a value, never thrown.
 */
export async function openBlob(
  keys: RoomKeys,
  blob: unknown,
  maxBytes: number,
): Promise<Result<OpenedBlob, BlobRefusal>> {
  if (
    !(blob instanceof Uint8Array) ||
    blob.length < MIN_BLOB ||
    blob[0] !== 0x54 ||
    blob[1] !== 0x57 ||
    blob[2] !== 1
  )
    return err({
      reason: 'malformed',
      message: 'A change arrived that is not a sealed Tablewright change.',
    });
  if (blob.length > maxBytes)
    return err({
      reason: 'tooLarge',
      message: `A change of ${blob.length} bytes arrived, over the ${maxBytes}-byte cap.`,
    });
  const kind = (Object.keys(KIND_BYTE) as BlobKind[]).find((k) => KIND_BYTE[k] === blob[3]);
  if (!kind) return err({ reason: 'malformed', message: 'A change of an unknown kind arrived.' });
  if (kind !== 'presence') {
    const signature = blob.subarray(HEADER, HEADER + SIGNATURE);
    if (signature.every((b) => b === 0))
      return err({
        reason: 'unsigned',
        message: 'An unsigned change arrived (from a read-only member?).',
      });
    const valid = await subtle().verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      keys.verifyKey,
      ab(signature),
      signedPart(keys.roomId, blob),
    );
    if (!valid)
      return err({
        reason: 'badSignature',
        message: 'A change arrived whose signature is not a writer’s of this room.',
      });
  }
  try {
    const plaintext = await subtle().decrypt(
      {
        name: 'AES-GCM',
        iv: ab(blob.subarray(HEADER + SIGNATURE, HEADER + SIGNATURE + IV)),
        additionalData: additionalData(keys.roomId, blob[3]!),
      },
      keys.encryptionKey,
      ab(blob.subarray(HEADER + SIGNATURE + IV)),
    );
    return ok({ kind, plaintext: new Uint8Array(plaintext) });
  } catch {
    return err({
      reason: 'undecryptable',
      message: 'A change arrived that this room’s key does not open.',
    });
  }
}

/** Presence as awareness carries it (JSON): a sealed, base64url string. */
export async function sealPresence(keys: RoomKeys, value: unknown): Promise<string> {
  return toBase64Url(await sealBlob(keys, 'presence', encoder.encode(JSON.stringify(value))));
}

/** Someone's presence, or undefined when it does not open or is not JSON. */
export async function openPresence(
  keys: RoomKeys,
  sealed: unknown,
  maxBytes: number,
): Promise<unknown> {
  if (typeof sealed !== 'string' || sealed.length > maxBytes * 2) return undefined;
  const bytes = fromBase64Url(sealed);
  if (!bytes) return undefined;
  const opened = await openBlob(keys, bytes, maxBytes);
  if (!opened.ok || opened.value.kind !== 'presence') return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(opened.value.plaintext));
  } catch {
    return undefined;
  }
}
