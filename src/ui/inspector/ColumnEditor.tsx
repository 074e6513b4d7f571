import { useCallback, useEffect, useRef } from 'react';
import { editKeys, useEditRequest } from '../common/editRequest';
import {
  isPrimaryKeyColumn,
  isSingleColumnUnique,
  type Column,
  type Identity,
  type Table,
} from '../../core/model';
import * as ops from '../../core/ops';
import { setColumnPrimaryKey, setColumnUnique } from '../../state/commands';
import { useStudioStore } from '../StudioContext';
import { blurOnEnter } from './Inspector';
import { startDiscussion } from '../discussion/discussionRequests';

interface Props {
  table: Table;
  column: Column;
  index: number;
  focused: boolean;
  readOnly: boolean;
}

/** Every property of one column; text fields commit on blur or Enter (one undo step each). */
export function ColumnEditor({ table, column, index, focused, readOnly }: Props) {
  const store = useStudioStore();
  const ref = useRef<HTMLLIElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const startNaming = useCallback(() => {
    nameInput.current?.focus();
    nameInput.current?.select();
  }, []);
  useEditRequest(editKeys.inspectorColumnName(column.id), startNaming);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);
  const update = (patch: ops.ColumnPatch) =>
    store.getState().dispatch((d) => ops.updateColumn(d, table.id, column.id, patch));
  const pk = isPrimaryKeyColumn(table, column.id);
  const unique = isSingleColumnUnique(table, column.id);
  const name = column.name;
  const key = (field: string) =>
    `${column.id}:${field}:${String((column as Record<string, unknown>)[field] ?? '')}`;
  return (
    <li
      ref={ref}
      className={`tw-column-editor${focused ? ' is-focused' : ''}`}
      aria-label={`Column ${name}`}
    >
      <fieldset disabled={readOnly}>
        <div className="tw-row">
          <label className="tw-grow">
            Name
            <input
              ref={nameInput}
              key={key('name')}
              defaultValue={column.name}
              aria-label={`Name of column ${name}`}
              onBlur={(e) => e.target.value.trim() && update({ name: e.target.value.trim() })}
              onKeyDown={blurOnEnter}
            />
          </label>
          <label className="tw-grow">
            Type
            <input
              key={key('type')}
              defaultValue={column.type}
              list="tw-type-suggestions"
              aria-label={`Type of column ${name}`}
              onBlur={(e) => e.target.value.trim() && update({ type: e.target.value.trim() })}
              onKeyDown={blurOnEnter}
            />
          </label>
        </div>
        <div className="tw-row tw-checks">
          <label>
            <input
              type="checkbox"
              checked={!column.nullable}
              disabled={pk}
              aria-label={`NOT NULL ${name}`}
              onChange={(e) => update({ nullable: !e.target.checked })}
            />{' '}
            NOT NULL
          </label>
          <label>
            <input
              type="checkbox"
              checked={pk}
              aria-label={`Primary key ${name}`}
              onChange={(e) => setColumnPrimaryKey(store, table.id, column.id, e.target.checked)}
            />{' '}
            PK
          </label>
          <label>
            <input
              type="checkbox"
              checked={unique}
              aria-label={`Unique ${name}`}
              onChange={(e) => setColumnUnique(store, table.id, column.id, e.target.checked)}
            />{' '}
            UNIQUE
          </label>
          <label>
            Identity{' '}
            <select
              value={column.identity ?? ''}
              aria-label={`Identity of ${name}`}
              onChange={(e) =>
                update({ identity: (e.target.value || undefined) as Identity | undefined })
              }
            >
              <option value="">none</option>
              <option value="always">ALWAYS</option>
              <option value="byDefault">BY DEFAULT</option>
            </select>
          </label>
        </div>
        <div className="tw-row">
          <label className="tw-grow">
            Default
            <input
              key={key('default')}
              defaultValue={column.default ?? ''}
              placeholder={column.identity ? 'identity' : 'none'}
              aria-label={`Default of ${name}`}
              onBlur={(e) =>
                e.target.value.trim() !== (column.default ?? '') &&
                update({ default: e.target.value.trim() || undefined })
              }
              onKeyDown={blurOnEnter}
            />
          </label>
          <label className="tw-grow">
            Comment
            <input
              key={key('comment')}
              defaultValue={column.comment ?? ''}
              aria-label={`Comment of ${name}`}
              onBlur={(e) =>
                e.target.value !== (column.comment ?? '') &&
                update({ comment: e.target.value || undefined })
              }
              onKeyDown={blurOnEnter}
            />
          </label>
        </div>
        <div className="tw-row tw-column-actions">
          <button
            type="button"
            aria-label={`Move ${name} up`}
            disabled={index === 0}
            onClick={() =>
              store.getState().dispatch((d) => ops.moveColumn(d, table.id, column.id, index - 1))
            }
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move ${name} down`}
            disabled={index === table.columns.length - 1}
            onClick={() =>
              store.getState().dispatch((d) => ops.moveColumn(d, table.id, column.id, index + 1))
            }
          >
            ↓
          </button>
          <button
            type="button"
            aria-label={`Start a discussion on column ${name}`}
            title="A question or remark for the people reviewing this design (not SQL)"
            onClick={() => startDiscussion(store, { tableId: table.id, columnId: column.id })}
          >
            Discuss
          </button>
          <button
            type="button"
            className="tw-danger"
            aria-label={`Delete column ${name}`}
            onClick={() =>
              store.getState().dispatch((d) => ops.deleteColumn(d, table.id, column.id))
            }
          >
            Delete
          </button>
        </div>
      </fieldset>
    </li>
  );
}
