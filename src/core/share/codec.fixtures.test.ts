import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emptyLayout, makeDocument } from '../model';
import { generateDdl } from '../sql';
import { FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { toBase64Url } from './base64url';
import { decodeShare, encodeShare } from './codec';
import { layoutForTest } from './testLayout';

/**
 * The promise of the issue: a link is at most 1.5 times base64url(deflate(the design's DDL)),
 * for real schemas with their layout, and opens to the same design.
 */
describe('share links of the real-world fixtures', () => {
  for (const name of FIXTURE_NAMES) {
    it(`${name}: compact and lossless`, async () => {
      const design = await fixtureDesign(name);
      const doc = makeDocument(design, layoutForTest(design, emptyLayout()));
      const payload = encodeShare(doc);
      const ddl = generateDdl(design).text;
      const reference = toBase64Url(
        deflateSync(new TextEncoder().encode(ddl), { level: 9 }),
      ).length;
      const ratio = payload.length / reference;
      console.log(
        `${name}: link payload ${payload.length} chars, deflated DDL ${reference} chars, ratio ${ratio.toFixed(2)}`,
      );
      expect(ratio).toBeLessThanOrEqual(1.5);
      const back = decodeShare(payload);
      if (!back.ok) throw new Error(back.error.message);
      expect(generateDdl(back.value.design).text).toBe(ddl);
      expect(Object.keys(back.value.layout.tables)).toHaveLength(
        Object.keys(doc.layout.tables).length,
      );
    });
  }
});
