import { describe, expect, it } from 'vitest';
import { readChecks } from './readChecks';
import { regexValue } from './regexValue';

const columns = new Set([
  'qty',
  'status',
  'code',
  'note',
  'start_at',
  'end_at',
  'parent_id',
  'ended',
  'a',
]);
const read = (expression: string, nullable: string[] = []) =>
  readChecks([{ expression }], columns, (c) => nullable.includes(c));

describe('readChecks', () => {
  it('reads bounds, lists and lengths as PostgreSQL prints them', () => {
    const r = read(
      "qty > 0 AND qty <= 10 AND (upper(status::text) = ANY (ARRAY['NEW'::text, 'OLD'::text])) AND char_length(note) <= 8",
    );
    expect(r.rules.get('qty')).toMatchObject({
      min: { value: { num: 0 }, inclusive: false },
      max: { value: { num: 10 }, inclusive: true },
    });
    expect(r.rules.get('status')?.values?.map((v) => v.sql)).toEqual([
      "'NEW'::text",
      "'OLD'::text",
    ]);
    expect(r.rules.get('note')?.maxLength).toBe(8);
    expect(r.unknown.size).toBe(0);
  });

  it("reads negative constants written as '-40'::integer and column order checks", () => {
    expect(read("qty >= '-40'::integer").rules.get('qty')?.min?.value.num).toBe(-40);
    expect(read('end_at > start_at OR end_at IS NULL').rules.get('end_at')?.after).toEqual({
      column: 'start_at',
      inclusive: false,
    });
  });

  it('takes the first branch of an OR it can meet, NULL only where allowed', () => {
    const check = 'parent_id IS NULL AND qty = 0 OR parent_id IS NOT NULL AND qty >= 1';
    expect(read(check, ['parent_id']).rules.get('parent_id')).toEqual({ isNull: true });
    expect(read(check).rules.get('parent_id')).toEqual({ notNull: true });
    expect(
      read('locale IS NULL AND ended IS FALSE OR a IS NOT NULL', ['locale']).rules.get('a'),
    ).toEqual({ notNull: true });
  });

  it('names the columns of what it cannot read', () => {
    const r = read('qty > 0 AND (code IS NULL) = (note IS NULL)');
    expect(r.rules.get('qty')?.min).toBeDefined();
    expect([...r.unknown].sort()).toEqual(['code', 'note']);
  });

  it('keeps a regular expression for the generator', () => {
    expect(read("code ~ '^\\d{11}$'::text").rules.get('code')?.pattern).toBe('^\\d{11}$');
  });
});

describe('regexValue', () => {
  it('makes SQL whose digit positions carry the row number', () => {
    expect(regexValue('^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$')).toBe(
      "('AA' || substr(right(lpad(g::text, 10, '0'), 10), 1, 10))",
    );
    expect(regexValue('^T-?\\d{3}$', 5)).toBe(
      "('T-' || substr(right(lpad(g::text, 3, '0'), 3), 1, 3))",
    );
    expect(regexValue('^(a|b)$')).toBeUndefined();
  });
});
