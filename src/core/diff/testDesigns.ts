import type { Column, Design, Table } from '../model/schema';
import { emptyDesign } from '../model/design';

/**
 * Tiny designs for the diff and plan unit tests: `users` and `posts` (posts.author_id -> users.id),
 * with fixed ids so tests can edit B by id.
 */
export function col(id: string, name: string, type: string, extra: Partial<Column> = {}): Column {
  return { id, name, type, nullable: true, ...extra };
}

export function baseDesign(): Design {
  const users: Table = {
    id: 't_users',
    schemaId: 's_public',
    name: 'users',
    columns: [
      col('c_uid', 'id', 'bigint', { nullable: false, identity: 'always' }),
      col('c_email', 'email', 'varchar(10)'),
      col('c_age', 'age', 'integer'),
    ],
    constraints: [{ id: 'k_upk', kind: 'primaryKey', columnIds: ['c_uid'], include: [] }],
    indexes: [],
    inherits: [],
    storageParameters: [],
  };
  const posts: Table = {
    id: 't_posts',
    schemaId: 's_public',
    name: 'posts',
    columns: [
      col('c_pid', 'id', 'bigint', { nullable: false, identity: 'always' }),
      col('c_author', 'author_id', 'bigint'),
      col('c_title', 'title', 'text'),
    ],
    constraints: [
      { id: 'k_ppk', kind: 'primaryKey', columnIds: ['c_pid'], include: [] },
      {
        id: 'k_pfk',
        kind: 'foreignKey',
        columnIds: ['c_author'],
        refTableId: 't_users',
        refColumnIds: ['c_uid'],
        onDelete: 'cascade',
        onUpdate: 'noAction',
        deferrable: 'notDeferrable',
      },
    ],
    indexes: [
      {
        id: 'i_author',
        unique: false,
        method: 'btree',
        elements: [{ kind: 'column', columnId: 'c_author' }],
        include: [],
      },
    ],
    inherits: [],
    storageParameters: [],
  };
  return {
    ...emptyDesign('test', 'd_test'),
    enums: {
      e_mood: { id: 'e_mood', schemaId: 's_public', name: 'mood', values: ['happy', 'sad'] },
    },
    tables: { t_users: users, t_posts: posts },
  };
}

/** A deep copy of `a` changed by `edit`: design B. */
export function edited(a: Design, edit: (b: Design) => void): Design {
  const b = structuredClone(a);
  edit(b);
  return b;
}
