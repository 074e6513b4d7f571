import { memo, useId, useState } from 'react';
import { ruleById, type FindingGroup } from '../../core/lint';
import { useStudioStore } from '../StudioContext';
import { FindingItem } from './FindingItem';
import { SEVERITY_LABEL } from './severity';
import { requestReveal } from '../../state/revealRequest';

/** Findings rendered per page of an open group: 400 rows of one rule help nobody at once. */
const PAGE = 100;

interface Props {
  group: FindingGroup;
  open: boolean;
  readOnly: boolean;
  onToggle(): void;
  onFixAll(): void;
}

/**
 * One rule's findings: a header button (title, severity, count; aria-expanded) that opens the list,
 * the rule's "why" once rather than on every finding, and "Fix all N" where fixes exist.
 */
export const RuleGroup = memo(function RuleGroup({
  group: g,
  open,
  readOnly,
  onToggle,
  onFixAll,
}: Props) {
  const store = useStudioStore();
  const listId = useId();
  const [limit, setLimit] = useState(PAGE);
  const rule = ruleById(g.rule);
  const count = g.findings.length;
  const noun = `${SEVERITY_LABEL[g.severity].toLowerCase()}${count === 1 ? '' : 's'}`;
  return (
    <li className={`tw-rule-group tw-sev-${g.severity}`}>
      <div className="tw-rule-group-head">
        <button
          type="button"
          className="tw-rule-group-toggle"
          aria-expanded={open}
          aria-controls={listId}
          aria-label={`${g.title}: ${count} ${noun}`}
          onClick={onToggle}
        >
          <span className="tw-rule-group-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="tw-sev-label">{SEVERITY_LABEL[g.severity]}</span>
          <span className="tw-rule-group-title">{g.title}</span>
          <span className="tw-rule-group-count">{count}</span>
        </button>
        {g.fixable > 0 && (
          <button
            type="button"
            className="tw-rule-group-fix"
            disabled={readOnly}
            onClick={onFixAll}
            aria-label={`Fix all ${g.fixable} ${g.title}`}
            title="Applies every fix of this rule as one step (Ctrl+Z undoes it)"
          >
            Fix all {g.fixable}
          </button>
        )}
      </div>
      {open && (
        <div id={listId} className="tw-rule-group-body">
          {rule && (
            <details className="tw-finding-why">
              <summary>Why</summary>
              <p>{rule.why}</p>
              <p className="tw-muted">
                Practice: {rule.practice} · rule <code>{rule.id}</code>
              </p>
            </details>
          )}
          <ul className="tw-findings" aria-label={`${g.title} findings`}>
            {g.findings.slice(0, limit).map((f, i) => (
              <FindingItem
                key={`${f.tableId}:${f.columnId ?? ''}:${i}`}
                finding={f}
                readOnly={readOnly}
                onLocate={() => {
                  store
                    .getState()
                    .select(
                      f.columnId
                        ? { tableIds: [f.tableId], columnId: f.columnId }
                        : { tableIds: [f.tableId] },
                    );
                  requestReveal(f.tableId, 'locate');
                }}
                onFix={() => f.fix && store.getState().dispatch(f.fix.apply)}
              />
            ))}
            {count > limit && (
              <li className="tw-finding-more">
                <button type="button" onClick={() => setLimit(limit + PAGE)}>
                  Show {Math.min(PAGE, count - limit)} more of {count - limit}
                </button>
              </li>
            )}
          </ul>
        </div>
      )}
    </li>
  );
});
