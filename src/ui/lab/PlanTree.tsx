import type { PlanNode } from '../../core/explain';

/** The plan's structure without numbers: what "the plan changed" compares. */
export function planShape(node: PlanNode): string {
  return `${node.nodeType}${node.relation ? `(${node.relation})` : ''}${node.indexName ? `[${node.indexName}]` : ''}{${node.children.map(planShape).join(',')}}`;
}

/** A plan as a tree: node, estimated vs actual rows, cost, time and buffers on each line. */
export function PlanTree({ node }: { node: PlanNode }) {
  return (
    <ul className="tw-plan-tree" role="tree" aria-label="Query plan">
      <PlanItem node={node} />
    </ul>
  );
}

function PlanItem({ node }: { node: PlanNode }) {
  const actual =
    node.actualRows !== undefined ? node.actualRows * (node.actualLoops ?? 1) : undefined;
  const off =
    actual !== undefined &&
    node.planRows > 0 &&
    (actual / node.planRows > 10 || node.planRows / Math.max(actual, 1) > 10);
  return (
    <li
      role="treeitem"
      aria-expanded={node.children.length ? true : undefined}
      aria-label={`${node.nodeType}${node.relation ? ` on ${node.relation}` : ''}`}
    >
      <div className="tw-plan-node">
        <strong>{node.nodeType}</strong>
        {node.relation && (
          <span>
            {' '}
            on <code>{node.relation}</code>
          </span>
        )}
        {node.indexName && (
          <span>
            {' '}
            using <code>{node.indexName}</code>
          </span>
        )}
        <span className={off ? 'tw-plan-off' : 'tw-muted'} title="estimated rows → actual rows">
          rows {node.planRows.toLocaleString('en')} est. → {actual?.toLocaleString('en') ?? '?'}
        </span>
        <span className="tw-muted">
          cost {node.startupCost.toFixed(2)}..{node.totalCost.toFixed(2)}
        </span>
        {node.actualTotalTimeMs !== undefined && (
          <span className="tw-muted">{node.actualTotalTimeMs.toFixed(3)} ms</span>
        )}
        {node.sharedHitBlocks || node.sharedReadBlocks ? (
          <span className="tw-muted">
            buffers hit {node.sharedHitBlocks ?? 0}, read {node.sharedReadBlocks ?? 0}
          </span>
        ) : null}
      </div>
      {(node.filter || node.indexCond || node.sortKey) && (
        <div className="tw-plan-detail">
          {node.indexCond && (
            <div>
              Index cond: <code>{node.indexCond}</code>
            </div>
          )}
          {node.filter && (
            <div>
              Filter: <code>{node.filter}</code>
              {node.rowsRemovedByFilter
                ? ` (removed ${node.rowsRemovedByFilter.toLocaleString('en')} rows)`
                : ''}
            </div>
          )}
          {node.sortKey && (
            <div>
              Sort key: <code>{node.sortKey.join(', ')}</code>
            </div>
          )}
        </div>
      )}
      {node.children.length > 0 && (
        <ul role="group">
          {node.children.map((c, i) => (
            <PlanItem key={i} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}
