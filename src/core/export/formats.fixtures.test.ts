import { describe, expect, it } from 'vitest';
import { emptyLayout, makeDocument } from '../model';
import { FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { TEXT_EXPORTS } from './formats';

/** Every real-world fixture exports to every format without error (each format's own tests check the content with its consumer). */
describe('every fixture, every text export', () => {
  for (const name of FIXTURE_NAMES) {
    it(name, async () => {
      const doc = makeDocument(await fixtureDesign(name), emptyLayout());
      for (const format of TEXT_EXPORTS) {
        const text = format.render(doc);
        expect(text.length, `${name} as ${format.id}`).toBeGreaterThan(100);
      }
    });
  }
});
