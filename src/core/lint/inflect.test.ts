import { describe, expect, it } from 'vitest';
import { pluralForms, tableNamesFor } from './inflect';

describe('pluralForms', () => {
  it.each([
    ['user', ['users']],
    ['project', ['projects']],
    ['category', ['categories']],
    ['query', ['queries']],
    ['key', ['keys']],
    ['day', ['days']],
    ['status', ['statuses']],
    ['address', ['addresses']],
    ['box', ['boxes']],
    ['match', ['matches']],
    ['wish', ['wishes']],
    ['person', ['people']],
    ['child', ['children']],
    ['woman', ['women']],
    ['sheep', ['sheep']],
    ['metadata', ['metadata']],
    ['knife', ['knives', 'knifes']],
    ['shelf', ['shelves', 'shelfs']],
    ['analysis', ['analysises', 'analyses']],
    ['medium', ['media', 'mediums']],
    ['hero', ['heroes', 'heros']],
    ['photo', ['photos']],
    ['index', ['indexes', 'indices']],
    ['vertex', ['vertexes', 'vertices']],
    ['axis', ['axises', 'axes']],
  ])('%s -> %j', (word, plurals) => {
    expect(pluralForms(word).sort()).toEqual([...plurals].sort());
  });

  it('inflects the last word of a snake_case name only', () => {
    expect(pluralForms('merge_request')).toEqual(['merge_requests']);
    expect(pluralForms('product_category')).toEqual(['product_categories']);
    expect(pluralForms('contact_person')).toEqual(['contact_people']);
    expect(pluralForms('order_status')).toEqual(['order_statuses']);
    // "human" is not "man": irregulars are whole words.
    expect(pluralForms('human')).toEqual(['humans']);
  });

  it('makes no non-words from regular endings', () => {
    const forms = ['status', 'box', 'category', 'match', 'class', 'wish'].flatMap(pluralForms);
    for (const bad of ['statuss', 'boxs', 'categorys', 'matchs', 'classs', 'wishs'])
      expect(forms).not.toContain(bad);
    expect(pluralForms('')).toEqual([]);
  });
});

describe('tableNamesFor', () => {
  it('includes the singular, for schemas that name tables in the singular (pagila)', () => {
    expect(tableNamesFor('customer')).toEqual(['customer', 'customers']);
    expect(tableNamesFor('person')).toEqual(['person', 'people']);
    expect(tableNamesFor('sheep')).toEqual(['sheep']);
  });
});
