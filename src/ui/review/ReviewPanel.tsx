import { useMemo, useState } from 'react';
import { lintDesign, ruleById, type Finding, type Severity } from '../../core/lint';
import { useStudio, useStudioStore } from '../StudioContext';
import { RuleSettings } from './RuleSettings';

const SHOWN = 300;
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/**
 * The architect's review: findings with where, why, and a one-click fix (one undo step each).
 * Click a finding to select its table and column on the canvas.
 */
export function ReviewPanel() {
  const store = useStudioStore();
  const design = useStudio((s) => s.design);
  const readOnly = useStudio((s) => s.readOnly);
  const findings = useMemo(() => lintDesign(design), [design]);
  const [shown, setShown] = useState<Set<Severity>>(() => new Set(['error', 'warning', 'info']));
  const [limit, setLimit] = useState(SHOWN);
  const counts = useMemo(() => Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>, [findings]);
  const visible = findings.filter((f) => shown.has(f.severity));
  const toggle = (s: Severity) => setShown((cur) => {
    const next = new Set(cur);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    return next;
  });
  const locate = (f: Finding) => store.getState().select(f.columnId ? { tableIds: [f.tableId], columnId: f.columnId } : { tableIds: [f.tableId] });
  return (
    <div className="tw-review">
      <div className="tw-row tw-review-bar">
        <fieldset className="tw-row" aria-label="Show severities">
          {SEVERITIES.map((s) => (
            <label key={s} className={`tw-sev tw-sev-${s}`}>
              <input type="checkbox" checked={shown.has(s)} onChange={() => toggle(s)} /> {LABEL[s]}s ({counts[s]})
            </label>
          ))}
        </fieldset>
        <span className="tw-spacer" />
        <RuleSettings />
      </div>
      {visible.length === 0 ? (
        <p className="tw-muted tw-pad">{findings.length === 0 ? 'Nothing to review: this design follows every enabled practice.' : 'No findings of the shown severities.'}</p>
      ) : (
        <ul className="tw-findings" aria-label="Review findings">
          {visible.slice(0, limit).map((f, i) => (
            <FindingItem key={`${f.rule}:${f.tableId}:${f.columnId ?? ''}:${i}`} finding={f} readOnly={readOnly} onLocate={() => locate(f)} onFix={() => f.fix && store.getState().dispatch(f.fix.apply)} />
          ))}
          {visible.length > limit && (
            <li>
              <button type="button" onClick={() => setLimit(limit + SHOWN)}>Show {Math.min(SHOWN, visible.length - limit)} more of {visible.length - limit}</button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function FindingItem({ finding: f, readOnly, onLocate, onFix }: { finding: Finding; readOnly: boolean; onLocate(): void; onFix(): void }) {
  const rule = ruleById(f.rule);
  const where = f.column ? `${f.table}.${f.column}` : f.table;
  return (
    <li className={`tw-finding tw-sev-${f.severity}`}>
      <span className="tw-sev-label">{LABEL[f.severity]}</span>
      <button type="button" className="tw-link-button tw-finding-where" onClick={onLocate} aria-label={`Show ${where} on the canvas`}>{where}</button>
      <span className="tw-finding-message">{f.message}</span>
      {f.fix && (
        <button type="button" className="tw-finding-fix" disabled={readOnly} onClick={onFix} title="Applies the change as one step (Ctrl+Z undoes it)">
          {f.fix.label}
        </button>
      )}
      {rule && (
        <details className="tw-finding-why">
          <summary>Why</summary>
          <p>{rule.why}</p>
          <p className="tw-muted">Practice: {rule.practice} · rule <code>{rule.id}</code></p>
        </details>
      )}
    </li>
  );
}
