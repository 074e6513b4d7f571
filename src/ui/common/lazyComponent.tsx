import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code is downloaded the first time it renders, so the first paint does not
 * wait for it (Monaco, @dbml/core and the panels nobody has opened yet are most of the studio's
 * JavaScript). `load` picks the named export: `() => import('./X').then((m) => m.X)`.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  return lazy(async () => ({ default: await load() }));
}

/**
 * Shows `children` once their code has arrived; meanwhile a status line a screen reader
 * announces ("Loading the DDL editor…"). A download that fails (offline after an update) throws
 * to the nearest ErrorBoundary, which says which area could not be shown.
 */
export function Loading({ what, children }: { what: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="tw-pad tw-muted" role="status">
          Loading {what}…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
