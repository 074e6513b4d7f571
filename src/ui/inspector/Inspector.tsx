import { TABLE_COLORS, type Table } from '../../core/model';
import { AreaPicker } from './AreaPicker';
import * as ops from '../../core/ops';
import { deleteTables, setTableColor } from '../../state/commands';
import { addColumnAndName } from '../common/createAndEdit';
import { enterFocus } from '../common/reading';
import { useReactFlow } from '@xyflow/react';
import { useStudio, useStudioStore } from '../StudioContext';
import { ColumnEditor } from './ColumnEditor';
import { ConstraintList } from './ConstraintList';
import { IndexList } from './IndexList';

/** Edits the selected table: name, comment, color, columns, constraints, indexes. */
export function Inspector() {
  const selection = useStudio((s) => s.selection);
  const tableId = selection.tableIds.length === 1 ? selection.tableIds[0] : undefined;
  const table = useStudio((s) => (tableId ? s.design.tables[tableId] : undefined));
  const count = selection.tableIds.length;
  const readOnly = useStudio((s) => s.readOnly);
  const store = useStudioStore();
  if (!table) {
    return (
      <section className="tw-inspector" aria-label="Inspector">
        <header className="tw-pane-header">
          <h2>Inspector</h2>
        </header>
        <p className="tw-muted tw-pad">{emptyInspectorHint(count, readOnly)}</p>
        {count > 1 && !readOnly && (
          <>
            <ColorPicker tableIds={selection.tableIds} />
            <div className="tw-pad">
              <button
                type="button"
                className="tw-danger"
                onClick={() => deleteTables(store, selection.tableIds)}
              >
                Delete {count} tables
              </button>
            </div>
          </>
        )}
      </section>
    );
  }
  return <TableInspector table={table} focusColumnId={selection.columnId} />;
}

function emptyInspectorHint(count: number, readOnly: boolean): string {
  if (readOnly)
    return count > 1
      ? `${count} tables selected.`
      : 'Select a table to see its columns, keys and indexes. This design is read-only.';
  if (count > 1)
    return `${count} tables selected: pick a color, group them into a subject area (G), or delete them (Delete on the canvas).`;
  return 'Select a table to edit it. Double-click the canvas or press T to add one.';
}

function TableInspector({ table, focusColumnId }: { table: Table; focusColumnId?: string }) {
  const store = useStudioStore();
  const readOnly = useStudio((s) => s.readOnly);
  const collapsed = useStudio((s) => !!s.layout.tables[table.id]?.collapsed);
  const focused = useStudio((s) => s.focus?.tableId === table.id);
  const flow = useReactFlow();
  const dispatch = store.getState().dispatch;
  return (
    <section className="tw-inspector" aria-label={`Inspector: ${table.name}`}>
      <header className="tw-pane-header">
        <h2>Table</h2>
        <div className="tw-pane-actions">
          <button
            type="button"
            aria-pressed={collapsed}
            onClick={() =>
              store.getState().setLayout((l) => ops.setTableCollapsed(l, table.id, !collapsed))
            }
          >
            {collapsed ? 'Show all columns' : 'Keys only'}
          </button>
          <button
            type="button"
            aria-pressed={focused}
            onClick={() =>
              focused ? store.getState().setFocus(null) : enterFocus(store, flow, table.id)
            }
            aria-keyshortcuts="N"
            title="Show this table and its neighbours, the rest dimmed (N; Esc to leave)"
          >
            Focus
          </button>
          <button
            type="button"
            className="tw-danger"
            disabled={readOnly}
            onClick={() => deleteTables(store, [table.id])}
          >
            Delete table
          </button>
        </div>
      </header>
      <fieldset className="tw-pad tw-form" disabled={readOnly}>
        <label>
          Table name
          <input
            key={table.id + table.name}
            defaultValue={table.name}
            onBlur={(e) =>
              e.target.value.trim() &&
              dispatch((d) => ops.renameTable(d, table.id, e.target.value.trim()))
            }
            onKeyDown={blurOnEnter}
          />
        </label>
        <label>
          Table comment
          <textarea
            key={table.id + (table.comment ?? '')}
            defaultValue={table.comment ?? ''}
            rows={2}
            onBlur={(e) => dispatch((d) => ops.setTableComment(d, table.id, e.target.value))}
          />
        </label>
        <AreaPicker tableId={table.id} />
        <ColorPicker tableIds={[table.id]} />
      </fieldset>
      <div className="tw-pad">
        <div className="tw-subheader">
          <h3>Columns</h3>
          <button
            type="button"
            disabled={readOnly}
            onClick={() => addColumnAndName(store, table.id, 'inspector')}
          >
            Add column
          </button>
        </div>
        <ol className="tw-column-editors">
          {table.columns.map((c, i) => (
            <ColumnEditor
              key={c.id}
              table={table}
              column={c}
              index={i}
              focused={c.id === focusColumnId}
              readOnly={readOnly}
            />
          ))}
        </ol>
        <ConstraintList table={table} readOnly={readOnly} />
        <IndexList table={table} readOnly={readOnly} />
      </div>
    </section>
  );
}

function ColorPicker({ tableIds }: { tableIds: string[] }) {
  const store = useStudioStore();
  const current = useStudio((s) =>
    tableIds.length === 1 ? s.layout.tables[tableIds[0] ?? '']?.color : undefined,
  );
  return (
    <div className="tw-colors" role="radiogroup" aria-label="Table color">
      {TABLE_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={current === c || (!current && c === 'slate')}
          aria-label={c}
          className="tw-swatch"
          data-color={c}
          onClick={() => setTableColor(store, tableIds, c === 'slate' ? undefined : c)}
        />
      ))}
    </div>
  );
}

export function blurOnEnter(e: React.KeyboardEvent<HTMLInputElement>) {
  if (e.key === 'Enter') e.currentTarget.blur();
  if (e.key === 'Escape') {
    e.currentTarget.value = e.currentTarget.defaultValue;
    e.currentTarget.blur();
  }
}
