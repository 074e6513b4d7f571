import { usePopupMenu } from '../common/usePopupMenu';
import { createPortal } from 'react-dom';
import { AREA_COLORS } from '../../core/model';
import * as ops from '../../core/ops';
import { editKeys, requestEdit } from '../common/editRequest';
import { useStudio, useStudioStore } from '../StudioContext';

/**
 * A subject area's menu, opened from the button beside its name: rename, colour, add or remove the
 * selected tables, show only this area, select its tables, delete. Drawn outside the canvas (a
 * portal at the button), so it keeps its size at every zoom. Arrow keys move, Enter chooses,
 * Escape or a click elsewhere closes.
 */
export function AreaMenu({
  areaId,
  anchor,
  onClose,
}: {
  areaId: string;
  anchor: DOMRect;
  onClose(): void;
}) {
  const store = useStudioStore();
  const ref = usePopupMenu<HTMLDivElement>(onClose);
  const area = useStudio((s) => s.design.areas.find((a) => a.id === areaId));
  const selection = useStudio((s) => s.selection.tableIds);
  const filter = useStudio((s) => s.schemaFilter);
  const readOnly = useStudio((s) => s.readOnly);
  if (!area) return null;
  const s = () => store.getState();
  const members = new Set(area.tableIds);
  const joining = selection.filter((id) => !members.has(id));
  const leaving = selection.filter((id) => members.has(id));
  const count = (n: number) => `${n} selected table${n === 1 ? '' : 's'}`;
  const items: { label: string; action(): void; hidden?: boolean }[] = [
    {
      label: 'Rename',
      hidden: readOnly,
      action: () => requestEdit(editKeys.areaName(area.id)),
    },
    {
      label: `Add ${count(joining.length)}`,
      hidden: readOnly || joining.length === 0,
      action: () => s().dispatch((d) => ops.addTablesToArea(d, area.id, joining)),
    },
    {
      label: `Remove ${count(leaving.length)}`,
      hidden: readOnly || leaving.length === 0,
      action: () => s().dispatch((d) => ops.removeTablesFromArea(d, area.id, leaving)),
    },
    filter === area.id
      ? { label: 'Show all tables', action: () => s().setSchemaFilter(null) }
      : { label: 'Show only this area', action: () => s().setSchemaFilter(area.id) },
    {
      label: 'Select its tables',
      action: () => s().select({ tableIds: area.tableIds }),
    },
    {
      label: 'Delete area',
      hidden: readOnly,
      action: () => {
        if (s().schemaFilter === area.id) s().setSchemaFilter(null);
        s().dispatch((d) => ops.deleteArea(d, area.id));
      },
    },
  ];
  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  const move = (e: React.KeyboardEvent, step: number) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    all[(i + step + all.length) % all.length]?.focus();
    e.preventDefault();
  };
  const onItemKey = (action: () => void) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      action();
    }
  };
  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={`Subject area ${area.name}`}
      className="tw-table-menu tw-area-menu"
      style={{ position: 'fixed', left: anchor.left, top: anchor.bottom + 4 }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') move(e, 1);
        else if (e.key === 'ArrowUp') move(e, -1);
        else if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      {items
        .filter((item) => !item.hidden)
        .map((item) => (
          <div
            key={item.label}
            role="menuitem"
            tabIndex={-1}
            onClick={run(item.action)}
            onKeyDown={onItemKey(run(item.action))}
          >
            {item.label}
          </div>
        ))}
      {!readOnly && (
        <div role="group" aria-label="Colour" className="tw-area-swatches">
          {AREA_COLORS.map((color) => {
            const choose = () => s().dispatch((d) => ops.recolorArea(d, area.id, color));
            return (
              <div
                key={color}
                role="menuitemradio"
                tabIndex={-1}
                aria-checked={area.color === color}
                aria-label={color}
                title={color}
                data-color={color}
                className="tw-area-swatch"
                onClick={run(choose)}
                onKeyDown={onItemKey(run(choose))}
              />
            );
          })}
        </div>
      )}
    </div>,
    document.body,
  );
}
