import { useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { searchDesign, type SearchMatch } from '../../core/graph';
import { filterShows } from '../canvas/areaNodes';
import { rowCenterY, tableSize, visibleColumns } from '../../core/geometry/tableGeometry';
import { useStudioStore, useStudio } from '../StudioContext';

/**
 * Find a table or a column by name: Enter or a click selects the table (and the column, lit in its
 * row and focused in the inspector) and centers the canvas on it.
 */
export function SearchTables() {
  const store = useStudioStore();
  const design = useStudio((s) => s.design);
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchDesign(design, query, 16), [query, design]);
  const go = (match: SearchMatch) => {
    const s = store.getState();
    const { tableId } = match;
    const l = s.layout.tables[tableId];
    const t = s.design.tables[tableId];
    if (!l || !t) return;
    // A table the canvas leaves out (another schema shown, or outside a hiding focus) is brought back.
    if (!filterShows(s.design, s.schemaFilter)(t.id, t.schemaId)) s.setSchemaFilter(null);
    if (s.focus && s.focus.tableId !== tableId) s.setFocus(null);
    s.select(
      match.kind === 'column'
        ? { tableIds: [tableId], columnId: match.columnId }
        : { tableIds: [tableId] },
    );
    const size = tableSize(t, s.keysOnly ? { ...l, collapsed: true } : l);
    const collapsed = s.keysOnly || !!l.collapsed;
    const row =
      match.kind === 'column'
        ? visibleColumns(t, collapsed).findIndex((c) => c.id === match.columnId)
        : -1;
    // A column is centred on its own row, so in a long table it is on screen, not below it.
    const y = row >= 0 ? l.y + rowCenterY(row) : l.y + size.height / 2;
    void flow.setCenter(l.x + size.width / 2, y, {
      zoom: Math.max(flow.getZoom(), 0.8),
      duration: 300,
    });
    setQuery('');
  };
  return (
    <div className="tw-search">
      <input
        type="search"
        role="combobox"
        aria-label="Search tables"
        aria-description="Finds tables and columns; type table.column for a column of one table"
        aria-expanded={matches.length > 0}
        aria-controls="tw-search-results"
        placeholder="Table or column (/)"
        value={query}
        data-shortcut="search"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && matches[active]) go(matches[active]);
          else if (e.key === 'Escape') setQuery('');
        }}
      />
      {matches.length > 0 && (
        <ul
          id="tw-search-results"
          role="listbox"
          aria-label="Matching tables and columns"
          className="tw-search-results"
        >
          {matches.map((m, i) => (
            <li
              key={m.kind === 'column' ? m.columnId : m.tableId}
              role="option"
              aria-selected={i === active}
              aria-label={m.kind === 'column' ? `Column ${m.label} ${m.type}` : m.label}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(m)}
            >
              {m.kind === 'column' ? (
                <>
                  <span className="tw-search-column">{m.label}</span>{' '}
                  <span className="tw-muted tw-search-type">{m.type}</span>
                </>
              ) : (
                <span className="tw-search-table">{m.label}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
