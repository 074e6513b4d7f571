import { createStore, type StoreApi } from 'zustand/vanilla';

/** A Postgres error as the worker passes it on: all of Postgres's fields, not only the message. */
export interface CheckError {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  where?: string;
  /** The table (or type, schema) whose statement failed. */
  entityId: string;
  /** Absolute 0-based offset in the DDL text where Postgres points, when it gave a position. */
  offset?: number;
  /** The failing statement's range in the DDL text. */
  from: number;
  to: number;
}

export type CheckStatus = 'starting' | 'checking' | 'accepted' | 'rejected' | 'unavailable';

export interface CheckState {
  status: CheckStatus;
  errors: CheckError[];
  /** Problems found before Postgres (e.g. names over 63 bytes), with the entity they belong to. */
  generatorProblems: { entityId: string; message: string }[];
  /** The DDL text these results belong to: markers are placed only on that text. */
  ddlText: string;
  message?: string;
  /** How the verdict was reached (the change applied, or the whole design run) and how long it took. */
  verdict?: string;
}

export type CheckStore = StoreApi<CheckState>;

export function createCheckStore(): CheckStore {
  return createStore<CheckState>()(() => ({
    status: 'starting',
    errors: [],
    generatorProblems: [],
    ddlText: '',
  }));
}

const countsCache = new WeakMap<
  CheckState['errors'],
  WeakMap<CheckState['generatorProblems'], ReadonlyMap<string, number>>
>();

/**
 * Postgres errors plus generator problems per entity id, computed once per verdict (the arrays
 * are replaced, never mutated, when a verdict lands): each table node reads its own count from
 * this map instead of scanning every error on every store change.
 */
export function problemCountsByEntity(state: CheckState): ReadonlyMap<string, number> {
  const byProblems = countsCache.get(state.errors) ?? new WeakMap();
  countsCache.set(state.errors, byProblems);
  const cached = byProblems.get(state.generatorProblems);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const { entityId } of [...state.errors, ...state.generatorProblems])
    counts.set(entityId, (counts.get(entityId) ?? 0) + 1);
  byProblems.set(state.generatorProblems, counts);
  return counts;
}
