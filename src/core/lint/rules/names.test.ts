import { describe, expect, it } from 'vitest';
import { design, expectFixesResolve, run, where } from '../../../test/lintDesigns';
import { identifierTooLong } from './identifierTooLong';
import { nameNeedsQuoting } from './nameNeedsQuoting';
import { nameNotSnakeCase } from './nameNotSnakeCase';

describe('name-needs-quoting', () => {
  it('fires on capitals, reserved words and other keywords, with a rename where it is safe', () => {
    const d = design({
      name: 'OrderItems',
      columns: [
        ['id', 'bigint'],
        ['user', 'text'],
        ['position', 'integer'],
        ['unitPrice', 'numeric'],
        ['name', 'text'],
      ],
      pk: ['id'],
    });
    const found = run(nameNeedsQuoting, d);
    expect(where(found)).toEqual([
      'OrderItems',
      'OrderItems.user',
      'OrderItems.position',
      'OrderItems.unitPrice',
    ]);
    expect(found.map((f) => f.message)).toEqual([
      'Table name OrderItems has upper-case letters, so every query must write it as "OrderItems". Consider order_items.',
      'Column name user is a reserved word in PostgreSQL, so every query must write it as "user".',
      'Column name position is an SQL keyword: PostgreSQL accepts it bare only in some places, and quote_ident, pg_dump and most tools write it as "position".',
      'Column name unitPrice has upper-case letters, so every query must write it as "unitPrice". Consider unit_price.',
    ]);
    expect(found.map((f) => f.fix?.label)).toEqual([
      'Rename to order_items',
      undefined,
      undefined,
      'Rename to unit_price',
    ]);
    expect(expectFixesResolve(nameNeedsQuoting, d)).toBe(2);
  });
  it('offers no rename when raw SQL (a view) mentions the name', () => {
    const d = {
      ...design({ name: 'Orders', columns: [['id', 'bigint']], pk: ['id'] }),
      extras: [
        {
          id: 'x_v',
          kind: 'view' as const,
          name: 'v',
          sql: 'CREATE VIEW v AS SELECT * FROM "Orders";',
          dependsOn: [],
        },
      ],
    };
    expect(run(nameNeedsQuoting, d)[0]?.fix).toBeUndefined();
  });
  it('does not fire on snake_case names or unreserved keywords', () => {
    expect(
      run(
        nameNeedsQuoting,
        design({
          name: 'order_items',
          columns: [
            ['id', 'bigint'],
            ['name', 'text'],
            ['comment', 'text'],
          ],
          pk: ['id'],
        }),
      ),
    ).toEqual([]);
  });
});

describe('name-not-snake-case', () => {
  it('fires on bare names with stray underscores, not on snake_case or names needing quotes', () => {
    const d = design({
      name: 'order__items',
      columns: [
        ['id', 'bigint'],
        ['_secret', 'text'],
        ['ok_name2', 'text'],
        ['Bad', 'text'],
      ],
      pk: ['id'],
    });
    expect(where(run(nameNotSnakeCase, d))).toEqual(['order__items', 'order__items._secret']);
  });
});

describe('identifier-too-long', () => {
  it('fires on names over 63 bytes, counting UTF-8 bytes, not on 63', () => {
    const long = 'a'.repeat(64);
    const d = design({
      name: 't',
      columns: [
        ['id', 'bigint'],
        [long, 'text'],
        ['é'.repeat(32), 'text'],
        ['b'.repeat(63), 'text'],
      ],
      pk: ['id'],
    });
    const found = run(identifierTooLong, d);
    expect(found).toHaveLength(2);
    expect(found[1]?.message).toMatch(/is 64 bytes; PostgreSQL allows at most 63 bytes/);
  });
});
