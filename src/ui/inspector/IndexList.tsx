import { useState } from 'react';
import { findColumn, newId, type Index, type IndexMethod, type Table } from '../../core/model';
import * as ops from '../../core/ops';
import { useStudioStore } from '../StudioContext';

const METHODS: IndexMethod[] = ['btree', 'hash', 'gin', 'gist', 'brin'];

function describe(table: Table, ix: Index): string {
  const keys = ix.elements.map((e) =>
    e.kind === 'column'
      ? (findColumn(table, e.columnId)?.name ?? '?') + (e.descending ? ' DESC' : '')
      : `(${e.expression})`,
  );
  const include = ix.include.length
    ? ` INCLUDE (${ix.include.map((c) => findColumn(table, c)?.name).join(', ')})`
    : '';
  return `${ix.unique ? 'UNIQUE ' : ''}${ix.method} (${keys.join(', ')})${include}${ix.where ? ` WHERE ${ix.where}` : ''}`;
}

/** The table's indexes, and a small form to add one on a column. */
export function IndexList({ table, readOnly }: { table: Table; readOnly: boolean }) {
  const store = useStudioStore();
  const [columnId, setColumnId] = useState('');
  const [method, setMethod] = useState<IndexMethod>('btree');
  const [unique, setUnique] = useState(false);
  const chosen = table.columns.find((c) => c.id === columnId) ?? table.columns[0];
  const add = () => {
    if (!chosen) return;
    const index: Index = {
      id: newId('i'),
      name: `${table.name}_${chosen.name}_idx`,
      unique,
      method,
      elements: [{ kind: 'column', columnId: chosen.id }],
      include: [],
    };
    store.getState().dispatch((d) => ops.addIndex(d, table.id, index));
  };
  return (
    <>
      <div className="tw-subheader">
        <h3>Indexes</h3>
      </div>
      {table.indexes.length === 0 && <p className="tw-muted">No indexes.</p>}
      <ul className="tw-constraints">
        {table.indexes.map((ix) => (
          <li key={ix.id} aria-label={`Index ${ix.name ?? describe(table, ix)}`}>
            <div className="tw-row">
              <code className="tw-grow">
                {ix.name ? `${ix.name}: ` : ''}
                {describe(table, ix)}
              </code>
              <button
                type="button"
                className="tw-danger"
                disabled={readOnly}
                aria-label={`Delete index ${ix.name ?? ''}`}
                onClick={() =>
                  store.getState().dispatch((d) => ops.deleteIndex(d, table.id, ix.id))
                }
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      <fieldset className="tw-row tw-add-index" disabled={readOnly || !chosen}>
        <select
          aria-label="Index column"
          value={chosen?.id ?? ''}
          onChange={(e) => setColumnId(e.target.value)}
        >
          {table.columns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Index method"
          value={method}
          onChange={(e) => setMethod(e.target.value as IndexMethod)}
        >
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={unique} onChange={(e) => setUnique(e.target.checked)} />{' '}
          unique
        </label>
        <button type="button" onClick={add}>
          Add index
        </button>
      </fieldset>
    </>
  );
}
