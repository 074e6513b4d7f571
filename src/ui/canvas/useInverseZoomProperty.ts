import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';

/**
 * Keeps `--tw-inverse-zoom` (1 / zoom) on the canvas element, so what must stay legible far out (a
 * table's name on its block) is sized in CSS against the zoom: zooming restyles those labels
 * without re-rendering a single node.
 */
export function useInverseZoomProperty(ref: RefObject<HTMLElement | null>): void {
  const flowStore = useStoreApi();
  useEffect(() => {
    let zoom = 0;
    const apply = (next: number) => {
      if (next === zoom || !ref.current) return;
      zoom = next;
      ref.current.style.setProperty('--tw-inverse-zoom', String(1 / next));
    };
    apply(flowStore.getState().transform[2]);
    return flowStore.subscribe((s) => apply(s.transform[2]));
  }, [flowStore, ref]);
}
