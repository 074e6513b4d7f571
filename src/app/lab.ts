import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Design } from '../core/model';
import { err, ok, type Result } from '../core/result';
import type { LabAnswer, LabClient, LabProgress } from '../db/lab/labClient';
import type { RowOrder, RowResult, SyncOutcome, TableRows } from '../db/lab/labEngine';
import type { PgError } from '../db/protocol';
import type { LabApi } from '../db/lab/labProtocol';
import { removeOrphanLabDatabases } from '../db/lab/labCleanup';
import { openDesignRepo } from '../persistence/designRepo';
import type { SampleDataResult } from '../db/sampleData';
import type { IndexAdvice, PlanNode } from '../core/explain';
import type { IndexTrial } from '../db/explainLab';
import type { StudioStore } from '../state/store';

export interface LabState {
  status: 'idle' | 'syncing' | 'ready' | 'blocked' | 'error';
  /** Why the last schema change could not be applied to the sample rows. */
  blocked?: Extract<SyncOutcome, { kind: 'blocked' }>;
  message?: string;
  generating?: LabProgress;
  lastRun?: SampleDataResult;
  /** Bumped whenever rows may have changed: grids reload. */
  dataVersion: number;
  /** Whether the sample rows outlive the page (undefined until the playground opened). */
  kept?: boolean;
  /** The EXPLAIN lab's unsaved query, per design id: it outlives the tab that shows it. */
  queryDrafts: Record<string, string>;
}

/**
 * Why a playground call gave no answer: Postgres refused it (`failed`), or it was stopped
 * (`interrupted`: cancelled, or past its time, and the playground restarted). The message is the
 * sentence shown where the answer would have been.
 */
export interface LabError {
  status: 'failed' | 'interrupted';
  message: string;
}

/** The constraint playground: sample rows kept in step with the design, and edited row by row. */
/** Row edits are the worker's own calls, answered as they are. */
export interface Lab extends Pick<LabApi, 'insertRow' | 'updateCell' | 'deleteRow'> {
  state: StoreApi<LabState>;
  /** The Data panel is showing: keep the playground in step with the design while it is. */
  attach(): () => void;
  generate(rowsPerTable: number): Promise<void>;
  emptyTables(): Promise<void>;
  cancel(): void;
  rows(tableId: string, limit: number, order?: RowOrder): Promise<Result<TableRows, LabError>>;
  /** Keeps the EXPLAIN lab's query being written for the current design. */
  setQueryDraft(sql: string): void;
  /** EXPLAIN ANALYZE on the sample data (rolled back). */
  explain(sql: string): Promise<Result<PlanNode, LabError>>;
  /** Before and after an index, which is dropped again. */
  tryIndex(sql: string, advice: IndexAdvice): Promise<Result<IndexTrial, LabError>>;
}

const SYNC_DELAY_MS = 300;
/**
 * Opening the playground boots its Postgres (WASM compile, data directory from the snapshot or
 * IndexedDB) and runs the design's DDL: seconds, or tens of seconds on a loaded small machine.
 * That is no runaway query, so it gets more than the default watchdog.
 */
const OPEN_TIMEOUT_MS = 3 * 60 * 1000;
/** 100,000 rows in each of many tables takes minutes in WASM; the watchdog allows for it. */
const GENERATE_TIMEOUT_MS = 15 * 60 * 1000;

const answered = <T>(r: LabAnswer<T>): Result<T, LabError> =>
  r.ok ? ok(r.value) : err({ status: r.stopped ? 'interrupted' : 'failed', message: r.message });

/** The ids of every stored design, trashed ones too (their rows wait for a restore); undefined when unknown. */
async function storedDesignIds(): Promise<string[] | undefined> {
  const opened = await openDesignRepo();
  if (!opened.ok) return undefined;
  try {
    const list = await opened.value.list({ includeDeleted: true });
    return list.ok ? list.value.map((m) => m.id) : undefined;
  } finally {
    opened.value.close();
  }
}

export function createLab(deps: {
  store: StudioStore;
  client: LabClient;
  /** Designs whose kept rows must stay; the rows of any other (purged) design are removed. */
  knownDesignIds?: () => Promise<string[] | undefined>;
}): Lab {
  const state = createStore<LabState>()(() => ({
    status: 'idle',
    dataVersion: 0,
    queryDrafts: {},
  }));
  const knownDesignIds = deps.knownDesignIds ?? storedDesignIds;
  let cleaned = false;
  const bump = () => state.setState({ dataVersion: state.getState().dataVersion + 1 });
  let attached = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let synced: Design | undefined;
  const design = () => deps.store.getState().design;

  // Opening the Data tab asks twice at once (the panel, and its grid): one request serves both.
  let inflight: { design: Design; done: Promise<void> } | undefined;
  const sync = (): Promise<void> => {
    const d = design();
    if (inflight?.design === d) return inflight.done;
    const done = syncNow(d).finally(() => {
      if (inflight?.done === done) inflight = undefined;
    });
    inflight = { design: d, done };
    return done;
  };
  const syncNow = async (d: Design) => {
    if (d === synced) {
      // Back to the design the rows fit (an undo after a refused change): nothing to apply.
      if (state.getState().status === 'blocked')
        state.setState({ status: 'ready', blocked: undefined });
      return;
    }
    state.setState({ status: 'syncing' });
    const r = await deps.client.call('sync', [d], { timeoutMs: OPEN_TIMEOUT_MS });
    if (!r.ok) return state.setState({ status: 'error', message: r.message });
    // Another design's playground: the last run's report was about the other one.
    if (synced && synced.id !== d.id) state.setState({ lastRun: undefined });
    if (design() !== d) return schedule();
    const { kept, ...outcome } = r.value;
    state.setState({ kept });
    if (outcome.kind === 'blocked') return state.setState({ status: 'blocked', blocked: outcome });
    synced = d;
    state.setState({ status: 'ready', blocked: undefined, message: undefined });
    if (outcome.kind !== 'unchanged') bump();
  };
  // Rows of designs deleted for good are removed once per page, when the playground first opens.
  const cleanUp = () => {
    if (cleaned) return;
    cleaned = true;
    void knownDesignIds()
      .then((ids) => (ids ? removeOrphanLabDatabases([...ids, design().id]) : undefined))
      .catch(() => undefined);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void sync(), SYNC_DELAY_MS);
  };
  deps.store.subscribe((s, prev) => {
    if (attached > 0 && s.design !== prev.design) schedule();
  });
  deps.client.onReset(() => {
    synced = undefined;
    state.setState({ status: 'idle', generating: undefined, lastRun: undefined });
    bump();
    if (attached > 0) schedule();
  });
  const rowCall = async (answer: Promise<LabAnswer<RowResult>>): Promise<RowResult> => {
    const r = await answer;
    if (r.ok && r.value.ok) bump();
    return r.ok ? r.value : err<PgError>({ message: r.message });
  };

  return {
    state,
    attach() {
      attached++;
      void sync();
      cleanUp();
      return () => {
        attached--;
      };
    },
    async generate(rowsPerTable) {
      await sync();
      const d = design();
      state.setState({ generating: { done: 0, total: Object.keys(d.tables).length, table: '' } });
      const r = await deps.client.call('generate', [d, rowsPerTable], {
        timeoutMs: GENERATE_TIMEOUT_MS,
        onProgress: (p) => state.setState({ generating: p }),
      });
      state.setState(
        r.ok
          ? { generating: undefined, lastRun: r.value }
          : { generating: undefined, status: 'error', message: r.message },
      );
      bump();
    },
    async emptyTables() {
      const d = design();
      const r = await deps.client.call('rebuild', [d], { timeoutMs: OPEN_TIMEOUT_MS });
      if (r.ok) synced = d;
      state.setState(
        r.ok
          ? { status: 'ready', blocked: undefined, lastRun: undefined, kept: r.value.kept }
          : { status: 'error', message: r.message },
      );
      bump();
    },
    cancel: () => deps.client.cancel(),
    async rows(tableId, limit, order) {
      await sync();
      const r = await deps.client.call('rows', order ? [tableId, limit, order] : [tableId, limit]);
      return answered(r);
    },
    setQueryDraft(sql) {
      const id = design().id;
      if (state.getState().queryDrafts[id] === sql) return;
      state.setState({ queryDrafts: { ...state.getState().queryDrafts, [id]: sql } });
    },
    insertRow: (tableId, values) => rowCall(deps.client.call('insertRow', [tableId, values])),
    updateCell: (tableId, ctid, column, value) =>
      rowCall(deps.client.call('updateCell', [tableId, ctid, column, value])),
    deleteRow: (tableId, ctid) => rowCall(deps.client.call('deleteRow', [tableId, ctid])),
    async explain(sql) {
      await sync();
      const r = await deps.client.call('explain', [design(), sql]);
      return answered(r);
    },
    async tryIndex(sql, advice) {
      await sync();
      const r = await deps.client.call(
        'tryIndex',
        [design(), sql, { createSql: advice.createSql, table: advice.table }],
        { timeoutMs: 120_000 },
      );
      return answered(r);
    },
  };
}
