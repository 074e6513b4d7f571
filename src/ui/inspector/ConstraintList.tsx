import {
  findColumn,
  newId,
  type Constraint,
  type Deferrable,
  type ForeignKey,
  type ReferentialAction,
  type Table,
} from '../../core/model';
import { referencingType, typesMatchForReference } from '../../core/model/typeNames';
import * as ops from '../../core/ops';
import { useStudio, useStudioStore } from '../StudioContext';
import { blurOnEnter } from './Inspector';

const ACTIONS: [ReferentialAction, string][] = [
  ['noAction', 'NO ACTION'],
  ['restrict', 'RESTRICT'],
  ['cascade', 'CASCADE'],
  ['setNull', 'SET NULL'],
  ['setDefault', 'SET DEFAULT'],
];
/** What a foreign key does on each event at the referenced row, as the inspector labels it. */
const REFERENTIAL_EVENTS = [
  ['onDelete', 'ON DELETE'],
  ['onUpdate', 'ON UPDATE'],
] as const;
const DEFERRABLE: [Deferrable, string][] = [
  ['notDeferrable', 'NOT DEFERRABLE'],
  ['initiallyImmediate', 'DEFERRABLE INITIALLY IMMEDIATE'],
  ['initiallyDeferred', 'DEFERRABLE INITIALLY DEFERRED'],
];
const KIND_LABEL: Record<Constraint['kind'], string> = {
  primaryKey: 'PRIMARY KEY',
  unique: 'UNIQUE',
  check: 'CHECK',
  foreignKey: 'FOREIGN KEY',
  exclude: 'EXCLUDE',
};

/** The table's constraints: names, foreign-key actions, check expressions; add a CHECK; delete. */
export function ConstraintList({ table, readOnly }: { table: Table; readOnly: boolean }) {
  const store = useStudioStore();
  const replace = (k: Constraint) =>
    store.getState().dispatch((d) => ops.updateConstraint(d, table.id, k));
  const addCheck = () =>
    store.getState().dispatch((d) =>
      ops.addConstraint(d, table.id, {
        id: newId('k'),
        kind: 'check',
        name: `${table.name}_check`,
        expression: 'true',
      }),
    );
  return (
    <>
      <div className="tw-subheader">
        <h3>Constraints</h3>
        <button type="button" disabled={readOnly} onClick={addCheck}>
          Add check
        </button>
      </div>
      {table.constraints.length === 0 && <p className="tw-muted">No constraints.</p>}
      <ul className="tw-constraints">
        {table.constraints.map((k) => (
          <li key={k.id} aria-label={`${KIND_LABEL[k.kind]} ${k.name ?? '(unnamed)'}`}>
            <fieldset disabled={readOnly}>
              <div className="tw-row">
                <strong className="tw-kind">{KIND_LABEL[k.kind]}</strong>
                <span className="tw-muted">
                  {'columnIds' in k
                    ? k.columnIds.map((c) => findColumn(table, c)?.name).join(', ')
                    : ''}
                </span>
                <button
                  type="button"
                  className="tw-danger tw-push"
                  aria-label={`Delete constraint ${k.name ?? KIND_LABEL[k.kind]}`}
                  onClick={() =>
                    store.getState().dispatch((d) => ops.deleteConstraint(d, table.id, k.id))
                  }
                >
                  Delete
                </button>
              </div>
              <label>
                Constraint name
                <input
                  key={`${k.id}:${k.name ?? ''}`}
                  defaultValue={k.name ?? ''}
                  placeholder="chosen by Postgres"
                  onBlur={(e) =>
                    e.target.value.trim() !== (k.name ?? '') &&
                    replace(withName(k, e.target.value.trim()))
                  }
                  onKeyDown={blurOnEnter}
                />
              </label>
              {k.kind === 'check' && (
                <label>
                  Check expression
                  <input
                    key={`${k.id}:${k.expression}`}
                    defaultValue={k.expression}
                    onBlur={(e) =>
                      e.target.value.trim() && replace({ ...k, expression: e.target.value.trim() })
                    }
                    onKeyDown={blurOnEnter}
                  />
                </label>
              )}
              {k.kind === 'foreignKey' && (
                <ForeignKeyFields table={table} fk={k} onChange={replace} />
              )}
            </fieldset>
          </li>
        ))}
      </ul>
    </>
  );
}

function withName<K extends Constraint>(k: K, name: string): K {
  const { name: _old, ...rest } = k;
  return (name ? { ...rest, name } : rest) as K;
}

function ForeignKeyFields({
  table,
  fk,
  onChange,
}: {
  table: Table;
  fk: ForeignKey;
  onChange: (k: ForeignKey) => void;
}) {
  const store = useStudioStore();
  const parent = useStudio((s) => s.design.tables[fk.refTableId]);
  if (!parent) return null;
  const mismatches = fk.columnIds.flatMap((cid, i) => {
    const col = findColumn(table, cid);
    const ref = findColumn(parent, fk.refColumnIds[i] ?? '');
    return col && ref && !typesMatchForReference(col.type, ref.type) ? [{ col, ref }] : [];
  });
  return (
    <>
      <p className="tw-muted">
        references {parent.name} (
        {fk.refColumnIds.map((c) => findColumn(parent, c)?.name).join(', ')})
      </p>
      {mismatches.map(({ col, ref }) => (
        <p key={col.id} className="tw-warning" role="alert">
          {col.name} is {col.type} but {parent.name}.{ref.name} is {ref.type}.{' '}
          <button
            type="button"
            onClick={() =>
              store
                .getState()
                .dispatch((d) =>
                  ops.updateColumn(d, table.id, col.id, { type: referencingType(ref.type) }),
                )
            }
          >
            Change {col.name} to {referencingType(ref.type)}
          </button>
        </p>
      ))}
      <div className="tw-row">
        {REFERENTIAL_EVENTS.map(([event, label]) => (
          <label key={event}>
            {label}{' '}
            <select
              value={fk[event]}
              onChange={(e) => onChange({ ...fk, [event]: e.target.value as ReferentialAction })}
            >
              {ACTIONS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <label>
        Deferrable{' '}
        <select
          value={fk.deferrable}
          onChange={(e) => onChange({ ...fk, deferrable: e.target.value as Deferrable })}
        >
          {DEFERRABLE.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
