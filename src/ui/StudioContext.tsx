import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StudioState, StudioStore } from '../state/store';
import type { Services } from '../app/services';

/** The studio's store and services, provided once at the root; a fresh set per test page. */
export const StudioContext = createContext<{ store: StudioStore; services: Services } | null>(null);

export function useStudioContext() {
  const ctx = useContext(StudioContext);
  if (!ctx) throw new Error('StudioContext missing: render inside <StudioProvider>.');
  return ctx;
}

export function useStudioStore(): StudioStore {
  return useStudioContext().store;
}

/** Read a narrow slice of studio state; components re-render only when that slice changes. */
export function useStudio<T>(selector: (s: StudioState) => T): T {
  return useStore(useStudioContext().store, selector);
}

export function useServices(): Services {
  return useStudioContext().services;
}
