import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../test/propertySeed';
import { readRailsSchema } from './railsSchema';

describe('readRailsSchema on damaged files', () => {
  const real = readFileSync(
    new URL('../../../fixtures/rails/maybe.schema.rb', import.meta.url),
    'utf8',
  )
    .split('\n')
    .slice(0, 120)
    .join('\n');
  const edit = fc.record({
    at: fc.nat({ max: real.length }),
    cut: fc.nat({ max: 40 }),
    insert: fc.stringMatching(/^["'{}()|:,#%<>\\\n -]{0,6}(do|end|<<~SQL|%w\[)?$/),
  });

  it('property: never throws, and every note and statement has a line of the file', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = real;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.cut);
        const lines = text.split('\n').length;
        const read = readRailsSchema(text);
        if (!read.ok) {
          expect(read.error.message).toMatch(/^Nothing in the schema\.rb/);
          return;
        }
        for (const note of read.value.notes) {
          expect(note.line).toBeGreaterThanOrEqual(1);
          expect(note.line).toBeLessThanOrEqual(lines);
        }
        for (const statement of read.value.statements)
          expect(statement.line).toBeLessThanOrEqual(lines);
      }),
      propertyParameters({ numRuns: 300 }),
    );
  });
});
