import { usePopupMenu } from '../common/usePopupMenu';
import { useReactFlow } from '@xyflow/react';
import * as ops from '../../core/ops';
import { enterFocus, openFindPath } from '../common/reading';
import { useStudio, useStudioStore } from '../StudioContext';
import { createAreaFromSelection } from '../common/areaActions';
import { startDiscussion } from '../discussion/discussionRequests';

/** Where the table's context menu opened: the table and the point, relative to the canvas. */
export interface TableMenuAt {
  tableId: string;
  x: number;
  y: number;
}

/**
 * A table's context menu (right-click, or the Menu key on a focused table): the reading actions
 * for that table, and its subject areas (for every selected table). Arrow keys move, Enter chooses, Escape or a click elsewhere closes.
 */
export function TableMenu({ at, onClose }: { at: TableMenuAt; onClose(): void }) {
  const store = useStudioStore();
  const flow = useReactFlow();
  const ref = usePopupMenu<HTMLUListElement>(onClose);
  const table = useStudio((s) => s.design.tables[at.tableId]);
  const collapsed = useStudio((s) => !!s.layout.tables[at.tableId]?.collapsed);
  const design = useStudio((s) => s.design);
  const readOnly = useStudio((s) => s.readOnly);
  if (!table) return null;
  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  const selected = store.getState().selection.tableIds;
  const count = selected.length;
  const area = ops.areaOfTable(design, table.id);
  const areaItems = readOnly
    ? []
    : [
        {
          label:
            count > 1
              ? `New subject area from ${count} tables`
              : 'New subject area from this table',
          keys: 'G',
          action: () => void createAreaFromSelection(store),
        },
        ...(area
          ? [
              {
                label: `Remove from “${area.name}”`,
                action: () =>
                  store.getState().dispatch((d) => ops.removeTablesFromArea(d, area.id, selected)),
              },
            ]
          : []),
        ...design.areas
          .filter((a) => a.id !== area?.id)
          .slice(0, 8)
          .map((a) => ({
            label: `Add to “${a.name}”`,
            action: () => store.getState().dispatch((d) => ops.addTablesToArea(d, a.id, selected)),
          })),
      ];
  const items: { label: string; keys?: string; action(): void }[] = [
    {
      label: 'Focus on neighbours',
      keys: 'N',
      action: () => enterFocus(store, flow, table.id),
    },
    {
      label: 'Find path from here',
      keys: 'P',
      action: () => openFindPath(store, table.id),
    },
    {
      label: collapsed ? 'Show all columns' : 'Keys only',
      action: () =>
        store.getState().setLayout((l) => ops.setTableCollapsed(l, table.id, !collapsed)),
    },
    ...areaItems,
    ...(readOnly
      ? []
      : [
          {
            label: 'Start a discussion',
            action: () => startDiscussion(store, { tableId: table.id }),
          },
        ]),
  ];
  const move = (e: React.KeyboardEvent, step: number) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    all[(i + step + all.length) % all.length]?.focus();
    e.preventDefault();
  };
  return (
    <ul
      ref={ref}
      role="menu"
      aria-label={`Table ${table.name}`}
      className="tw-table-menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') move(e, 1);
        else if (e.key === 'ArrowUp') move(e, -1);
        else if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      {items.map((item) => (
        <li
          key={item.label}
          role="menuitem"
          tabIndex={-1}
          aria-keyshortcuts={item.keys}
          onClick={run(item.action)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              run(item.action)();
            }
          }}
        >
          <span>{item.label}</span>
          {item.keys && <kbd className="tw-muted">{item.keys}</kbd>}
        </li>
      ))}
    </ul>
  );
}
