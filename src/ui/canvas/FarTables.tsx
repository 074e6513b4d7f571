import { memo, useCallback, useMemo, useRef, type CSSProperties, type ReactElement } from 'react';
import { ViewportPortal, useReactFlow, useStoreApi, type Node } from '@xyflow/react';
import { useStore } from 'zustand';
import * as ops from '../../core/ops';
import { visibleName, type Design } from '../../core/model';
import { problemCountsByEntity } from '../../state/checkStore';
import { useServices, useStudio, useStudioStore } from '../StudioContext';
import { ErrorBadge } from './tableParts';

/** Screen pixels a press must travel before it is a drag rather than a click. */
const DRAG_THRESHOLD_PX = 3;
/** Screen pixels an arrow key moves the selected tables (Shift: four times as far). */
const ARROW_STEP_PX = 5;
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

interface HitProps {
  id: string;
  /** The table's own name (its accessible name, as near) and the name as the map writes it. */
  name: string;
  shown: string;
  x: number;
  y: number;
  width: number;
  height: number;
  className: string;
  selected: boolean;
  errors: number;
  change: string | undefined;
  /** How far a table in hand has moved since the drag began (see `FarTables`). */
  shiftX?: number;
  shiftY?: number;
}

/**
 * One table far out, for the hand and the keyboard: an empty box over its drawing on the map
 * (FarMap), with the table's role and name, focusable. It paints nothing unless hovered, focused,
 * selected, lit by search, marked by a comparison or in error (an outline, and the error badge).
 * Not positioned: the boxes share one grid cell and sit by their margins, so the browser keeps no
 * paint layer per table and a pan does not walk them.
 */
const HitBox = memo(function HitBox(p: HitProps) {
  const style: CSSProperties = {
    marginLeft: p.x,
    marginTop: p.y,
    width: p.width,
    height: p.height,
    ...(p.shiftX || p.shiftY
      ? { transform: `translate(${p.shiftX ?? 0}px, ${p.shiftY ?? 0}px)` }
      : {}),
  };
  return (
    <div
      className={`tw-far-hit tw-table-drag nopan ${p.className}${p.selected ? ' is-selected' : ''}${p.errors ? ' has-errors' : ''}${p.change ? ` tw-change-${p.change}` : ''}`}
      style={style}
      data-table-id={p.id}
      role="group"
      tabIndex={0}
      aria-label={`Table ${p.name}`}
      aria-description={p.change ? `${p.change} in this comparison` : undefined}
      title={p.shown}
    >
      <ErrorBadge count={p.errors} tableName={p.name} />
    </div>
  );
});

/** Schema-qualified outside `public`, as the map writes it. */
const shownName = (design: Design, id: string) => {
  const t = design.tables[id];
  if (!t) return id;
  const schema = design.schemas[t.schemaId]?.name;
  return `${schema && schema !== 'public' ? `${schema}.` : ''}${visibleName(t.name)}`;
};

/**
 * Far out, every table's box for clicks, drags, the context menu and the keyboard (React Flow's
 * own nodes are not drawn then: 1,000 transformed elements were most of a pan frame). A click
 * selects (Shift, Ctrl or Cmd adds or removes), a drag moves the table or the selection it is in
 * (one undo step), a double-click or Enter opens the table (selected and brought near enough to
 * read its rows), arrow keys move the selection, Space selects.
 */
export const FarTables = memo(function FarTables({
  nodes,
  selected,
  moving,
  onMoving,
  onContextMenu,
}: {
  nodes: readonly Node[];
  selected: ReadonlySet<string>;
  /** The tables in hand (a drag): their boxes stay where the drag began and move by transform. */
  moving: ReadonlySet<string>;
  /** The tables in hand while a drag lasts; an empty set when it ends. */
  onMoving(ids: ReadonlySet<string>): void;
  onContextMenu(e: React.MouseEvent, node: { id: string; type: string }): void;
}) {
  const store = useStudioStore();
  const flowStore = useStoreApi();
  const flow = useReactFlow();
  const design = useStudio((s) => s.design);
  const lit = useStudio((s) => s.litTableIds);
  const overlay = useStudio((s) => s.preview?.overlay?.tables);
  const errors = useStore(useServices().check, problemCountsByEntity);
  const litSet = useMemo(() => new Set(lit), [lit]);

  // Each box's element is kept per node object while what else it shows is the same: a drag frame
  // makes one new element (the moved table's), and React skips the other 999 without comparing
  // their props.
  const elements = useRef<{ deps: unknown[]; byNode: WeakMap<Node, ReactElement> } | null>(null);
  // Where each table in hand was when the drag began. Its box keeps that place (its margins) and
  // follows the hand by a transform, which the browser moves without laying out the other 999
  // boxes that share its grid cell; the margins catch up when the drag ends.
  const dragFrom = useRef(new Map<string, { x: number; y: number }>());
  const boxes = useMemo(() => {
    const from = dragFrom.current;
    if (!moving.size) from.clear();
    const deps = [design, litSet, selected, errors, overlay, moving];
    const kept = elements.current;
    const byNode =
      kept && kept.deps.every((d, i) => d === deps[i])
        ? kept.byNode
        : new WeakMap<Node, ReactElement>();
    elements.current = { deps, byNode };
    return nodes.map((n) => {
      if (n.type !== 'table') return null;
      let el = byNode.get(n);
      if (!el) {
        let at = n.position;
        if (moving.has(n.id)) {
          at = from.get(n.id) ?? at;
          from.set(n.id, at);
        }
        el = (
          <HitBox
            key={n.id}
            id={n.id}
            name={design.tables[n.id]?.name ?? n.id}
            shown={shownName(design, n.id)}
            x={at.x}
            y={at.y}
            shiftX={n.position.x - at.x}
            shiftY={n.position.y - at.y}
            width={n.width ?? 0}
            height={n.height ?? 0}
            className={`${n.className ?? ''}${litSet.has(n.id) ? ' tw-lit' : ''}`}
            selected={selected.has(n.id)}
            errors={errors.get(n.id) ?? 0}
            change={overlay?.[n.id]}
          />
        );
        byNode.set(n, el);
      }
      return el;
    });
  }, [nodes, design, litSet, selected, errors, overlay, moving]);

  const idOf = (e: { target: EventTarget }) =>
    (e.target as HTMLElement).closest<HTMLElement>('[data-table-id]')?.dataset.tableId;

  const open = useCallback(
    (id: string) => {
      const s = store.getState();
      const l = s.layout.tables[id];
      const node = nodes.find((n) => n.id === id);
      if (!l || !node) return;
      s.select({ tableIds: [id] });
      void flow.setCenter(l.x + (node.width ?? 0) / 2, l.y + (node.height ?? 0) / 2, {
        zoom: Math.max(flow.getZoom(), 0.8),
        duration: 300,
      });
    },
    [store, flow, nodes],
  );

  const onMouseDown = useCallback(
    (e: React.MouseEvent) => {
      const id = idOf(e);
      if (!id || e.button !== 0) return;
      const s = store.getState();
      const current = s.selection.tableIds;
      const adding = e.shiftKey || e.metaKey || e.ctrlKey;
      if (adding)
        s.select({
          tableIds: current.includes(id) ? current.filter((t) => t !== id) : [...current, id],
        });
      else if (!current.includes(id)) s.select({ tableIds: [id] });
      if (s.readOnly) return;
      const chosen = store.getState().selection.tableIds;
      if (!chosen.includes(id)) return;
      const ids = chosen.filter((t) => s.layout.tables[t]);
      const from = ids.map((t) => ({ id: t, x: s.layout.tables[t]!.x, y: s.layout.tables[t]!.y }));
      const zoom = flowStore.getState().transform[2];
      const x0 = e.clientX;
      const y0 = e.clientY;
      let dragging = false;
      const move = (ev: MouseEvent) => {
        const dx = ev.clientX - x0;
        const dy = ev.clientY - y0;
        if (!dragging) {
          if (Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
          dragging = true;
          store.getState().beginGesture();
          onMoving(new Set(ids));
        }
        store.getState().setLayout(
          (l) =>
            ops.moveTables(
              l,
              from.map((f) => ({ id: f.id, x: f.x + dx / zoom, y: f.y + dy / zoom })),
            ),
          { history: false },
        );
      };
      const up = () => {
        window.removeEventListener('mousemove', move);
        window.removeEventListener('mouseup', up);
        if (!dragging) return;
        store.getState().endGesture();
        onMoving(new Set());
      };
      window.addEventListener('mousemove', move);
      window.addEventListener('mouseup', up);
    },
    [store, flowStore, onMoving],
  );

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      const id = idOf(e);
      if (!id || e.altKey || e.ctrlKey || e.metaKey) return;
      const s = store.getState();
      if (e.key === 'Enter') {
        e.preventDefault();
        open(id);
      } else if (e.key === ' ') {
        e.preventDefault();
        s.select({ tableIds: [id] });
      } else if (ARROWS[e.key] && !s.readOnly) {
        e.preventDefault();
        const ids = s.selection.tableIds.includes(id) ? s.selection.tableIds : [id];
        if (!s.selection.tableIds.includes(id)) s.select({ tableIds: [id] });
        const [ux, uy] = ARROWS[e.key]!;
        const step = (ARROW_STEP_PX * (e.shiftKey ? 4 : 1)) / flowStore.getState().transform[2];
        s.setLayout((l) =>
          ops.moveTables(
            l,
            ids.flatMap((t) => {
              const at = l.tables[t];
              return at ? [{ id: t, x: at.x + ux * step, y: at.y + uy * step }] : [];
            }),
          ),
        );
      }
    },
    [store, flowStore, open],
  );

  const onDoubleClick = useCallback(
    (e: React.MouseEvent) => {
      const id = idOf(e);
      if (id) open(id);
    },
    [open],
  );
  const onMenu = useCallback(
    (e: React.MouseEvent) => {
      const id = idOf(e);
      if (id) onContextMenu(e, { id, type: 'table' });
    },
    [onContextMenu],
  );

  return (
    <ViewportPortal>
      <div
        className="tw-far-tables"
        role="group"
        aria-label="Tables"
        onMouseDown={onMouseDown}
        onKeyDown={onKeyDown}
        onDoubleClick={onDoubleClick}
        onContextMenu={onMenu}
      >
        {boxes}
      </div>
    </ViewportPortal>
  );
});
