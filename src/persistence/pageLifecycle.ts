/** Where "the tab is going away" is heard. Injectable so tests need no DOM. */
export interface PageEventSources {
  /** Fires `visibilitychange`; defaults to `globalThis.document`. null: do not listen. */
  document?: (EventTarget & { readonly visibilityState: string }) | null;
  /** Fires `pagehide` and `beforeunload`; defaults to `globalThis.window`. null: do not listen. */
  window?: EventTarget | null;
}

export interface PageLifecycleHandlers {
  /** The page was hidden (tab switched, minimised, closing, phone locked): the last sure moment to save. */
  onHidden: () => void;
  /** Asked when the page is about to unload; true makes the browser ask "Leave site?". */
  hasUnsavedWork?: () => boolean;
}

/**
 * Listens for the moments a tab may be killed without further notice. `visibilitychange` →
 * hidden is the only event mobile browsers reliably fire before discarding a tab; `pagehide`
 * covers desktop closes and bfcache. Returns the function that stops listening.
 */
export function watchPageLifecycle(
  sources: PageEventSources,
  handlers: PageLifecycleHandlers,
): () => void {
  const doc =
    sources.document === undefined
      ? (globalThis as { document?: PageEventSources['document'] }).document
      : sources.document;
  const win =
    sources.window === undefined ? (globalThis as { window?: EventTarget }).window : sources.window;

  const onVisibility = () => {
    if (doc?.visibilityState === 'hidden') handlers.onHidden();
  };
  const onPageHide = () => handlers.onHidden();
  const onBeforeUnload = (event: Event) => {
    if (!handlers.hasUnsavedWork?.()) return;
    // Both forms: preventDefault is the standard, returnValue what older Chromium reads.
    event.preventDefault();
    try {
      (event as BeforeUnloadEvent).returnValue = '';
    } catch {
      // A plain Event (tests, other hosts) has a read-only returnValue; preventDefault suffices.
    }
  };

  doc?.addEventListener('visibilitychange', onVisibility);
  win?.addEventListener('pagehide', onPageHide);
  if (handlers.hasUnsavedWork) win?.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    doc?.removeEventListener('visibilitychange', onVisibility);
    win?.removeEventListener('pagehide', onPageHide);
    win?.removeEventListener('beforeunload', onBeforeUnload);
  };
}
