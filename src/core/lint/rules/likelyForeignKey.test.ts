import { describe, expect, it } from 'vitest';
import {
  design,
  expectFixesResolve,
  run,
  where,
  type ColumnSpec,
  table,
  type TableSpec,
} from '../../../test/lintDesigns';
import { foreignKeysOf } from '../../model/design';
import type { Design } from '../../model/schema';
import { fixAllOfRule } from '../fixAll';
import { lintDesign } from '../lintDesign';
import { likelyForeignKey } from './likelyForeignKey';

/** A table with a bigint `id` key and the given extra columns. */
const keyed = (name: string, columns: ColumnSpec[] = [], extra: Partial<TableSpec> = {}) => ({
  name,
  columns: [['id', 'bigint'] as ColumnSpec, ...columns],
  pk: ['id'],
  ...extra,
});

const found = (d: Design) => where(run(likelyForeignKey, d));

describe('likely-foreign-key: which columns it matches', () => {
  it('matches <thing>_id to the one table named <thing> or its plural, with the same key type', () => {
    const d = design(
      keyed('users'),
      keyed('categories'),
      keyed('people'),
      keyed('statuses'),
      keyed('merge_requests'),
      keyed('post', [], {}),
      keyed('articles', [
        ['user_id', 'bigint'],
        ['category_id', 'bigint'],
        ['person_id', 'bigint'],
        ['status_id', 'bigint'],
        ['merge_request_id', 'bigint'],
        ['post_id', 'bigint'],
      ]),
    );
    expect(found(d)).toEqual([
      'articles.user_id',
      'articles.category_id',
      'articles.person_id',
      'articles.status_id',
      'articles.merge_request_id',
      'articles.post_id',
    ]);
    const [first] = run(likelyForeignKey, d);
    expect(first?.message).toMatch(
      /^user_id matches users\.id \(bigint\): users is the only table called user or users, with the same type\./,
    );
    expect(first?.fix?.label).toBe('Add foreign key to users.id and an index on user_id');
  });

  it('finds nothing for a name no table answers to, or a column that is no *_id', () => {
    const d = design(
      keyed('users'),
      keyed('accounts', [
        ['external_id', 'bigint'],
        ['author_id', 'bigint'],
        ['userid', 'bigint'],
        ['user', 'bigint'],
        ['id_user', 'bigint'],
      ]),
    );
    expect(found(d)).toEqual([]);
  });

  it('finds nothing when two tables answer to the name (user and users, index and indices)', () => {
    expect(
      found(design(keyed('user'), keyed('users'), keyed('a', [['user_id', 'bigint']]))),
    ).toEqual([]);
    expect(
      found(design(keyed('indexes'), keyed('indices'), keyed('a', [['index_id', 'bigint']]))),
    ).toEqual([]);
  });

  it("prefers the column's own schema, and takes another schema's table only when it is the only one", () => {
    const orders = keyed('orders', [['user_id', 'bigint']]);
    const users = (schema: string) => ({
      ...table(keyed('users')),
      id: `t_${schema}_users`,
      schemaId: `s_${schema}`,
    });
    const withUsers = (...schemas: string[]) => {
      const d = design(orders);
      const tables = { ...d.tables };
      for (const s of schemas) tables[`t_${s}_users`] = users(s);
      const named = { ...d.schemas };
      for (const s of schemas) named[`s_${s}`] = { id: `s_${s}`, name: s };
      return { ...d, tables, schemas: named };
    };
    // users in public and in auth: the one beside orders.
    const both = withUsers('public', 'auth');
    const [here, ...none] = run(likelyForeignKey, both);
    expect(none).toEqual([]);
    expect(here?.message).toMatch(
      /^user_id matches users\.id \(bigint\): users is the only table called user or users in its schema,/,
    );
    const fixed = here?.fix?.apply(both).tables.t_orders;
    expect(fixed && foreignKeysOf(fixed)[0]?.refTableId).toBe('t_public_users');
    // Only auth.users: that one, named with its schema.
    expect(run(likelyForeignKey, withUsers('auth')).map((f) => f.message.split(':')[0])).toEqual([
      'user_id matches auth.users.id (bigint)',
    ]);
    // auth.users and billing.users, neither beside orders: no guess.
    expect(found(withUsers('auth', 'billing'))).toEqual([]);
    // A schema called users is no table: accounts.user_id in it has nothing to point at.
    const inUsersSchema = design({
      ...keyed('accounts', [['user_id', 'bigint']]),
      schemaId: 's_users',
    });
    expect(
      found({
        ...inUsersSchema,
        schemas: { ...inUsersSchema.schemas, s_users: { id: 's_users', name: 'users' } },
      }),
    ).toEqual([]);
  });

  it('never points at a partition', () => {
    const d = design(
      { name: 'notes', columns: [['id', 'bigint']], extra: { partitionBy: 'LIST (id)' } },
      {
        name: 'issue_notes',
        columns: [['id', 'bigint']],
        pk: ['id'],
        extra: { partitionOf: { tableId: 't_notes', bound: 'FOR VALUES IN (1)' } },
      },
      keyed('issues', [['issue_note_id', 'bigint']]),
    );
    expect(found(d)).toEqual([]);
  });

  it('needs the target to have a single-column primary key', () => {
    const composite = design(
      {
        name: 'users',
        columns: [
          ['id', 'bigint'],
          ['tenant', 'bigint'],
        ],
        pk: ['id', 'tenant'],
      },
      keyed('orders', [['user_id', 'bigint']]),
    );
    expect(found(composite)).toEqual([]);
    const none = design(
      { name: 'users', columns: [['id', 'bigint']] },
      keyed('orders', [['user_id', 'bigint']]),
    );
    expect(found(none)).toEqual([]);
    // A key column of any name: pagila's customer.customer_id.
    const named = design(
      { name: 'customer', columns: [['customer_id', 'integer']], pk: ['customer_id'] },
      keyed('rental', [['customer_id', 'integer']]),
    );
    expect(found(named)).toEqual(['rental.customer_id']);
  });

  it('reports an integer copy of a bigint key without a fix, saying the types differ', () => {
    const d = design(keyed('users'), keyed('orders', [['user_id', 'integer']]));
    const [finding, ...rest] = run(likelyForeignKey, d);
    expect(rest).toEqual([]);
    expect(finding?.fix).toBeUndefined();
    expect(finding?.message).toBe(
      'user_id looks like a reference to users.id: users is the only table called user or users, but user_id is integer and users.id is bigint. If it holds users.id, change its type to bigint and add the foreign key (no one-click fix while the types differ).',
    );
  });

  it('ignores a same-named column of an unrelated type (text vs bigint, uuid vs bigint)', () => {
    const d = design(
      keyed('users'),
      keyed('sessions', [
        ['user_id', 'text'],
        ['other', 'bigint'],
      ]),
      keyed('tokens', [['user_id', 'uuid']]),
    );
    expect(found(d)).toEqual([]);
  });

  it('takes text and varchar as one type, and serial keys as their integer', () => {
    const d = design(
      { name: 'countries', columns: [['code', 'text']], pk: ['code'] },
      keyed('cities', [['country_id', 'varchar(2)']]),
      { name: 'tags', columns: [['id', 'serial']], pk: ['id'] },
      keyed('taggings', [['tag_id', 'integer']]),
    );
    expect(run(likelyForeignKey, d).map((f) => [f.column, Boolean(f.fix)])).toEqual([
      ['country_id', true],
      ['tag_id', true],
    ]);
  });

  it('skips columns already in a foreign key, polymorphic pairs, the own key and arrays', () => {
    const d = design(
      keyed('users'),
      keyed(
        'comments',
        [
          ['user_id', 'bigint'],
          ['commentable_id', 'bigint'],
          ['commentable_type', 'text'],
        ],
        { fks: [[['user_id'], 'users', ['id']]] },
      ),
      keyed('notes', [
        ['user_id', 'bigint'],
        ['user_type', 'text'],
      ]),
      { name: 'profiles', columns: [['user_id', 'bigint']], pk: ['user_id'] },
      keyed('teams', [['user_id', 'bigint[]']]),
    );
    expect(found(d)).toEqual([]);
  });

  it('relates a table to itself only by parent_id', () => {
    const d = design(
      keyed('namespaces', [
        ['parent_id', 'bigint'],
        ['namespace_id', 'bigint'],
        ['root_id', 'bigint'],
      ]),
    );
    const findings = run(likelyForeignKey, d);
    expect(where(findings)).toEqual(['namespaces.parent_id']);
    expect(findings[0]?.message).toMatch(
      /^parent_id matches namespaces\.id \(bigint\): parent_id names a parent row of namespaces itself/,
    );
    // A table called parents makes parent_id ambiguous.
    expect(found(design(keyed('parents'), keyed('nodes', [['parent_id', 'bigint']])))).toEqual([]);
    // parent_type beside it: a polymorphic parent.
    expect(
      found(
        design(
          keyed('nodes', [
            ['parent_id', 'bigint'],
            ['parent_type', 'text'],
          ]),
        ),
      ),
    ).toEqual([]);
  });

  it("finds a Rails namespace's table by the referencing table's prefix, unless both exist", () => {
    const d = design(
      keyed('ci_pipelines'),
      keyed('ci_stages', [['pipeline_id', 'bigint']]),
      keyed('projects'),
      keyed('ci_builds', [
        ['project_id', 'bigint'],
        ['stage_id', 'bigint'],
      ]),
    );
    const findings = run(likelyForeignKey, d);
    expect(findings.map((f) => f.message.split(':')[0] + ' → ' + f.fix?.label)).toEqual([
      'project_id matches projects.id (bigint) → Add foreign key to projects.id and an index on project_id',
      'stage_id matches ci_stages.id (bigint) → Add foreign key to ci_stages.id and an index on stage_id',
      'pipeline_id matches ci_pipelines.id (bigint) → Add foreign key to ci_pipelines.id and an index on pipeline_id',
    ]);
    expect(findings[1]?.message).toContain(
      'ci_stages is the only table called stage or stages, prefixed ci_ like ci_builds',
    );
    const both = design(
      keyed('pipelines'),
      keyed('ci_pipelines'),
      keyed('ci_stages', [['pipeline_id', 'bigint']]),
    );
    expect(found(both)).toEqual([]);
  });

  it('leaves a partitioned parent alone where its partitions declare the key (pagila payment)', () => {
    const d = design(
      { name: 'customer', columns: [['customer_id', 'integer']], pk: ['customer_id'] },
      {
        name: 'payment',
        columns: [
          ['payment_id', 'integer'],
          ['customer_id', 'integer'],
        ],
        extra: { partitionBy: 'RANGE (payment_id)' },
      },
      {
        name: 'payment_p1',
        columns: [
          ['payment_id', 'integer'],
          ['customer_id', 'integer'],
        ],
        fks: [[['customer_id'], 'customer', ['customer_id']]],
        extra: { partitionOf: { tableId: 't_payment', bound: 'FOR VALUES FROM (1) TO (100)' } },
      },
    );
    expect(found(d)).toEqual([]);
    // Without the partition's key the parent's column is a finding, the partition's is not.
    const bare = design(
      { name: 'customer', columns: [['customer_id', 'integer']], pk: ['customer_id'] },
      {
        name: 'payment',
        columns: [
          ['payment_id', 'integer'],
          ['customer_id', 'integer'],
        ],
        extra: { partitionBy: 'RANGE (payment_id)' },
      },
      {
        name: 'payment_p1',
        columns: [
          ['payment_id', 'integer'],
          ['customer_id', 'integer'],
        ],
        extra: { partitionOf: { tableId: 't_payment', bound: 'FOR VALUES FROM (1) TO (100)' } },
      },
    );
    expect(found(bare)).toEqual(['payment.customer_id']);
  });
});

describe('likely-foreign-key: the fix', () => {
  const shop = () =>
    design(
      keyed('users'),
      keyed(
        'orders',
        [
          ['user_id', 'bigint', { nullable: true }],
          ['status_id', 'bigint'],
        ],
        { indexes: [{ columns: ['status_id', 'id'] }] },
      ),
      keyed('statuses'),
    );

  it('adds a foreign key named as PostgreSQL would, ON DELETE RESTRICT, with an index where none leads with the column', () => {
    const d = shop();
    expect(expectFixesResolve(likelyForeignKey, d)).toBe(2);
    // The label says when an index comes with the key: status_id leads an index already.
    expect(run(likelyForeignKey, d).map((f) => f.fix?.label)).toEqual([
      'Add foreign key to users.id and an index on user_id',
      'Add foreign key to statuses.id',
    ]);
    const [userFix] = run(likelyForeignKey, d);
    const fixed = userFix?.fix?.apply(d);
    const orders = fixed?.tables.t_orders;
    expect(foreignKeysOf(orders!)).toEqual([
      expect.objectContaining({
        name: 'orders_user_id_fkey',
        columnIds: ['c_orders_user_id'],
        refTableId: 't_users',
        refColumnIds: ['c_users_id'],
        onDelete: 'restrict',
      }),
    ]);
    expect(orders?.indexes.map((i) => i.name)).toEqual(['orders_i0_idx', 'orders_user_id_idx']);
  });

  it('fix all adds every key in one step, and no other rule finds anything new', () => {
    const d = shop();
    const before = lintDesign(d).filter((f) => f.rule !== likelyForeignKey.id);
    const result = fixAllOfRule(d, likelyForeignKey.id);
    expect(result).toMatchObject({ applied: 2, skipped: 0, remaining: 0 });
    expect(foreignKeysOf(result.design.tables.t_orders!).map((k) => k.name)).toEqual([
      'orders_user_id_fkey',
      'orders_status_id_fkey',
    ]);
    // The existing (status_id, id) index serves status_id's key: no second index.
    expect(result.design.tables.t_orders?.indexes).toHaveLength(2);
    const after = lintDesign(result.design);
    expect(after.filter((f) => f.rule === likelyForeignKey.id)).toEqual([]);
    expect(after.map((f) => f.message).sort()).toEqual(before.map((f) => f.message).sort());
  });
});
