import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, singularize } from './railsSchemaNames';

describe('Rails names', () => {
  it('singularizes table names as ActiveSupport does', () => {
    const cases: Record<string, string> = {
      users: 'user',
      people: 'person',
      sales_people: 'sales_person',
      categories: 'category',
      statuses: 'status',
      addresses: 'address',
      news: 'news',
      media: 'medium',
      wives: 'wife',
      shelves: 'shelf',
      indices: 'index',
      species: 'species',
      series: 'series',
      mice: 'mouse',
      quizzes: 'quiz',
      analyses: 'analysis',
      children: 'child',
      taxes: 'tax',
      // `\b` takes _ as a word character in Ruby too: not uncountable, so the -ies rule applies.
      plant_species: 'plant_specy',
    };
    for (const [plural, singular] of Object.entries(cases))
      expect([plural, singularize(plural)]).toEqual([plural, singular]);
  });

  it('hashes with SHA-256 as node:crypto does', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'é'.repeat(100)])
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
  });
});
