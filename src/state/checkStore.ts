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
