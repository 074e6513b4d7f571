import { memo, useCallback } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import {
  isPrimaryKeyColumn,
  isSingleColumnUnique,
  foreignKeysOf,
  visibleName,
  type Column,
  type Table,
} from '../../core/model';
import * as ops from '../../core/ops';
import { shortTypeName } from '../../core/model/typeNames';
import { editKeys } from '../common/editRequest';
import { addColumnAndName } from '../common/createAndEdit';
import { useStudio, useStudioStore } from '../StudioContext';
import { visibleColumns } from '../../core/geometry/tableGeometry';
import { handleId } from './handles';
import { useDetailed } from './detailLevel';
import { nodeGeometryStyle } from './nodeGeometryStyle';
import { HeaderAnchors, useRemeasureOnChange } from './anchors';
import { DiscussionBadge, ErrorBadge, tableClassName } from './tableParts';
import { openThreadCount } from '../discussion/discussionRequests';
import { useTableNodeState, type TableNodeState } from './tableNodeState';
import { InlineEdit } from './InlineEdit';
import type { TableNode as TableNodeType } from './toFlow';

/**
 * Far out a table node draws nothing and the canvas hides it (the map draws the table, FarTables
 * takes its clicks), so it keeps no store subscription either.
 */
function TableNodeView(props: NodeProps<TableNodeType>) {
  return useDetailed() ? <TableNear {...props} /> : null;
}

function TableNear({ id, selected }: NodeProps<TableNodeType>) {
  const state = useTableNodeState(id);
  const { table, collapsed, anchored } = state;
  const columns = table ? visibleColumns(table, collapsed) : [];
  const columnIds = columns.map((c) => c.id);
  // Far out there are no handles to measure: they are measured again when the rows come back.
  useRemeasureOnChange(id, `rows|${columnIds.join(' ')}|${anchored}`, true);
  if (!table) return null;
  return <TableDetail table={table} columns={columns} state={state} selected={!!selected} />;
}

/** A table near enough to read its rows: header, one row per column, footer; all editable. */
function TableDetail({
  table,
  columns,
  state,
  selected,
}: {
  table: Table;
  columns: readonly Column[];
  state: TableNodeState;
  selected: boolean;
}) {
  const { id } = table;
  const { readOnly, schemaName, change, partitions, collapsed } = state;
  const store = useStudioStore();
  const discussions = useStudio((s) => openThreadCount(s.design.threads, id));
  const rename = useCallback(
    (name: string) => store.getState().dispatch((d) => ops.renameTable(d, id, name)),
    [store, id],
  );
  return (
    <div
      className={tableClassName(state, selected)}
      style={nodeGeometryStyle}
      data-color={state.color ?? 'slate'}
      role="group"
      aria-label={`Table ${table.name}`}
      aria-description={change ? `${change} in this comparison` : undefined}
    >
      <HeaderAnchors />
      <div className="tw-table-header tw-table-drag">
        <span className="tw-table-name">
          {schemaName && schemaName !== 'public' && (
            <span className="tw-schema-prefix">{schemaName}.</span>
          )}
          {readOnly ? (
            visibleName(table.name)
          ) : (
            <InlineEdit
              value={table.name}
              display={visibleName(table.name)}
              label={`Table name ${table.name}`}
              onCommit={rename}
              editKey={editKeys.tableName(id)}
            />
          )}
        </span>
        {table.partitionBy && (
          <span className="tw-tag" title={`PARTITION BY ${table.partitionBy}`}>
            partitioned
          </span>
        )}
        {change && <span className={`tw-tag tw-change-tag-${change}`}>{change}</span>}
        <DiscussionBadge count={discussions} tableName={table.name} />
        <ErrorBadge count={state.errorCount} tableName={table.name} />
      </div>
      <ul className="tw-columns" aria-label={`Columns of ${table.name}`}>
        {columns.map((c) => (
          <ColumnRow key={c.id} table={table} column={c} readOnly={readOnly} />
        ))}
      </ul>
      <div className="tw-table-footer tw-table-drag">
        {!readOnly && (
          <button
            type="button"
            className="tw-link-button nodrag"
            onClick={() => addColumnAndName(store, id, 'canvas')}
            aria-label={`Add column to ${table.name}`}
          >
            + column
          </button>
        )}
        {partitions > 0 && (
          <span className="tw-muted">
            {partitions} {partitions === 1 ? 'partition' : 'partitions'}
          </span>
        )}
        {collapsed && (
          <span className="tw-muted">{table.columns.length - columns.length} more</span>
        )}
      </div>
    </div>
  );
}

const ColumnRow = memo(function ColumnRow({
  table,
  column,
  readOnly,
}: {
  table: Table;
  column: Column;
  readOnly: boolean;
}) {
  const store = useStudioStore();
  const pk = isPrimaryKeyColumn(table, column.id);
  const fk = foreignKeysOf(table).some((k) => k.columnIds.includes(column.id));
  const uq = isSingleColumnUnique(table, column.id);
  const update = (patch: Partial<Column>) =>
    store.getState().dispatch((d) => ops.updateColumn(d, table.id, column.id, patch));
  const select = () => store.getState().select({ tableIds: [table.id], columnId: column.id });
  const change = useStudio((s) => s.preview?.overlay?.columns[column.id]);
  const chosen = useStudio((s) => s.selection.columnId === column.id);
  return (
    <li
      className={`tw-column${change ? ` tw-change-${change}` : ''}${chosen ? ' is-chosen' : ''}`}
      onClick={select}
      aria-current={chosen || undefined}
      aria-description={change ? `${change} in this comparison` : undefined}
    >
      <Handle
        type="source"
        id={handleId(column.id, 'l')}
        position={Position.Left}
        className="tw-handle"
        aria-label={`Connect ${table.name}.${column.name}`}
      />
      <span className="tw-keys" aria-hidden>
        {pk ? 'PK' : fk ? 'FK' : uq ? 'UQ' : ''}
      </span>
      <span className="tw-column-name">
        {readOnly ? (
          visibleName(column.name)
        ) : (
          <InlineEdit
            value={column.name}
            display={visibleName(column.name)}
            label={`Column name ${column.name}`}
            onCommit={(name) => update({ name })}
            editKey={editKeys.columnName(column.id)}
          />
        )}
      </span>
      <span className="tw-column-type">
        {readOnly ? (
          shortTypeName(column.type)
        ) : (
          <InlineEdit
            value={column.type}
            display={shortTypeName(column.type)}
            label={`Type of ${column.name}`}
            list="tw-type-suggestions"
            onCommit={(type) => update({ type })}
          />
        )}
      </span>
      <span
        className="tw-nullability"
        title={column.nullable ? 'nullable' : 'NOT NULL'}
        aria-label={column.nullable ? 'nullable' : 'not null'}
      >
        {column.nullable ? '?' : ''}
      </span>
      <Handle
        type="source"
        id={handleId(column.id, 'r')}
        position={Position.Right}
        className="tw-handle"
        aria-label={`Connect ${table.name}.${column.name} (right)`}
      />
    </li>
  );
});

export const TableNodeComponent = memo(TableNodeView);
