import { jsonEqual } from '../collab/sharedDesign';
import type { DesignDocument } from '../core/model';
import type { StudioState } from '../state/store';

type Shown = Pick<StudioState, 'design' | 'layout'>;

/** Same design and layout objects apart from the viewport (which is each person's own). */
export function sameShared(s: Shown, doc: DesignDocument): boolean {
  if (s.design !== doc.design) return false;
  if (s.layout === doc.layout) return true;
  const a = s.layout as unknown as Record<string, unknown>;
  const b = doc.layout as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (key !== 'viewport' && a[key] !== b[key]) return false;
  return true;
}

/** Same design and layout by value, apart from the viewport. */
export function sameDesign(s: Shown, doc: DesignDocument): boolean {
  const { viewport: _mine, ...layout } = s.layout;
  const { viewport: _theirs, ...other } = doc.layout;
  return jsonEqual(s.design, doc.design) && jsonEqual(layout, other);
}
