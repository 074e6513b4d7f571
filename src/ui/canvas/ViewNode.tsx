import { memo } from 'react';
import { type NodeProps } from '@xyflow/react';
import { shortTypeName } from '../../core/model/typeNames';
import { useStudio } from '../StudioContext';
import { nodeGeometryStyle } from './nodeGeometryStyle';
import type { ViewNode as ViewNodeType } from './toFlow';

/** A view or materialized view: its columns as Postgres reports them; edited as SQL only. */
function ViewNodeView({ id, selected }: NodeProps<ViewNodeType>) {
  const view = useStudio((s) => s.design.extras.find((x) => x.id === id));
  const schema = useStudio((s) =>
    view?.schemaId ? s.design.schemas[view.schemaId]?.name : undefined,
  );
  if (!view?.columns) return null;
  const kind = view.kind === 'materializedView' ? 'materialized view' : 'view';
  const name = schema && schema !== 'public' ? `${schema}.${view.name}` : view.name;
  return (
    <div
      className={`tw-table tw-view${selected ? ' is-selected' : ''}`}
      style={nodeGeometryStyle}
      role="group"
      aria-label={`View ${name}`}
    >
      <div className="tw-table-header tw-table-drag">
        <span className="tw-table-name">{name}</span>
        <span className="tw-tag">{kind}</span>
      </div>
      <ul className="tw-columns" aria-label={`Columns of ${name}`}>
        {view.columns.map((c) => (
          <li key={c.name} className="tw-column">
            <span className="tw-keys" aria-hidden />
            <span className="tw-column-name">{c.name}</span>
            <span className="tw-column-type" title={c.type}>
              {shortTypeName(c.type)}
            </span>
            <span />
          </li>
        ))}
      </ul>
      <div className="tw-table-footer tw-table-drag">
        <span className="tw-muted">read-only, edit in the DDL</span>
      </div>
    </div>
  );
}

export const ViewNodeComponent = memo(ViewNodeView);
