import * as ops from '../../core/ops';
import { useStudio, useStudioStore } from '../StudioContext';

/** The subject area a table is in, chosen in the inspector: moving it, or taking it out. */
export function AreaPicker({ tableId }: { tableId: string }) {
  const store = useStudioStore();
  const areas = useStudio((s) => s.design.areas);
  const current = areas.find((a) => a.tableIds.includes(tableId));
  if (areas.length === 0) return null;
  return (
    <label>
      Subject area
      <select
        value={current?.id ?? ''}
        onChange={(e) => {
          const next = e.target.value;
          store
            .getState()
            .dispatch((d) =>
              next
                ? ops.addTablesToArea(d, next, [tableId])
                : current
                  ? ops.removeTablesFromArea(d, current.id, [tableId])
                  : d,
            );
        }}
      >
        <option value="">None</option>
        {areas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
