import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../model/example';
import { emptyLayout, makeDocument, parseDesign, serializeDocument } from '../model';
import { findingToJson } from './format';
import { lintDesign } from './lintDesign';
import { RULES } from './rules/index';
import { design } from '../../test/lintDesigns';

const messy = () =>
  design(
    {
      name: 'zeta',
      columns: [
        ['id', 'integer'],
        ['price', 'real'],
        ['Status', 'text'],
      ],
    },
    {
      name: 'alpha',
      columns: [
        ['id', 'bigint'],
        ['created', 'timestamp'],
        ['data', 'json'],
      ],
      pk: ['id'],
    },
  );

describe('lintDesign', () => {
  it('every rule has a unique kebab-case id, a title, a why and a practice', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(r.title && r.why && r.practice).toBeTruthy();
    }
  });

  it('sorts by table, table-level first, then columns in table order, then severity and rule', () => {
    const found = lintDesign(messy());
    expect(found.map((f) => `${f.table}.${f.column ?? '-'} ${f.rule}`)).toEqual([
      'alpha.created prefer-timestamptz',
      'alpha.data prefer-jsonb',
      'zeta.- no-primary-key',
      'zeta.price money-type',
      'zeta.Status name-needs-quoting',
      'zeta.Status enum-like-text',
    ]);
    expect(lintDesign(messy()).map(findingToJson)).toEqual(found.map(findingToJson));
  });

  it('skips rules disabled by the caller or by the design itself', () => {
    const d = { ...messy(), review: { disabledRules: ['money-type', 'enum-like-text'] } };
    const rules = new Set(lintDesign(d, { disabled: ['no-primary-key'] }).map((f) => f.rule));
    expect([...rules].sort()).toEqual(['name-needs-quoting', 'prefer-jsonb', 'prefer-timestamptz']);
  });

  it('keeps the review switches through save and load, and reads documents without them', () => {
    const d = { ...messy(), review: { disabledRules: ['money-type'] } };
    const back = parseDesign(serializeDocument(makeDocument(d, emptyLayout())));
    expect(back.ok && back.value.design.review).toEqual({ disabledRules: ['money-type'] });
    // A version-1 document from before the review existed: read with every rule enabled.
    const v1 = JSON.parse(serializeDocument(makeDocument(messy(), emptyLayout())));
    v1.version = 1;
    delete v1.design.review;
    const old = parseDesign(v1);
    expect(old.ok && old.value.design.review).toEqual({ disabledRules: [] });
  });

  it('finds nothing in the example design, which follows the practices', () => {
    expect(lintDesign(exampleDocument().design)).toEqual([]);
  });
});
