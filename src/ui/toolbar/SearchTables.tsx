import { useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { displayName } from '../../core/model';
import { tableSize } from '../../core/geometry/tableGeometry';
import { useStudioStore, useStudio } from '../StudioContext';

/** Find a table by name: Enter or a click selects it and centers the canvas on it. */
export function SearchTables() {
  const store = useStudioStore();
  const design = useStudio((s) => s.design);
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return Object.values(design.tables)
      .filter((t) => displayName(design, t).toLowerCase().includes(q))
      .sort(
        (a, b) =>
          Number(!a.name.toLowerCase().startsWith(q)) -
            Number(!b.name.toLowerCase().startsWith(q)) || a.name.localeCompare(b.name),
      )
      .slice(0, 12);
  }, [query, design]);
  const go = (tableId: string) => {
    const s = store.getState();
    const l = s.layout.tables[tableId];
    const t = s.design.tables[tableId];
    if (!l || !t) return;
    s.select({ tableIds: [tableId] });
    const size = tableSize(t, l);
    void flow.setCenter(l.x + size.width / 2, l.y + size.height / 2, {
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
        aria-expanded={matches.length > 0}
        aria-controls="tw-search-results"
        placeholder="Search tables (/)"
        value={query}
        data-shortcut="search"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && matches[active]) go(matches[active].id);
          else if (e.key === 'Escape') setQuery('');
        }}
      />
      {matches.length > 0 && (
        <ul
          id="tw-search-results"
          role="listbox"
          aria-label="Matching tables"
          className="tw-search-results"
        >
          {matches.map((t, i) => (
            <li
              key={t.id}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(t.id)}
            >
              {displayName(design, t)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
