import { describe, expect, it } from 'vitest';
import { detectImportKind, readDesignText } from './inputKind';

describe('detectImportKind', () => {
  it('goes by the extension when there is one, else by the content', () => {
    expect(detectImportKind('a.json', 'CREATE TABLE a ();')).toBe('json');
    expect(detectImportKind('a.DBML', '')).toBe('dbml');
    expect(detectImportKind('a.psql', 'Table a {}')).toBe('sql');
    expect(detectImportKind('a.txt', '// model\nTable users {\n}')).toBe('dbml');
    expect(detectImportKind(undefined, '  {"format": "tablewright.design"}')).toBe('json');
    expect(detectImportKind(undefined, '/* x */ Enum mood {\n a\n}')).toBe('dbml');
    // `TABLE users;` is SQL (shorthand for SELECT * FROM users), not DBML.
    expect(detectImportKind(undefined, 'TABLE users;')).toBe('sql');
    expect(detectImportKind(undefined, 'CREATE TABLE users (id int);')).toBe('sql');
  });

  it('reads a gzip file by the extension under .gz (it is read decompressed)', () => {
    expect(detectImportKind('dump.sql.gz', 'Table a {}')).toBe('sql');
    expect(detectImportKind('model.DBML.GZ', 'CREATE TABLE a ();')).toBe('dbml');
    expect(detectImportKind('x.gz', 'Table a {}')).toBe('dbml');
  });

  it('tells Prisma schemas and Drizzle modules apart from DBML and SQL', () => {
    expect(detectImportKind('schema.prisma', '')).toBe('prisma');
    expect(detectImportKind('schema.ts', '')).toBe('drizzle');
    expect(detectImportKind('db/schema.mjs', '')).toBe('drizzle');
    // A Prisma enum looks like a DBML enum; the model or datasource block says Prisma.
    expect(
      detectImportKind(undefined, 'enum Role {\n  A\n}\n\nmodel User {\n  id Int @id\n}'),
    ).toBe('prisma');
    expect(
      detectImportKind(undefined, '// db\ndatasource db {\n  provider = "postgresql"\n}'),
    ).toBe('prisma');
    expect(detectImportKind(undefined, 'enum Role {\n  A\n}')).toBe('dbml');
    expect(
      detectImportKind(
        undefined,
        "import { pgTable } from 'drizzle-orm/pg-core';\nexport const t = 1;",
      ),
    ).toBe('drizzle');
  });

  it('tells a Rails schema.rb by its extension or its ActiveRecord::Schema header', () => {
    expect(detectImportKind('schema.rb', '')).toBe('rails');
    expect(
      detectImportKind(
        undefined,
        '# auto-generated\nActiveRecord::Schema[7.1].define(version: 1) do\nend',
      ),
    ).toBe('rails');
    expect(detectImportKind(undefined, 'ActiveRecord::Schema.define(version: 2016) do\nend')).toBe(
      'rails',
    );
    expect(
      detectImportKind(undefined, '  create_table "users", force: :cascade do |t|\n  end'),
    ).toBe('rails');
    // SQL that names ActiveRecord in a comment or a string is still SQL.
    expect(
      detectImportKind(undefined, '-- ActiveRecord::Schema\nCREATE TABLE create_table (x int);'),
    ).toBe('sql');
    expect(detectImportKind('structure.sql', 'ActiveRecord::Schema.define do')).toBe('sql');
  });
});

describe('readDesignText', () => {
  it('reads DBML and design files, and says where they are wrong', () => {
    const dbml = readDesignText('dbml', 'Table users {\n  id integer [pk]\n}\n');
    expect(dbml.ok && Object.values(dbml.value.design.tables).map((t) => t.name)).toEqual([
      'users',
    ]);
    expect(readDesignText('dbml', 'Table users {\n  id integer [pk\n}\n')).toMatchObject({
      ok: false,
      error: {
        kind: 'dbml',
        message: expect.stringMatching(/^The DBML could not be read \(line \d+/),
      },
    });
    expect(readDesignText('json', '{')).toMatchObject({
      ok: false,
      error: { kind: 'json', message: expect.stringContaining('JSON is malformed') },
    });
  });
});
