import { describe, expect, it } from 'vitest';
import { diffDesigns } from './diffDesigns';
import { planMigration } from './plan';
import { renderMigrationSql } from './renderMigrationSql';
import { baseDesign, col, edited } from './testDesigns';
import type { MigrationStep } from './types';

const a = baseDesign();
const sqls = (steps: MigrationStep[]) => steps.map((s) => s.sql);
const indexOf = (steps: MigrationStep[], re: RegExp) => steps.findIndex((s) => re.test(s.sql));

describe('planMigration: what each change becomes', () => {
  it('plans nothing for equal designs', () => {
    expect(planMigration(a, structuredClone(a), { mode: 'safe' })).toEqual({ up: [], down: [] });
  });

  it('renames with ALTER ... RENAME (and renames the names PostgreSQL derived from them)', () => {
    const b = edited(a, (d) => {
      d.tables.t_users!.name = 'members';
      d.tables.t_users!.columns[1]!.name = 'mail';
    });
    const { up, down } = planMigration(a, b, { mode: 'simple' });
    expect(sqls(up)).toEqual([
      'ALTER TABLE users RENAME TO members;',
      'ALTER TABLE members RENAME COLUMN email TO mail;',
      'ALTER TABLE members RENAME CONSTRAINT users_id_not_null TO members_id_not_null;',
      'ALTER SEQUENCE users_id_seq RENAME TO members_id_seq;',
      'ALTER TABLE members RENAME CONSTRAINT users_pkey TO members_pkey;',
    ]);
    expect(sqls(down)[0]).toBe('ALTER TABLE members RENAME TO users;');
    expect(up.some((s) => /DROP|CREATE/.test(s.sql))).toBe(false);
  });

  it('creates a type before the table that uses it, and drops it after', () => {
    const b = edited(a, (d) => {
      d.enums.e_size = { id: 'e_size', schemaId: 's_public', name: 'size', values: ['s', 'm'] };
      d.tables.t_shirts = {
        id: 't_shirts',
        schemaId: 's_public',
        name: 'shirts',
        columns: [col('c_size', 'size', 'size')],
        constraints: [],
        indexes: [],
        inherits: [],
        storageParameters: [],
      };
    });
    const { up, down } = planMigration(a, b, { mode: 'safe' });
    expect(sqls(up)).toEqual([
      "CREATE TYPE size AS ENUM ('s', 'm');",
      'CREATE TABLE shirts (\n  size size\n);',
    ]);
    expect(sqls(down)).toEqual(['DROP TABLE shirts;', 'DROP TYPE size;']);
    expect(down[0]?.destructive).toEqual({ loses: 'every row of table shirts' });
  });

  it('drops a foreign key before its column, and adds it after its tables exist', () => {
    const b = edited(a, (d) => {
      const posts = d.tables.t_posts!;
      posts.columns = posts.columns.filter((c) => c.id !== 'c_author');
      posts.constraints = posts.constraints.filter((k) => k.id !== 'k_pfk');
      posts.indexes = [];
    });
    const { up, down } = planMigration(a, b, { mode: 'simple' });
    expect(sqls(up)).toEqual([
      'ALTER TABLE posts DROP CONSTRAINT posts_author_id_fkey;',
      'DROP INDEX posts_author_id_idx;',
      'ALTER TABLE posts DROP COLUMN author_id;',
    ]);
    expect(up[2]?.destructive).toEqual({ loses: 'the values of column posts.author_id' });
    expect(indexOf(down, /ADD COLUMN author_id/)).toBeLessThan(indexOf(down, /FOREIGN KEY/));
    expect(indexOf(down, /FOREIGN KEY/)).toBeLessThan(indexOf(down, /CREATE INDEX/));
  });

  it('creates both tables before the foreign key between them', () => {
    const { down } = planMigration(
      a,
      edited(a, (d) => (d.tables = {})),
      { mode: 'safe' },
    );
    expect(down.map((s) => s.sql.split('\n')[0])).toEqual([
      'CREATE TABLE users (',
      'CREATE TABLE posts (',
      'ALTER TABLE posts',
      'CREATE INDEX posts_author_id_idx ON posts (author_id);',
    ]);
    // New tables are empty and unused: no NOT VALID dance and no CONCURRENTLY needed.
    expect(down.every((s) => s.transactional)).toBe(true);
  });

  it('safe mode: indexes concurrently, outside a transaction; simple mode: plain', () => {
    const b = edited(a, (d) =>
      d.tables.t_users!.indexes.push({
        id: 'i_age',
        unique: false,
        method: 'btree',
        elements: [{ kind: 'column', columnId: 'c_age' }],
        include: [],
      }),
    );
    const safe = planMigration(a, b, { mode: 'safe' });
    expect(safe.up).toEqual([
      expect.objectContaining({
        sql: 'CREATE INDEX CONCURRENTLY users_age_idx ON users (age);',
        transactional: false,
        lock: 'SHARE UPDATE EXCLUSIVE',
      }),
    ]);
    expect(safe.down).toEqual([
      expect.objectContaining({
        sql: 'DROP INDEX CONCURRENTLY users_age_idx;',
        transactional: false,
      }),
    ]);
    const simple = planMigration(a, b, { mode: 'simple' });
    expect(simple.up).toEqual([
      expect.objectContaining({
        sql: 'CREATE INDEX users_age_idx ON users (age);',
        transactional: true,
        lock: 'SHARE',
      }),
    ]);
  });

  it('safe mode: foreign keys and checks NOT VALID, then VALIDATE in a separate step', () => {
    const b = edited(a, (d) => {
      const fk = d.tables.t_posts!.constraints[1]!;
      if (fk.kind === 'foreignKey') fk.onDelete = 'restrict';
      d.tables.t_users!.constraints.push({
        id: 'k_age',
        kind: 'check',
        name: 'age_positive',
        expression: 'age > 0',
      });
    });
    const { up } = planMigration(a, b, { mode: 'safe' });
    expect(sqls(up)).toEqual([
      'ALTER TABLE posts DROP CONSTRAINT posts_author_id_fkey;',
      'ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;',
      'ALTER TABLE users VALIDATE CONSTRAINT age_positive;',
      'ALTER TABLE posts\n  ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT NOT VALID;',
      'ALTER TABLE posts VALIDATE CONSTRAINT posts_author_id_fkey;',
    ]);
    expect(up.map((s) => s.lock)).toEqual([
      'ACCESS EXCLUSIVE',
      'ACCESS EXCLUSIVE',
      'SHARE UPDATE EXCLUSIVE',
      'SHARE ROW EXCLUSIVE',
      'SHARE UPDATE EXCLUSIVE',
    ]);
  });

  it('safe mode: SET NOT NULL through a validated check; simple mode: SET NOT NULL', () => {
    const b = edited(a, (d) => (d.tables.t_users!.columns[1]!.nullable = false));
    expect(sqls(planMigration(a, b, { mode: 'safe' }).up)).toEqual([
      'ALTER TABLE users ADD CONSTRAINT users_email_nn_check CHECK (email IS NOT NULL) NOT VALID;',
      'ALTER TABLE users VALIDATE CONSTRAINT users_email_nn_check;',
      'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      'ALTER TABLE users DROP CONSTRAINT users_email_nn_check;',
    ]);
    expect(sqls(planMigration(a, b, { mode: 'simple' }).up)).toEqual([
      'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    ]);
  });

  it('flags type changes that rewrite the table or may lose data', () => {
    const b = edited(a, (d) => {
      d.tables.t_users!.columns[1]!.type = 'varchar(20)';
      d.tables.t_users!.columns[2]!.type = 'bigint';
    });
    const { up, down } = planMigration(a, b, { mode: 'safe' });
    expect(up.map((s) => [s.sql, s.rewritesTable ?? false, s.destructive !== undefined])).toEqual([
      ['ALTER TABLE users ALTER COLUMN email TYPE varchar(20);', false, false],
      ['ALTER TABLE users ALTER COLUMN age TYPE bigint USING age::bigint;', true, false],
    ]);
    expect(down.map((s) => [s.rewritesTable ?? false, s.destructive !== undefined])).toEqual([
      [true, true],
      [true, true],
    ]);
  });

  it('plans nothing between spellings PostgreSQL reads as the same type', () => {
    const before = edited(a, (d) => {
      d.tables.t_users!.columns.push(col('c_seen', 'seen', 'timestamp(3) with time zone'));
      d.tables.t_users!.columns[2]!.type = 'int4[]';
    });
    const after = edited(before, (d) => {
      d.tables.t_users!.columns[3]!.type = 'timestamptz(3)';
      d.tables.t_users!.columns[2]!.type = 'integer[]';
    });
    expect(diffDesigns(before, after)).toEqual([]);
    expect(planMigration(before, after, { mode: 'safe' })).toEqual({ up: [], down: [] });
    // A real change of the same column still is one, and a wider precision rewrites nothing.
    const wider = edited(after, (d) => {
      d.tables.t_users!.columns[3]!.type = 'timestamptz(6)';
    });
    expect(
      planMigration(before, wider, { mode: 'safe' }).up.map((s) => [s.sql, s.rewritesTable]),
    ).toEqual([['ALTER TABLE users ALTER COLUMN seen TYPE timestamptz(6);', undefined]]);
  });

  it('adds enum labels in place, and recreates the type when labels go', () => {
    const b = edited(a, (d) => {
      d.enums.e_mood!.values = ['calm', 'happy', 'meh', 'sad', 'angry'];
      d.tables.t_users!.columns.push(col('c_mood', 'mood', 'mood', { default: "'happy'::mood" }));
    });
    const withColumn = edited(a, (d) =>
      d.tables.t_users!.columns.push(col('c_mood', 'mood', 'mood', { default: "'happy'::mood" })),
    );
    expect(sqls(planMigration(withColumn, b, { mode: 'simple' }).up)).toEqual([
      "ALTER TYPE mood ADD VALUE 'calm' BEFORE 'happy';",
      "ALTER TYPE mood ADD VALUE 'meh' AFTER 'happy';",
      "ALTER TYPE mood ADD VALUE 'angry' AFTER 'sad';",
    ]);
    expect(sqls(planMigration(b, withColumn, { mode: 'simple' }).up)).toEqual([
      'ALTER TYPE mood RENAME TO mood_tw_old;',
      "CREATE TYPE mood AS ENUM ('happy', 'sad');",
      'ALTER TABLE users ALTER COLUMN mood DROP DEFAULT;',
      'ALTER TABLE users ALTER COLUMN mood TYPE mood USING mood::text::mood;',
      "ALTER TABLE users ALTER COLUMN mood SET DEFAULT 'happy'::mood;",
      'DROP TYPE mood_tw_old;',
    ]);
  });

  it('moves a table to a new schema after creating it, and drops the schema last going back', () => {
    const b = edited(a, (d) => {
      d.schemas.s_app = { id: 's_app', name: 'app' };
      d.tables.t_posts!.schemaId = 's_app';
    });
    const { up, down } = planMigration(a, b, { mode: 'simple' });
    expect(sqls(up)).toEqual(['CREATE SCHEMA app;', 'ALTER TABLE posts SET SCHEMA app;']);
    expect(sqls(down)).toEqual(['ALTER TABLE app.posts SET SCHEMA public;', 'DROP SCHEMA app;']);
  });
});

describe('renderMigrationSql', () => {
  const b = edited(a, (d) => {
    d.tables.t_users!.indexes.push({
      id: 'i_age',
      unique: false,
      method: 'btree',
      elements: [{ kind: 'column', columnId: 'c_age' }],
      include: [],
    });
    d.tables.t_users!.columns = d.tables.t_users!.columns.filter((c) => c.id !== 'c_email');
  });

  it('wraps simple mode in one transaction and states locks and risks', () => {
    const sql = renderMigrationSql(planMigration(a, b, { mode: 'simple' }), 'up', 'simple');
    expect(sql).toBe(
      '-- Tablewright migration (up), simple mode: 2 steps.\n-- All steps run in one transaction: all or nothing.\n\nBEGIN;\n\n' +
        '-- 1. Drop column users.email\n--    lock: ACCESS EXCLUSIVE\n--    DESTRUCTIVE: loses the values of column users.email\nALTER TABLE users DROP COLUMN email;\n\n' +
        '-- 2. Create index users_age_idx on users\n--    lock: SHARE\nCREATE INDEX users_age_idx ON users (age);\n\nCOMMIT;\n',
    );
  });

  it('marks safe mode steps that run outside a transaction and never wraps them', () => {
    const sql = renderMigrationSql(planMigration(a, b, { mode: 'safe' }), 'up', 'safe');
    expect(sql).toContain(
      '--    lock: SHARE UPDATE EXCLUSIVE; runs outside a transaction\nCREATE INDEX CONCURRENTLY users_age_idx ON users (age);',
    );
    expect(sql).not.toMatch(/^BEGIN;/m);
    expect(renderMigrationSql({ up: [], down: [] }, 'down', 'safe')).toBe(
      '-- Tablewright migration (down), safe mode: 0 steps.\n-- Nothing to change.\n',
    );
  });
});

describe('enum labels used in the same migration', () => {
  it('commits an added label before a later step uses it', () => {
    const b = edited(a, (d) => {
      d.enums.e_mood!.values.push('calm');
      d.tables.t_users!.columns.push(col('c_mood', 'mood', 'mood', { default: "'calm'::mood" }));
    });
    const { up } = planMigration(a, b, { mode: 'simple' });
    expect(up.map((s) => [s.sql, s.transactional])).toEqual([
      ["ALTER TYPE mood ADD VALUE 'calm' AFTER 'sad';", false],
      ["ALTER TABLE users ADD COLUMN mood mood DEFAULT 'calm'::mood;", true],
    ]);
  });
});

describe('foreign keys onto columns unique only through a unique index', () => {
  /** B: users.email gets a unique index, and posts a column referencing it. */
  const withEmailKey = edited(a, (d) => {
    d.tables.t_users!.indexes.push({
      id: 'i_email',
      name: 'index_users_on_email',
      unique: true,
      method: 'btree',
      elements: [{ kind: 'column', columnId: 'c_email' }],
      include: [],
    });
    d.tables.t_posts!.columns.push(col('c_pemail', 'author_email', 'varchar(10)'));
    d.tables.t_posts!.constraints.push({
      id: 'k_pemail',
      kind: 'foreignKey',
      name: 'fk_rails_author_email',
      columnIds: ['c_pemail'],
      refTableId: 't_users',
      refColumnIds: ['c_email'],
      onDelete: 'noAction',
      onUpdate: 'noAction',
      deferrable: 'notDeferrable',
    });
  });

  it('simple mode: the index, then the foreign key (PostgreSQL refuses it before: 42830)', () => {
    const { up, down } = planMigration(a, withEmailKey, { mode: 'simple' });
    expect(sqls(up)).toEqual([
      'ALTER TABLE posts ADD COLUMN author_email varchar(10);',
      'CREATE UNIQUE INDEX index_users_on_email ON users (email);',
      'ALTER TABLE posts\n  ADD CONSTRAINT fk_rails_author_email FOREIGN KEY (author_email) REFERENCES users (email);',
    ]);
    expect(sqls(down)).toEqual([
      'ALTER TABLE posts DROP CONSTRAINT fk_rails_author_email;',
      'DROP INDEX index_users_on_email;',
      'ALTER TABLE posts DROP COLUMN author_email;',
    ]);
  });

  it('safe mode: the index built concurrently and committed on its own, then NOT VALID, then VALIDATE', () => {
    const { up } = planMigration(a, withEmailKey, { mode: 'safe' });
    expect(up.map((s) => [s.sql.split('\n').join(' '), s.transactional])).toEqual([
      ['ALTER TABLE posts ADD COLUMN author_email varchar(10);', true],
      ['CREATE UNIQUE INDEX CONCURRENTLY index_users_on_email ON users (email);', false],
      [
        'ALTER TABLE posts   ADD CONSTRAINT fk_rails_author_email FOREIGN KEY (author_email) REFERENCES users (email) NOT VALID;',
        true,
      ],
      ['ALTER TABLE posts VALIDATE CONSTRAINT fk_rails_author_email;', true],
    ]);
  });

  it('new tables: the index before the foreign key; keys onto primary keys keep their place', () => {
    const { down } = planMigration(
      withEmailKey,
      edited(withEmailKey, (d) => (d.tables = {})),
      { mode: 'simple' },
    );
    expect(
      down.map(
        (s) =>
          s.sql.split('\n')[0] +
          (/FOREIGN KEY/.test(s.sql) ? ` ${/REFERENCES \w+ \(\w+\)/.exec(s.sql)?.[0]}` : ''),
      ),
    ).toEqual([
      'CREATE TABLE users (',
      'CREATE TABLE posts (',
      'ALTER TABLE posts REFERENCES users (id)',
      'CREATE UNIQUE INDEX index_users_on_email ON users (email);',
      'CREATE INDEX posts_author_id_idx ON posts (author_id);',
      'ALTER TABLE posts REFERENCES users (email)',
    ]);
  });

  it('a rebuilt unique index takes the foreign key on it along: dropped before, added after', () => {
    const c = edited(withEmailKey, (d) => (d.tables.t_users!.indexes[0]!.include = ['c_age']));
    const steps = sqls(planMigration(withEmailKey, c, { mode: 'simple' }).up);
    expect(steps.map((s) => s.split('\n')[0])).toEqual([
      'ALTER TABLE posts DROP CONSTRAINT fk_rails_author_email;',
      'DROP INDEX index_users_on_email;',
      'CREATE UNIQUE INDEX index_users_on_email ON users (email) INCLUDE (age);',
      'ALTER TABLE posts',
    ]);
  });
});
