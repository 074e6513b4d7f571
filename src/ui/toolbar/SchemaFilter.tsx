import { useStudio, useStudioStore } from '../StudioContext';

/** Shown when a design has several schemas: the canvas can show one at a time. */
export function SchemaFilter() {
  const store = useStudioStore();
  const schemas = useStudio((s) => s.design.schemas);
  const value = useStudio((s) => s.schemaFilter);
  const list = Object.values(schemas);
  if (list.length < 2) return null;
  return (
    <select
      aria-label="Schema shown on the canvas"
      value={value ?? ''}
      onChange={(e) => store.getState().setSchemaFilter(e.target.value || null)}
    >
      <option value="">All schemas</option>
      {list.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}
