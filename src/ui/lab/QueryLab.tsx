import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { adviseIndexes, tablesInPlan, type IndexAdvice, type PlanNode } from '../../core/explain';
import { newId, type Design } from '../../core/model';
import * as ops from '../../core/ops';
import type { IndexTrial } from '../../db/explainLab';
import { useServices, useStudio, useStudioStore } from '../StudioContext';
import { PlanTree, planShape } from './PlanTree';
import { QueryEditor } from './QueryEditor';

type Trial =
  | { advice: IndexAdvice; state: 'running' }
  | { advice: IndexAdvice; state: 'done'; trial: IndexTrial }
  | { advice: IndexAdvice; state: 'error'; message: string };

/**
 * The EXPLAIN lab: a query against the sample data, its plan as a tree (the tables it touches lit
 * on the canvas), index advice to try before keeping, and the design's saved queries.
 */
export function QueryLab() {
  const { lab } = useServices();
  const store = useStudioStore();
  const design = useStudio((s) => s.design);
  const readOnly = useStudio((s) => s.readOnly);
  const saved = design.queries;
  // The query being written lives in the lab's state (per design): a tab switch unmounts this.
  const draft = useStore(lab.state, (s) => s.queryDrafts[design.id]);
  const sql = draft ?? saved[0]?.sql ?? 'SELECT * FROM ';
  const setSql = lab.setQueryDraft;
  const [plan, setPlan] = useState<PlanNode>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [trial, setTrial] = useState<Trial>();
  const [shapes, setShapes] = useState<Record<string, { shape: string; cost: number }>>({});
  const advice = useMemo(() => (plan ? adviseIndexes(plan, design) : []), [plan, design]);
  useEffect(() => () => store.getState().setLit([]), [store]);

  const light = (p: PlanNode, d: Design) => {
    const names = new Set(tablesInPlan(p).map((n) => n.replace(/^public\./, '')));
    store.getState().setLit(
      Object.values(d.tables)
        .filter((t) => names.has(t.name) || names.has(`${d.schemas[t.schemaId]?.name}.${t.name}`))
        .map((t) => t.id),
    );
  };
  const run = async () => {
    setBusy(true);
    setTrial(undefined);
    const r = await lab.explain(sql);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      setPlan(undefined);
      store.getState().setLit([]);
      return;
    }
    setError(undefined);
    setPlan(r.value);
    light(r.value, store.getState().design);
  };
  const tryIt = async (a: IndexAdvice) => {
    setTrial({ advice: a, state: 'running' });
    const r = await lab.tryIndex(sql, a);
    setTrial(
      r.ok
        ? { advice: a, state: 'done', trial: r.value }
        : { advice: a, state: 'error', message: r.error.message },
    );
  };
  const keep = (a: IndexAdvice) =>
    store.getState().dispatch((d) => ops.addIndex(d, a.tableId, { ...a.index, id: newId('i') }));
  const saveQuery = () => {
    const name = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
    const planned = plan ? { plan: planShape(plan) } : {};
    const query = { id: newId('x'), name, sql, ...planned };
    store.getState().dispatch((d) => ops.addSavedQuery(d, query));
  };
  const accept = (id: string, shape: string) =>
    store.getState().dispatch((d) => ops.acceptQueryPlan(d, id, shape));
  const removeQuery = (id: string) => store.getState().dispatch((d) => ops.deleteSavedQuery(d, id));
  const rerunAll = async () => {
    const next: typeof shapes = {};
    for (const q of store.getState().design.queries) {
      const r = await lab.explain(q.sql);
      if (r.ok) next[q.id] = { shape: planShape(r.value), cost: r.value.totalCost };
    }
    setShapes(next);
  };
  // Saved queries are the access patterns the schema is for: after a schema change, run them
  // again and flag the plans that changed.
  const schemaKey = useMemo(
    () =>
      JSON.stringify(
        Object.values(design.tables).map((t) => [t.columns, t.constraints, t.indexes]),
      ),
    [design.tables],
  );
  useEffect(() => {
    if (!saved.length) return undefined;
    const timer = setTimeout(() => void rerunAll(), 800);
    return () => clearTimeout(timer);
    // Only a schema change (or a new saved query) re-runs them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [schemaKey, saved.length]);

  return (
    <div className="tw-querylab">
      <div className="tw-querylab-editor">
        <QueryEditor value={sql} onChange={setSql} onRun={() => void run()} />
        <div className="tw-row">
          <button
            type="button"
            className="tw-primary"
            disabled={busy || !sql.trim()}
            onClick={() => void run()}
            aria-keyshortcuts="Control+Enter"
          >
            {busy ? 'Running…' : 'Run EXPLAIN ANALYZE'}
          </button>
          <button type="button" disabled={readOnly || !sql.trim()} onClick={saveQuery}>
            Save query
          </button>
          <span className="tw-muted">On the Data tab’s sample rows; changes are rolled back.</span>
        </div>
        {saved.length > 0 && (
          <section aria-label="Saved queries" className="tw-saved-queries">
            <div className="tw-row">
              <h3>Saved queries</h3>
              <button type="button" onClick={() => void rerunAll()}>
                Re-run all
              </button>
            </div>
            <ul>
              {saved.map((q) => (
                <li key={q.id}>
                  <button type="button" className="tw-link-button" onClick={() => setSql(q.sql)}>
                    {q.name}
                  </button>
                  {shapes[q.id] && (
                    <span className="tw-muted"> cost {shapes[q.id]!.cost.toFixed(1)}</span>
                  )}
                  {shapes[q.id] && q.plan !== undefined && q.plan !== shapes[q.id]!.shape && (
                    <>
                      <span className="tw-pill tw-pill-warn" role="status">
                        plan changed
                      </span>
                      <button
                        type="button"
                        className="tw-link-button"
                        disabled={readOnly}
                        onClick={() => accept(q.id, shapes[q.id]!.shape)}
                      >
                        Accept the new plan
                      </button>
                    </>
                  )}
                  <button
                    type="button"
                    className="tw-link-button"
                    disabled={readOnly}
                    onClick={() => removeQuery(q.id)}
                    aria-label={`Delete saved query ${q.name}`}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <div className="tw-querylab-result">
        {error && (
          <p className="tw-warning" role="alert">
            {error}
          </p>
        )}
        {plan && (
          <>
            <p className="tw-muted" role="status" aria-label="Plan summary">
              Cost {plan.totalCost.toFixed(2)} · {plan.executionTimeMs?.toFixed(2) ?? '?'} ms
              execution, {plan.planningTimeMs?.toFixed(2) ?? '?'} ms planning
            </p>
            <PlanTree node={plan} />
            {advice.length > 0 && (
              <section aria-label="Index advice" className="tw-advice">
                <h3>Advice</h3>
                {advice.map((a) => (
                  <div key={a.createSql} className="tw-advice-item">
                    <p>{a.reason}</p>
                    <code>{a.createSql}</code>
                    <div className="tw-row">
                      <button
                        type="button"
                        onClick={() => void tryIt(a)}
                        disabled={trial?.state === 'running'}
                      >
                        Try it
                      </button>
                      <button type="button" disabled={readOnly} onClick={() => keep(a)}>
                        Keep (add to the design)
                      </button>
                    </div>
                    {trial?.advice === a && <TrialResult trial={trial} />}
                  </div>
                ))}
              </section>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function TrialResult({ trial }: { trial: Trial }) {
  if (trial.state === 'running')
    return <p role="status">Creating the index and running the query again…</p>;
  if (trial.state === 'error')
    return (
      <p role="alert" className="tw-warning">
        {trial.message}
      </p>
    );
  const { before, after } = trial.trial;
  return (
    <table className="tw-grid tw-trial" aria-label="Before and after the index">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">cost</th>
          <th scope="col">time</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">without the index</th>
          <td>{before.cost.toFixed(2)}</td>
          <td>{before.timeMs.toFixed(2)} ms</td>
        </tr>
        <tr>
          <th scope="row">with the index</th>
          <td>{after.cost.toFixed(2)}</td>
          <td>{after.timeMs.toFixed(2)} ms</td>
        </tr>
      </tbody>
    </table>
  );
}
