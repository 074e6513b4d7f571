import { useStudio, useStudioStore } from '../StudioContext';

/**
 * Shown when a design has several schemas or any subject area: the canvas can show one schema, or
 * the tables of one area, at a time.
 */
export function SchemaFilter() {
  const store = useStudioStore();
  const schemas = useStudio((s) => s.design.schemas);
  const areas = useStudio((s) => s.design.areas);
  const value = useStudio((s) => s.schemaFilter);
  const list = Object.values(schemas);
  const bySchema = list.length > 1;
  if (!bySchema && areas.length === 0) return null;
  // A filter naming what no longer exists (a deleted area) shows everything, and says so.
  const known =
    value !== null && (Object.hasOwn(schemas, value) || areas.some((a) => a.id === value));
  return (
    <select
      className="tw-canvas-filter"
      aria-label={
        areas.length > 0
          ? 'Schema or subject area shown on the canvas'
          : 'Schema shown on the canvas'
      }
      value={known ? value : ''}
      onChange={(e) => store.getState().setSchemaFilter(e.target.value || null)}
    >
      <option value="">{bySchema ? 'All schemas' : 'All tables'}</option>
      {bySchema && (
        <optgroup label="Schemas">
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </optgroup>
      )}
      {areas.length > 0 && (
        <optgroup label="Subject areas">
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.tableIds.length})
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
