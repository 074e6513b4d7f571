import { decodeShare, sharePayload } from '../core/share';
import type { StartOptions } from './designSession';

/** What the page's address asks for: a shared design (or why it cannot be opened), and embed mode. */
export interface LocationRequest extends StartOptions {
  /** `?embed`: only the diagram, read-only, for docs and wikis. */
  embed: boolean;
}

export function readLocation(location: { hash: string; search: string }): LocationRequest {
  const embed = new URLSearchParams(location.search).has('embed');
  const payload = sharePayload(location.hash);
  if (payload === undefined) return { embed };
  const decoded = decodeShare(payload);
  return decoded.ok
    ? { embed, shared: decoded.value }
    : { embed, shareError: decoded.error.message };
}

/** The address without the design: after "Save a copy" a reload opens one's own design. */
export function forgetSharedLocation(): void {
  const { pathname, search } = globalThis.location;
  globalThis.history.replaceState(
    null,
    '',
    pathname + search.replace(/([?&])embed(=[^&]*)?&?/, '$1').replace(/[?&]$/, ''),
  );
}

/** The studio's own address, for links made here. */
export function studioBaseUrl(): string {
  const { origin, pathname } = globalThis.location;
  return origin + pathname;
}
