import type { Design, Layout } from '../model';

/** A plausible layout for tests: every table on a grid, some colored and collapsed. */
export function layoutForTest(design: Design, base: Layout): Layout {
  const tables: Layout['tables'] = {};
  Object.keys(design.tables).forEach((id, i) => {
    tables[id] = {
      x: (i % 12) * 320,
      y: Math.floor(i / 12) * 260,
      ...(i % 5 === 0 ? { color: 'blue' } : {}),
      ...(i % 7 === 0 ? { collapsed: true } : {}),
    };
  });
  return { ...base, tables, viewport: { x: -40, y: -20, zoom: 0.8 } };
}
