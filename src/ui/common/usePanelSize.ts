import { useCallback, useState } from 'react';

/** A panel's size and whether it is shown: a view preference, kept in this browser. */
export interface PanelSize {
  size: number;
  shown: boolean;
}

function read(key: string, fallback: PanelSize): PanelSize {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<PanelSize>;
    return {
      size: typeof v.size === 'number' && Number.isFinite(v.size) ? v.size : fallback.size,
      shown: typeof v.shown === 'boolean' ? v.shown : fallback.shown,
    };
  } catch {
    return fallback;
  }
}

export function usePanelSize(
  key: string,
  fallback: PanelSize,
  bounds: { min: number; max: number },
): [PanelSize, (next: Partial<PanelSize>) => void] {
  const [state, setState] = useState(() => read(`tablewright.panel.${key}`, fallback));
  const update = useCallback(
    (next: Partial<PanelSize>) =>
      setState((prev) => {
        const merged = { ...prev, ...next };
        merged.size = Math.round(Math.min(bounds.max, Math.max(bounds.min, merged.size)));
        try {
          localStorage.setItem(`tablewright.panel.${key}`, JSON.stringify(merged));
        } catch {
          // Storage refused: the size holds for this visit.
        }
        return merged;
      }),
    [key, bounds.min, bounds.max],
  );
  return [state, update];
}
