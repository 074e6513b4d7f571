import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { displayName, findColumn, type Design } from '../../core/model';
import { drawnTableId } from '../../core/graph';
import { chosenPath } from './emphasis';
import { fitTables } from '../common/reading';
import { useStudio, useStudioStore } from '../StudioContext';

/** Table id by the name a person types (`schema.table` outside public), for the path's ends. */
function tablesByName(design: Design): Map<string, string> {
  const byName = new Map<string, string>();
  for (const t of Object.values(design.tables))
    if (!t.partitionOf) byName.set(displayName(design, t).toLowerCase(), t.id);
  return byName;
}

/** How one step of the path reads: `film_actor.film_id → film.film_id`. */
function stepText(design: Design, foreignKeyId: string): string {
  for (const t of Object.values(design.tables))
    for (const k of t.constraints) {
      if (k.id !== foreignKeyId || k.kind !== 'foreignKey') continue;
      const parent = design.tables[k.refTableId];
      const cols = k.columnIds.map((id) => findColumn(t, id)?.name ?? '?').join(', ');
      const refs = k.refColumnIds
        .map((id) => (parent ? findColumn(parent, id)?.name : undefined) ?? '?')
        .join(', ');
      // A partition's key reads as its parent's, the table on the canvas and in this list.
      const child = design.tables[drawnTableId(design, t.id)] ?? t;
      const parentName = design.tables[drawnTableId(design, k.refTableId)]?.name ?? '?';
      return `${child.name}.${cols} → ${parentName}.${refs}`;
    }
  return '';
}

/**
 * Find path: two tables typed or picked, the shortest chain of foreign keys between them listed
 * here and lit on the canvas, or said plainly that there is none.
 */
export function PathPanel() {
  const store = useStudioStore();
  const flow = useReactFlow();
  const ends = useStudio((s) => s.pathEnds);
  const design = useStudio((s) => s.design);
  const listId = useId();
  const byName = useMemo(() => tablesByName(design), [design]);
  const path = useMemo(() => chosenPath(design, ends), [design, ends]);
  useEffect(() => {
    if (path) fitTables(flow, store, path.tableIds);
  }, [path, flow, store]);
  if (!ends) return null;
  const nameOf = (id: string | null) => {
    const t = id ? design.tables[id] : undefined;
    return t ? displayName(design, t) : '';
  };
  const close = () => store.getState().setPathEnds(null);
  const choose = (end: 'fromId' | 'toId', typed: string) => {
    const id = byName.get(typed.trim().toLowerCase()) ?? null;
    const cur = store.getState().pathEnds;
    if (cur && cur[end] !== id) store.getState().setPathEnds({ ...cur, [end]: id });
  };
  // The keyboard goes to the first end still to choose: the panel opened from the toolbar (or P)
  // is typed into at once, and Escape, from there, closes it.
  const firstOpen = ends.fromId ? (ends.toId ? null : 'toId') : 'fromId';
  const endInput = (end: 'fromId' | 'toId', label: string) => (
    <EndInput
      focusOnOpen={end === firstOpen}
      label={label}
      listId={listId}
      chosen={nameOf(ends[end])}
      resolves={(typed) => (byName.get(typed.trim().toLowerCase()) ?? null) === ends[end]}
      onType={(typed) => choose(end, typed)}
    />
  );
  const from = nameOf(ends.fromId);
  const to = nameOf(ends.toId);
  return (
    <section
      className="tw-reading-bar tw-path-panel"
      aria-label="Find path"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement && e.target.value)) {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="tw-path-ends">
        <strong>Find path</strong>
        {endInput('fromId', 'From table')}
        {endInput('toId', 'To table')}
        <datalist id={listId}>
          {[...byName.keys()].sort().map((n) => (
            <option key={n} value={nameOf(byName.get(n) ?? null)} />
          ))}
        </datalist>
        <button
          type="button"
          onClick={() => store.getState().setPathEnds({ fromId: ends.toId, toId: ends.fromId })}
          disabled={!ends.fromId && !ends.toId}
        >
          Swap
        </button>
        <button type="button" onClick={close} aria-keyshortcuts="Escape" title="Close (Esc)">
          Close path
        </button>
      </div>
      <div role="status" aria-live="polite" className="tw-path-result">
        {path === undefined && (
          <span className="tw-muted">
            Choose two tables: the shortest chain of foreign keys between them is shown.
          </span>
        )}
        {path === null && (
          <span className="tw-path-none">
            No path: no chain of foreign keys joins {from} and {to}.
          </span>
        )}
        {path && path.foreignKeyIds.length === 0 && <span>{from} is the same table.</span>}
        {path && path.foreignKeyIds.length > 0 && (
          <>
            <span>
              {path.foreignKeyIds.length}{' '}
              {path.foreignKeyIds.length === 1 ? 'foreign key' : 'foreign keys'} from {from} to {to}
              :
            </span>
            <ol aria-label="Tables on the path" className="tw-path-tables">
              {path.tableIds.map((id, i) => {
                // The key that leads here from the table before.
                const via = path.foreignKeyIds[i - 1];
                return (
                  <li key={id}>
                    <strong>{nameOf(id)}</strong>
                    {via && (
                      <span className="tw-muted tw-path-step"> via {stepText(design, via)}</span>
                    )}
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}

/**
 * One end of the path: what the person types picks the table as soon as it names one. A table
 * chosen elsewhere (Swap, the selection) replaces the text; the person's own typing never does,
 * so the field keeps the keyboard while they type.
 */
function EndInput(props: {
  focusOnOpen: boolean;
  label: string;
  listId: string;
  chosen: string;
  resolves(typed: string): boolean;
  onType(typed: string): void;
}) {
  const { chosen, resolves } = props;
  const [text, setText] = useState(chosen);
  const input = useRef<HTMLInputElement>(null);
  const focusOnOpen = useRef(props.focusOnOpen).current;
  useEffect(() => {
    if (focusOnOpen) input.current?.focus();
  }, [focusOnOpen]);
  useEffect(() => {
    if (!resolves(text)) setText(chosen);
    // Only a change of the chosen table resets the text, not each keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen]);
  return (
    <label>
      {props.label}
      <input
        ref={input}
        list={props.listId}
        value={text}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          props.onType(e.target.value);
        }}
      />
    </label>
  );
}
