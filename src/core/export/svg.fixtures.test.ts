import { describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { viewsOf } from '../model';
import { renderDiagramSvg } from './svg';
import { gridLayout, parseSvg } from '../../test/export/svgTestDesigns';
import { cleanText } from './svgText';

/**
 * The real-world schemas (imported through PGlite, cached) laid out on a grid: each renders in
 * both themes to well-formed XML with one box per drawn table and view, every table's name in a
 * header (cut with an ellipsis only where it is too wide), and one edge per foreign key between
 * drawn tables (partitions fold into their parent, as on the canvas).
 */
describe('renderDiagramSvg on the real-world fixtures', () => {
  for (const name of FIXTURE_NAMES) {
    it(name, async () => {
      const design = await fixtureDesign(name);
      const layout = gridLayout(design);
      const light = renderDiagramSvg(design, layout, { theme: 'light' });
      const dark = renderDiagramSvg(design, layout, { theme: 'dark' });
      expect(dark.width).toBe(light.width);
      const doc = parseSvg(light.svg);

      const drawn = Object.values(design.tables).filter((t) => !t.partitionOf);
      const views = viewsOf(design).filter((v) => v.columns);
      expect(doc.querySelectorAll('g.tw-table')).toHaveLength(drawn.length);
      expect(doc.querySelectorAll('g.tw-view')).toHaveLength(views.length);

      const ids = new Set(drawn.map((t) => t.id));
      const fks = drawn.flatMap((t) =>
        t.constraints.filter((k) => k.kind === 'foreignKey' && ids.has(k.refTableId)),
      );
      expect(doc.querySelectorAll('path.tw-edge')).toHaveLength(fks.length);

      const headers = [...doc.querySelectorAll('g.tw-table > text[font-size="13"]')].map(
        (t) => t.textContent ?? '',
      );
      drawn.forEach((t, i) => {
        const schema = design.schemas[t.schemaId]?.name ?? 'public';
        const full = cleanText(schema === 'public' ? t.name : `${schema}.${t.name}`);
        const shown = headers[i] ?? '';
        if (shown !== full) {
          expect(shown.endsWith('\u2026'), `${full} shown as ${shown}`).toBe(true);
          expect(full.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
        }
      });
    });
  }
});
