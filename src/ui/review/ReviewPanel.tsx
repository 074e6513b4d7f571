import { useDeferredValue, useMemo, useState } from 'react';
import { groupFindings, lintDesign, type FindingGroup, type Severity } from '../../core/lint';
import { useStudio, useStudioStore } from '../StudioContext';
import { fixAllOfRuleCommand } from './fixAllCommand';
import { RuleGroup } from './RuleGroup';
import { RuleSettings } from './RuleSettings';
import { SEVERITIES, SEVERITY_LABEL } from './severity';
import './review.css';

/** Below this many findings every group starts open: nothing to drown in. */
const OPEN_ALL_BELOW = 25;

/**
 * The architect's review, one collapsible group per rule: errors first, each with its count and,
 * where the rule has one-click fixes, "Fix all" as one undo step. A real schema gives a thousand
 * findings or more, so only the groups a person opens render their findings.
 */
export function ReviewPanel() {
  const store = useStudioStore();
  // Linting lago (139 tables) takes ~100 ms: deferred, so edits elsewhere stay responsive.
  const design = useDeferredValue(useStudio((s) => s.design));
  const readOnly = useStudio((s) => s.readOnly);
  const findings = useMemo(() => lintDesign(design), [design]);
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const [shown, setShown] = useState<Set<Severity>>(() => new Set(SEVERITIES));
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const [status, setStatus] = useState('');
  const counts = useMemo(
    () =>
      Object.fromEntries(
        SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]),
      ) as Record<Severity, number>,
    [findings],
  );
  const visible = groups.filter((g) => shown.has(g.severity));
  const isOpen = (g: FindingGroup) =>
    toggled[g.rule] ?? (findings.length < OPEN_ALL_BELOW || g === visible[0]);
  const toggleSeverity = (s: Severity) =>
    setShown((cur) => {
      const next = new Set(cur);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  return (
    <div className="tw-review">
      {/* The filters and what Fix all did stay in view while a long group is scrolled. */}
      <div className="tw-review-head">
        <div className="tw-row tw-review-bar">
          <fieldset className="tw-row" aria-label="Show severities">
            {SEVERITIES.map((s) => (
              <label key={s} className={`tw-sev tw-sev-${s}`}>
                <input type="checkbox" checked={shown.has(s)} onChange={() => toggleSeverity(s)} />{' '}
                {SEVERITY_LABEL[s]}s ({counts[s]})
              </label>
            ))}
          </fieldset>
          <span className="tw-spacer" />
          <RuleSettings />
        </div>
        <p role="status" className="tw-review-status">
          {status}
        </p>
      </div>
      {visible.length === 0 ? (
        <p className="tw-muted tw-pad">
          {findings.length === 0
            ? 'Nothing to review: this design follows every enabled practice.'
            : 'No findings of the shown severities.'}
        </p>
      ) : (
        <ul className="tw-rule-groups" aria-label="Review findings by rule">
          {visible.map((g) => (
            <RuleGroup
              key={g.rule}
              group={g}
              open={isOpen(g)}
              readOnly={readOnly}
              onToggle={() => setToggled((t) => ({ ...t, [g.rule]: !isOpen(g) }))}
              onFixAll={() => setStatus(fixAllOfRuleCommand(store, g))}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
