import type { CSSProperties } from 'react';
import { visibleName, type Table } from '../../core/model';
import { nodeGeometryStyle } from './nodeGeometryStyle';
import { LABEL_FONT_PX } from './labels';
import { FarRowAnchors, HeaderAnchors } from './anchors';
import { ErrorBadge, tableClassName } from './tableParts';
import type { TableNodeState } from './tableNodeState';

const blockStyle = {
  ...nodeGeometryStyle,
  '--tw-label-font-px': String(LABEL_FONT_PX),
} as CSSProperties;

/**
 * A table far out: its true footprint as one block in its colour, and its name at a fixed size on
 * screen (CSS, from `--tw-inverse-zoom`), centred on the block and reaching past it when the block
 * is narrower, so the diagram reads as a map at fit view. No rows, no editing: a handful of
 * elements per table, and the line anchors React Flow measures.
 */
export function TableBlock({
  table,
  state,
  selected,
  columnIds,
  label,
}: {
  table: Table;
  state: TableNodeState;
  selected: boolean;
  columnIds: readonly string[];
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
      <HeaderAnchors />
      <FarRowAnchors columnIds={columnIds} anchored={state.anchored} />
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
