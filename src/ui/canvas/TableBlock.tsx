import type { CSSProperties } from 'react';
import { visibleName, type Table } from '../../core/model';
import { HEADER_HEIGHT } from '../../core/geometry/tableGeometry';
import { LABEL_FONT_PX } from './labels';
import { ErrorBadge, tableClassName } from './tableParts';
import type { TableNodeState } from './tableNodeState';

const blockStyle = {
  '--tw-header-height': `${HEADER_HEIGHT}px`,
  '--tw-label-font-px': String(LABEL_FONT_PX),
} as CSSProperties;

/**
 * A table far out: its true footprint as one block in its colour, and its name at a fixed size on
 * screen (CSS, from `--tw-inverse-zoom`), centred on the block and reaching past it when the block
 * is narrower, so the diagram reads as a map at fit view. No rows, no editing, no line anchors
 * (far out the lines are drawn from the declared handles, see FarLines) and nothing positioned: at
 * 1,000 tables every extra positioned element is a paint layer the browser walks on each pan frame.
 */
export function TableBlock({
  table,
  state,
  selected,
  label,
}: {
  table: Table;
  state: TableNodeState;
  selected: boolean;
  /** Whether the name is drawn: left out where it would cover a more connected table's name. */
  label: boolean;
}) {
  const prefix = state.schemaName && state.schemaName !== 'public' ? `${state.schemaName}.` : '';
  return (
    <div
      className={tableClassName(state, selected, ' tw-table-far tw-table-drag')}
      style={blockStyle}
      data-color={state.color ?? 'slate'}
      role="group"
      aria-label={`Table ${table.name}`}
      aria-description={state.change ? `${state.change} in this comparison` : undefined}
    >
      <div className="tw-table-far-band" aria-hidden />
      {label && (
        <div className="tw-table-far-name">
          <span>
            {prefix && <span className="tw-schema-prefix">{prefix}</span>}
            {visibleName(table.name)}
          </span>
        </div>
      )}
      <ErrorBadge count={state.errorCount} tableName={table.name} />
    </div>
  );
}
