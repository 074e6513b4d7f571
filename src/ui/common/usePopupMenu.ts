import { useEffect, useRef } from 'react';

/**
 * A context menu's keyboard and pointer manners: its first item takes focus when it opens (so
 * arrows and Enter work at once), and a press anywhere outside it closes it.
 */
export function usePopupMenu<E extends HTMLElement>(onClose: () => void) {
  const ref = useRef<E>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away);
    return () => window.removeEventListener('pointerdown', away);
  }, [onClose]);
  return ref;
}
