import { useRef } from 'react';

interface Props {
  /** What it resizes, for its accessible name ("Resize the details panel"). */
  label: string;
  orientation: 'vertical' | 'horizontal';
  size: number;
  min: number;
  max: number;
  /** +1 when moving the pointer right/down grows the panel, -1 when it shrinks it. */
  direction: 1 | -1;
  onResize(size: number): void;
}

const STEP = 24;

/**
 * A WAI-ARIA window splitter: drag it, or focus it and use the arrow keys (Home/End for the
 * smallest and largest size).
 */
export function Splitter({ label, orientation, size, min, max, direction, onResize }: Props) {
  const start = useRef<{ at: number; size: number } | null>(null);
  const along = (e: { clientX: number; clientY: number }) =>
    orientation === 'vertical' ? e.clientX : e.clientY;
  const [less, more] =
    orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  return (
    <div
      className={`tw-splitter tw-splitter-${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { at: along(e), size };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        onResize(start.current.size + direction * (along(e) - start.current.at));
      }}
      onPointerUp={() => {
        start.current = null;
      }}
      onKeyDown={(e) => {
        const delta = e.key === more ? STEP : e.key === less ? -STEP : 0;
        if (delta) onResize(size + direction * delta);
        else if (e.key === 'Home') onResize(min);
        else if (e.key === 'End') onResize(max);
        else return;
        e.preventDefault();
      }}
    />
  );
}
