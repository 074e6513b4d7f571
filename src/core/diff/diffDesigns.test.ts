import { describe, expect, it } from 'vitest';
import { diffDesigns, summarizeChanges } from './diffDesigns';
import { baseDesign, col, edited } from './testDesigns';

const a = baseDesign();
const kinds = (b: ReturnType<typeof baseDesign>) =>
  diffDesigns(a, b).map((c) => `${c.entity} ${c.action}${c.field ? ` ${c.field}` : ''} ${c.id}`);

describe('diffDesigns', () => {
  it('finds nothing between a design and its copy', () => {
    expect(diffDesigns(a, structuredClone(a))).toEqual([]);
  });

  it('sees a renamed table, column, constraint and index as renames, not drop + add', () => {
    const b = edited(a, (d) => {
      d.tables.t_users!.name = 'members';
      d.tables.t_users!.columns[1]!.name = 'mail';
      d.tables.t_posts!.constraints[1]!.name = 'posts_author_fk';
      d.tables.t_posts!.indexes[0]!.name = 'posts_by_author';
    });
    expect(kinds(b)).toEqual([
      'table renamed t_users',
      'column renamed c_email',
      'constraint renamed k_pfk',
      'index renamed i_author',
    ]);
    expect(diffDesigns(a, b)[0]).toMatchObject({
      from: 'users',
      to: 'members',
      description: 'table users renamed to members',
    });
  });

  it('reports each column property that changed', () => {
    const b = edited(a, (d) => {
      const [, email, age] = d.tables.t_users!.columns;
      email!.type = 'varchar(20)';
      email!.nullable = false;
      email!.comment = 'login';
      age!.default = '0';
      age!.identity = undefined;
      d.tables.t_users!.columns[0]!.identity = 'byDefault';
      d.tables.t_users!.columns.push(
        col('c_full', 'full', 'text', { generated: "email || ' '", generatedKind: 'stored' }),
      );
      d.tables.t_posts!.columns = d.tables.t_posts!.columns.filter((c) => c.id !== 'c_title');
    });
    expect(kinds(b)).toEqual([
      'column changed identity c_uid',
      'column changed type c_email',
      'column changed nullable c_email',
      'column changed comment c_email',
      'column changed default c_age',
      'column added c_full',
      'column removed c_title',
    ]);
    const type = diffDesigns(a, b).find((c) => c.field === 'type');
    expect(type).toMatchObject({
      from: 'varchar(10)',
      to: 'varchar(20)',
      description: 'column users.email: type varchar(10) -> varchar(20)',
    });
  });

  it('treats type spellings PostgreSQL reads the same as equal, and follows a renamed enum', () => {
    const withMood = edited(a, (d) =>
      d.tables.t_users!.columns.push(col('c_mood', 'mood', 'mood')),
    );
    const b = edited(withMood, (d) => {
      d.tables.t_users!.columns[1]!.type = 'character varying(10)';
      d.enums.e_mood!.name = 'feeling';
      d.tables.t_users!.columns[3]!.type = 'feeling';
    });
    expect(diffDesigns(withMood, b).map((c) => `${c.entity} ${c.action}`)).toEqual([
      'enum renamed',
    ]);
  });

  it('reports enum labels added, removed, and the enum dropped', () => {
    const added = edited(a, (d) => d.enums.e_mood!.values.splice(1, 0, 'calm'));
    expect(diffDesigns(a, added)[0]).toMatchObject({
      entity: 'enum',
      action: 'changed',
      field: 'values',
      description: 'type mood: values added: calm',
    });
    const removed = edited(a, (d) => (d.enums.e_mood!.values = ['happy']));
    expect(diffDesigns(a, removed)[0]?.description).toBe('type mood: values happy, sad -> happy');
    expect(kinds(edited(a, (d) => delete d.enums.e_mood))).toEqual(['enum removed e_mood']);
  });

  it('reports constraints and indexes added, removed and redefined, schemas and moves', () => {
    const b = edited(a, (d) => {
      d.schemas.s_app = { id: 's_app', name: 'app' };
      d.tables.t_posts!.schemaId = 's_app';
      const fk = d.tables.t_posts!.constraints[1]!;
      if (fk.kind === 'foreignKey') fk.onDelete = 'restrict';
      d.tables.t_users!.constraints.push({
        id: 'k_email',
        kind: 'unique',
        columnIds: ['c_email'],
        include: [],
      });
      d.tables.t_posts!.indexes = [];
    });
    expect(kinds(b)).toEqual([
      'schema added s_app',
      'constraint added k_email',
      'table moved t_posts',
      'constraint changed definition k_pfk',
      'index removed i_author',
    ]);
  });

  it('summarizes changes per table and column for the canvas', () => {
    const b = edited(a, (d) => {
      d.tables.t_users!.columns[1]!.name = 'mail';
      d.tables.t_users!.columns.push(col('c_new', 'nick', 'text'));
      delete d.tables.t_posts;
      d.tables.t_tags = {
        id: 't_tags',
        schemaId: 's_public',
        name: 'tags',
        columns: [col('c_tag', 'tag', 'text')],
        constraints: [],
        indexes: [],
        inherits: [],
        storageParameters: [],
      };
    });
    expect(summarizeChanges(diffDesigns(a, b))).toEqual({
      tables: { t_users: 'changed', t_posts: 'removed', t_tags: 'added' },
      columns: { c_email: 'changed', c_new: 'added' },
    });
  });
});
