import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { toMermaid } from './mermaid';
import { expectFaithful } from '../../test/export/mermaidReadBack';

/**
 * In Node's environment, not jsdom's: the fixture loader resolves paths with Node's URL, which
 * jsdom replaces. Mermaid's parser needs no DOM (only rendering does, see mermaid.test.ts).
 */
describe('toMermaid on the real-world fixtures', () => {
  it('mermaid.parse works here and still rejects a broken diagram', async () => {
    await expect(mermaid.parse('erDiagram\n  a ||--o{ : "x"\n')).rejects.toThrow();
  });

  for (const name of FIXTURE_NAMES) {
    it(name, async () => {
      const design = await fixtureDesign(name);
      const text = toMermaid(design);
      expect(text).toBe(toMermaid(design));
      await expectFaithful(design, text);
    });
  }
});
