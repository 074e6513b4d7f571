import { describe, expect, it } from 'vitest';
import { exportPrismaMigrate } from './exportPrismaMigrate';
import { exportSequelize } from './exportSequelize';
import { exportSqlFiles } from './exportSqlFiles';
import { planMigration } from './plan';
import { baseDesign, edited } from './testDesigns';

const a = baseDesign();
const b = edited(a, (d) => {
  d.tables.t_users!.columns[1]!.name = 'mail';
  d.tables.t_users!.indexes.push({
    id: 'i_age',
    unique: false,
    method: 'btree',
    elements: [{ kind: 'column', columnId: 'c_age' }],
    include: [],
  });
});

interface Call {
  sql: string;
  inTransaction: boolean;
}

/** Loads the generated file as sequelize-cli would (CommonJS) and records what up/down ask of queryInterface. */
async function runSequelize(source: string, direction: 'up' | 'down'): Promise<Call[]> {
  const module = { exports: {} as Record<string, (qi: unknown, s: unknown) => Promise<void>> };
  new Function('module', 'exports', source)(module, module.exports);
  const calls: Call[] = [];
  const queryInterface = {
    sequelize: {
      query: async (sql: string, options?: { transaction?: unknown }) =>
        void calls.push({ sql, inTransaction: options?.transaction !== undefined }),
      transaction: async (work: (t: unknown) => Promise<void>) => work({ id: 't' }),
    },
  };
  await module.exports[direction]!(queryInterface, {});
  return calls;
}

describe('exports', () => {
  it('Sequelize: every step through queryInterface.sequelize.query, transactions where allowed', async () => {
    const safe = planMigration(a, b, { mode: 'safe' });
    const source = exportSequelize(safe, 'safe');
    expect(source).toMatch(/^'use strict';/);
    expect(source).toContain('module.exports = {\n  async up(queryInterface, Sequelize) {');
    expect(await runSequelize(source, 'up')).toEqual([
      { sql: 'ALTER TABLE users RENAME COLUMN email TO mail;', inTransaction: true },
      { sql: 'CREATE INDEX CONCURRENTLY users_age_idx ON users (age);', inTransaction: false },
    ]);
    expect((await runSequelize(source, 'down')).map((c) => c.sql)).toEqual(
      safe.down.map((s) => s.sql),
    );
    const simple = exportSequelize(planMigration(a, b, { mode: 'simple' }), 'simple');
    expect((await runSequelize(simple, 'up')).every((c) => c.inTransaction)).toBe(true);
    expect(simple.match(/sequelize\.transaction/g)).toHaveLength(2);
  });

  it('Prisma Migrate: migration folders and the lock file, concurrent steps in folders of their own', () => {
    const files = exportPrismaMigrate(planMigration(a, b, { mode: 'safe' }), {
      timestamp: '20250102030405',
      name: 'Rename email',
      mode: 'safe',
    });
    expect(Object.keys(files).sort()).toEqual([
      'migrations/20250102030405_rename_email/down.sql',
      'migrations/20250102030405_rename_email/migration.sql',
      'migrations/20250102030405_rename_email_2/migration.sql',
      'migrations/migration_lock.toml',
    ]);
    expect(files['migrations/migration_lock.toml']).toContain('provider = "postgresql"');
    expect(files['migrations/20250102030405_rename_email_2/migration.sql']).toMatch(
      /^-- 1\. Build index users_age_idx[^\n]*\n--[^\n]*\nCREATE INDEX CONCURRENTLY users_age_idx ON users \(age\);\n$/,
    );
    const simple = exportPrismaMigrate(planMigration(a, b, { mode: 'simple' }), {
      timestamp: '20250102030405',
      name: 'x',
      mode: 'simple',
    });
    expect(Object.keys(simple)).toHaveLength(3);
  });

  it('plain SQL files: <timestamp>_<name>.up.sql and .down.sql', () => {
    const files = exportSqlFiles(planMigration(a, b, { mode: 'simple' }), {
      timestamp: '20250102030405',
      name: 'Rename email!',
      mode: 'simple',
    });
    expect(Object.keys(files)).toEqual([
      '20250102030405_rename_email.up.sql',
      '20250102030405_rename_email.down.sql',
    ]);
    expect(files['20250102030405_rename_email.down.sql']).toContain(
      'ALTER TABLE users RENAME COLUMN mail TO email;',
    );
  });
});
