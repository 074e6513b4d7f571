import { describe, expect, it } from 'vitest';
import { design, expectFixesResolve, run, where, type TableSpec } from '../../../test/lintDesigns';
import { enumLikeText } from './enumLikeText';
import { listInColumn } from './listInColumn';
import { missingConventionColumn } from './missingConventionColumn';
import { missingTableComment } from './missingTableComment';
import { polymorphicAssociation } from './polymorphicAssociation';
import { repeatingGroup } from './repeatingGroup';

const t = (columns: TableSpec['columns'], extra: Partial<TableSpec> = {}) =>
  design({ name: 't', columns: [['id', 'bigint'], ...columns], pk: ['id'], ...extra });

describe('list-in-column', () => {
  it('fires on text columns named like lists, not on arrays or singular names', () => {
    const d = t([
      ['tags', 'text'],
      ['user_ids', 'varchar(200)'],
      ['labels', 'text[]'],
      ['tag', 'text'],
      ['role_ids', 'integer[]'],
    ]);
    expect(where(run(listInColumn, d))).toEqual(['t.tags', 't.user_ids']);
  });
});

describe('repeating-group', () => {
  it('fires on three numbered columns, or a base column and two numbered ones', () => {
    expect(
      where(
        run(
          repeatingGroup,
          t([
            ['phone1', 'text'],
            ['phone2', 'text'],
            ['phone3', 'text'],
          ]),
        ),
      ),
    ).toEqual(['t.phone1']);
    expect(
      where(
        run(
          repeatingGroup,
          t([
            ['email', 'text'],
            ['email_2', 'text'],
            ['email_3', 'text'],
          ]),
        ),
      ),
    ).toEqual(['t.email_2']);
  });
  it('leaves pairs, address lines and unrelated numbers alone', () => {
    expect(
      run(
        repeatingGroup,
        t([
          ['tag1', 'integer'],
          ['tag2', 'integer'],
        ]),
      ),
    ).toEqual([]);
    expect(
      run(
        repeatingGroup,
        t([
          ['address_line1', 'text'],
          ['address_line2', 'text'],
          ['address_line3', 'text'],
        ]),
      ),
    ).toEqual([]);
    expect(
      run(
        repeatingGroup,
        t([
          ['ipv4', 'inet'],
          ['ipv6', 'inet'],
          ['sha1', 'text'],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('polymorphic-association', () => {
  it('fires on x_type beside x_id without a foreign key', () => {
    expect(
      where(
        run(
          polymorphicAssociation,
          t([
            ['commentable_type', 'text'],
            ['commentable_id', 'bigint'],
          ]),
        ),
      ),
    ).toEqual(['t.commentable_id']);
  });
  it('does not fire when x_id has a foreign key', () => {
    const d = design(
      { name: 'owner', columns: [['id', 'bigint']], pk: ['id'] },
      {
        name: 't',
        columns: [
          ['id', 'bigint'],
          ['owner_type', 'text'],
          ['owner_id', 'bigint'],
        ],
        pk: ['id'],
        fks: [[['owner_id'], 'owner', ['id']]],
      },
    );
    expect(run(polymorphicAssociation, d)).toEqual([]);
  });
});

describe('enum-like-text', () => {
  it('fires on status-like text without a CHECK', () => {
    expect(
      where(
        run(
          enumLikeText,
          t([
            ['status', 'text'],
            ['order_type', 'varchar(20)'],
            ['note', 'text'],
          ]),
        ),
      ),
    ).toEqual(['t.status', 't.order_type']);
  });
  it('does not fire with a CHECK, an enum type, address states or MIME types', () => {
    expect(
      run(enumLikeText, t([['status', 'text']], { checks: ["status IN ('new', 'done')"] })),
    ).toEqual([]);
    expect(run(enumLikeText, t([['status', 'public.order_status']]))).toEqual([]);
    expect(
      run(
        enumLikeText,
        t([
          ['city', 'text'],
          ['state', 'text'],
        ]),
      ),
    ).toEqual([]);
    expect(run(enumLikeText, t([['content_type', 'text']]))).toEqual([]);
  });
});

describe('missing-convention-column', () => {
  const stamped = (name: string): TableSpec => ({
    name,
    columns: [
      ['id', 'bigint'],
      ['created_at', 'timestamptz', { default: 'now()' }],
    ],
    pk: ['id'],
  });
  it('fires on the few tables lacking a column most tables have; the fix adds it as the others define it', () => {
    const d = design(stamped('a'), stamped('b'), stamped('c'), {
      name: 'd',
      columns: [['id', 'bigint']],
      pk: ['id'],
    });
    expect(where(run(missingConventionColumn, d))).toEqual(['d']);
    expect(expectFixesResolve(missingConventionColumn, d)).toBe(1);
    const fixed = run(missingConventionColumn, d)[0]?.fix?.apply(d);
    expect(fixed?.tables.t_d?.columns[1]).toMatchObject({
      name: 'created_at',
      type: 'timestamptz',
      default: 'now()',
      nullable: false,
    });
  });
  it('does not fire when only some tables have it', () => {
    const d = design(
      stamped('a'),
      stamped('b'),
      { name: 'c', columns: [['id', 'bigint']], pk: ['id'] },
      { name: 'd', columns: [['id', 'bigint']], pk: ['id'] },
    );
    expect(run(missingConventionColumn, d)).toEqual([]);
  });
});

describe('missing-table-comment', () => {
  it('fires on tables without a comment', () => {
    const d = t([]);
    expect(run(missingTableComment, d)).toEqual([]);
    const { comment: _c, ...bare } = d.tables.t_t!;
    expect(where(run(missingTableComment, { ...d, tables: { t_t: bare } }))).toEqual(['t']);
  });
});
