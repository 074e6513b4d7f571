import { deflateSync } from 'fflate';
import { err, ok, type Result } from '../result';
import { parseDesign, type DesignDocument } from '../model';
import { fromBase64Url, toBase64Url } from './base64url';
import { inflateCapped } from './inflateCapped';
import { pack, unpack, type Json } from './pack';

/**
 * Share links carry the whole design in the URL fragment (never sent to a server):
 * `#design=v<format>.<base64url(deflate(json))>`.
 * - v1: the stored document as it is.
 * - v2: packed JSON (see pack.ts): ids as counters, rows instead of repeated keys; about as long
 *   as the deflated DDL.
 * Every format ever shipped keeps decoding; a newer one is refused with a message.
 */
export const LINK_FORMAT = 2;
const PARAM = 'design=';

/** Past this many characters a fragment is not a link anyone sent: refused before any work. */
export const MAX_LINK_CHARS = 8_000_000;
/** What a link may inflate to. A bomb (a few KB inflating to gigabytes) stops here. */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;
/** Links longer than this work in browsers but not everywhere people paste them: a file is offered. */
export const COMFORTABLE_LINK_CHARS = 32_000;
/**
 * Chromium refuses to open a URL longer than 2 MB (2,097,152 characters), so a longer link cannot
 * open anywhere that matters: the design file is the way to send it.
 */
export const MAX_OPENABLE_LINK_CHARS = 2 * 1024 * 1024;

/** How far a whole link (base and fragment) will travel: anywhere, browsers only, or nowhere. */
export type LinkReach = 'anywhere' | 'browsersOnly' | 'tooLong';

export function linkReach(linkLength: number): LinkReach {
  if (linkLength > MAX_OPENABLE_LINK_CHARS) return 'tooLong';
  return linkLength > COMFORTABLE_LINK_CHARS ? 'browsersOnly' : 'anywhere';
}

export type ShareErrorKind = 'truncated' | 'corrupted' | 'newer' | 'tooLarge' | 'invalid';

export interface ShareError {
  kind: ShareErrorKind;
  /** A sentence for the person who opened the link. */
  message: string;
}

/** The fragment's payload (`v2.…`) for this document. */
export function encodeShare(doc: DesignDocument): string {
  const json = JSON.stringify(pack(JSON.parse(JSON.stringify(doc)) as Json));
  const bytes = deflateSync(new TextEncoder().encode(json), { level: 9, mem: 12 });
  return `v${LINK_FORMAT}.${toBase64Url(bytes)}`;
}

/** A full link: `base` (the studio's URL, any fragment dropped) plus the design. */
export function shareLink(base: string, doc: DesignDocument): string {
  return `${base.replace(/#.*$/, '')}#${PARAM}${encodeShare(doc)}`;
}

/** The payload of a location hash (`#design=…`), or undefined when the hash is not a share link. */
export function sharePayload(hash: string): string | undefined {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  return h.startsWith(PARAM) ? h.slice(PARAM.length) : undefined;
}

/** Decodes a payload (or a whole link) into a validated document; every failure is a sentence. */
export function decodeShare(input: string): Result<DesignDocument, ShareError> {
  const hashAt = input.indexOf('#');
  const payload = sharePayload(hashAt >= 0 ? input.slice(hashAt) : input) ?? input;
  if (payload.length > MAX_LINK_CHARS) {
    return err({
      kind: 'tooLarge',
      message: `This link is ${payload.length.toLocaleString('en')} characters long, more than any design needs; it was not opened.`,
    });
  }
  const head = /^v(\d{1,6})\.([\s\S]*)$/.exec(payload);
  if (!head)
    return err({
      kind: 'corrupted',
      message:
        'This is not a Tablewright share link: the design part of the address is missing or mangled.',
    });
  const version = Number(head[1]);
  if (version > LINK_FORMAT) {
    return err({
      kind: 'newer',
      message: `This link was made by a newer Tablewright (link format ${version}; this one reads up to ${LINK_FORMAT}). Update the studio to open it.`,
    });
  }
  if (version < 1)
    return err({
      kind: 'corrupted',
      message: `This link names a link format (${version}) that never existed.`,
    });
  const bytes = fromBase64Url(head[2]!.trim());
  if (!bytes)
    return err({
      kind: 'corrupted',
      message:
        'This link is damaged: it contains characters a share link never has. Was it edited or cut while copying?',
    });
  const inflated = inflateLink(bytes);
  if (!inflated.ok) return inflated;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
  } catch {
    return err({
      kind: 'corrupted',
      message: 'This link is damaged: its content is not valid text.',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err({
      kind: 'corrupted',
      message: 'This link is damaged: its content is not a readable design.',
    });
  }
  if (version >= 2) {
    try {
      value = unpack(value as Json);
    } catch {
      return err({
        kind: 'corrupted',
        message: "This link is damaged: its design is not laid out as a share link's is.",
      });
    }
  }
  const doc = parseDesign(value);
  if (!doc.ok)
    return err({
      kind: 'invalid',
      message: `This link's design cannot be opened. ${doc.error.message}`,
    });
  return ok(doc.value);
}

/** The link's compressed design inflated, capped at MAX_INFLATED_BYTES; a problem said plainly. */
function inflateLink(bytes: Uint8Array): Result<Uint8Array, ShareError> {
  const inflated = inflateCapped(bytes, MAX_INFLATED_BYTES);
  if (inflated.ok) return inflated;
  switch (inflated.error) {
    case 'tooLarge':
      return err({
        kind: 'tooLarge',
        message: `This link expands to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB, far more than a design needs; it was not opened.`,
      });
    case 'corrupt':
      return err({
        kind: 'truncated',
        message:
          'This link is damaged or cut off: its compressed design does not decode. Ask for the link again, or for the design as a file.',
      });
    case 'truncated':
      return err({
        kind: 'truncated',
        message:
          'This link is cut off: the design it carries ends early. Ask for the link again, or for the design as a file.',
      });
  }
}
