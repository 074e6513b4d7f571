import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, PROJECT_FIXTURES_DIR } from '../../test/fixtureDesigns';
import { dialectNotice } from './dialectNotice';
import { maskSqlLiterals } from './maskSqlLiterals';
import { detectSqlDialect } from './sqlDialect';

const SHARETRIBE = readFileSync(
  new URL('../../../fixtures/foreign/sharetribe-mysql.sql', import.meta.url),
  'utf8',
);

/** As SQL Server Management Studio scripts a table ("Script Table as > CREATE To"). */
const SQL_SERVER = `USE [AdventureWorks]
GO
/****** Object:  Table [dbo].[Customer]    Script Date: 3/14/2024 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [dbo].[Customer](
	[CustomerID] [int] IDENTITY(1,1) NOT NULL,
	[FirstName] [nvarchar](50) NOT NULL,
	[Notes] [nvarchar](max) NULL,
 CONSTRAINT [PK_Customer] PRIMARY KEY CLUSTERED ([CustomerID] ASC)
) ON [PRIMARY]
GO
`;

/** As sqlite3's `.dump` writes it. */
const SQLITE = `PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE artists (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
CREATE TABLE albums (id INTEGER PRIMARY KEY AUTOINCREMENT, artist_id INTEGER REFERENCES artists(id));
DELETE FROM sqlite_sequence;
COMMIT;
`;

/** A SQLite dump of tables without AUTOINCREMENT: the pragma and the transaction only. */
const SQLITE_PLAIN = `PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE t (a int);
COMMIT;
`;

/** As Oracle SQL Developer exports DDL. */
const ORACLE = `CREATE TABLE "HR"."EMPLOYEES"
   (	"EMPLOYEE_ID" NUMBER(6,0),
	"FIRST_NAME" VARCHAR2(20 BYTE),
	"HIRE_DATE" DATE DEFAULT SYSDATE NOT NULL ENABLE
   ) SEGMENT CREATION IMMEDIATE;
`;

describe('detectSqlDialect', () => {
  it('reads a real MySQL dump as MySQL, naming its markers and their first lines', () => {
    const verdict = detectSqlDialect(SHARETRIBE);
    expect(verdict).toMatchObject({ dialect: 'mysql', name: 'MySQL' });
    if (verdict.dialect === 'postgresql') return;
    expect(verdict.markers.slice(0, 2)).toEqual([
      { label: 'backtick-quoted names', line: 12, count: expect.any(Number) },
      { label: 'ENGINE=InnoDB', line: 26, count: 3 },
    ]);
    expect(verdict.markers.map((m) => m.label)).toEqual(
      expect.arrayContaining([
        'AUTO_INCREMENT',
        'int(11)',
        'DEFAULT CHARSET',
        'MySQL version comments (/*!40101 … */)',
      ]),
    );
  });

  it('reads SQL Server, SQLite and Oracle scripts as such', () => {
    const server = detectSqlDialect(SQL_SERVER);
    expect(server).toMatchObject({ dialect: 'sqlserver', name: 'SQL Server' });
    expect(server.dialect !== 'postgresql' && server.markers[0]).toEqual({
      label: 'bracket-quoted names like [dbo].[x]',
      line: 8,
      count: expect.any(Number),
    });
    expect(server.dialect !== 'postgresql' && server.markers.map((m) => m.label)).toEqual(
      expect.arrayContaining(['GO lines', 'IDENTITY(1,1)', 'NVARCHAR(MAX)']),
    );
    expect(detectSqlDialect(SQLITE)).toMatchObject({ dialect: 'sqlite', name: 'SQLite' });
    expect(detectSqlDialect(SQLITE_PLAIN)).toMatchObject({ dialect: 'sqlite' });
    expect(detectSqlDialect(ORACLE)).toMatchObject({ dialect: 'oracle', name: 'Oracle' });
  });

  it('finds no other dialect in any PostgreSQL file of the fixtures (companions included)', () => {
    const files = [FIXTURES_DIR, PROJECT_FIXTURES_DIR].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.sql'))
        .map((f) => join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(25);
    const misread = files
      .map((file) => ({ file, verdict: detectSqlDialect(readFileSync(file, 'utf8')) }))
      .filter(({ verdict }) => verdict.dialect !== 'postgresql');
    expect(misread).toEqual([]);
  });

  it('is not fooled by markers in comments, strings, quoted names or function bodies', () => {
    const postgres = `-- Converted from MySQL: was \`users\` ENGINE=InnoDB AUTO_INCREMENT=5, id int(11) UNSIGNED
/* PRAGMA foreign_keys=ON; [dbo].[users] GO /* nested: VARCHAR2(10) NUMBER(5) */ still a comment */
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) PRIMARY KEY,
  note text DEFAULT 'ENGINE=InnoDB \`x\` [dbo].[y]',
  escaped text DEFAULT E'it\\'s \`quoted\` AUTO_INCREMENT int(11)',
  "ENGINE=InnoDB" int,
  tags text[] DEFAULT ARRAY['a', 'b'],
  grid int[][] DEFAULT '{{1}}'
);
COMMENT ON TABLE users IS 'Imported from SQL Server: [dbo].[users], NVARCHAR(MAX), IDENTITY(1,1)';
CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
BEGIN
  -- \`backticks\` in a body, PRAGMA x;
  RETURN (ARRAY[1,2])[1];
END $body$;
SELECT (ARRAY[1,2])[1], $$ \`x\` ENGINE=MyISAM $$;
`;
    expect(detectSqlDialect(postgres)).toEqual({ dialect: 'postgresql' });
  });

  it('proves its oracle: the same markers outside comments and strings are found', () => {
    const bare = 'CREATE TABLE `users` (id int(11) UNSIGNED) ENGINE=InnoDB;';
    expect(detectSqlDialect(bare)).toMatchObject({ dialect: 'mysql' });
    expect(detectSqlDialect(`-- ${bare}`)).toEqual({ dialect: 'postgresql' });
    expect(detectSqlDialect(`SELECT '${bare.replace(/'/g, "''")}';`)).toEqual({
      dialect: 'postgresql',
    });
  });

  it('needs a telling marker or two kinds: one word a PostgreSQL name could be is not enough', () => {
    expect(detectSqlDialect('CREATE TABLE t (unsigned boolean);')).toEqual({
      dialect: 'postgresql',
    });
    expect(detectSqlDialect('SELECT number(5);')).toEqual({ dialect: 'postgresql' });
    expect(detectSqlDialect('CREATE TABLE t (\n  pragma numeric(10, 2)\n);')).toEqual({
      dialect: 'postgresql',
    });
    expect(detectSqlDialect('CREATE TABLE t (a int(11), b int UNSIGNED);')).toMatchObject({
      dialect: 'mysql',
    });
  });
});

describe('maskSqlLiterals', () => {
  it('keeps offsets and lines, blanks what is not code, and finds MySQL version comments', () => {
    const text = '/*!40101 SET x */;\nSELECT \'a\nb\', "q" -- c\n, $t$ d $t$;';
    const { masked, versionComments } = maskSqlLiterals(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.split('\n')).toHaveLength(text.split('\n').length);
    expect(masked.replace(/\s+/g, ' ')).toBe(' ; SELECT , , ;');
    expect(versionComments).toEqual([0]);
  });
});

describe('dialectNotice', () => {
  const refused = (statements: number, failed: number) => ({
    statements,
    failed: Array.from({ length: failed }, () => ({
      line: 1,
      text: '',
      reason: '',
      error: { message: '' },
    })),
  });

  it('leads with one sentence and what to do when PostgreSQL refused most of a foreign file', () => {
    const notice = dialectNotice(SHARETRIBE, refused(9, 9));
    expect(notice?.sentence).toBe(
      'This looks like a MySQL dump (backtick-quoted names from line 12, ENGINE=InnoDB from line 26). Tablewright reads PostgreSQL DDL.',
    );
    expect(notice?.advice).toContain('pgloader');
    expect(notice?.advice).toContain('pg_dump --schema-only');
    expect(notice?.command).toMatch(/^pgloader mysql:\/\//);
    expect(dialectNotice(SQL_SERVER, refused(4, 4))?.sentence).toMatch(
      /^This looks like a SQL Server script \(.*line \d+.*\)\. Tablewright reads PostgreSQL DDL\.$/,
    );
    expect(dialectNotice(SQLITE, refused(6, 5))?.sentence).toMatch(
      /^This looks like a SQLite dump/,
    );
    expect(dialectNotice(ORACLE, refused(1, 1))?.command).toMatch(/^ora2pg/);
  });

  it('says nothing when PostgreSQL read most of it, or when the file is PostgreSQL', () => {
    expect(dialectNotice(SHARETRIBE, refused(9, 4))).toBeUndefined();
    expect(dialectNotice(SHARETRIBE, refused(9, 0))).toBeUndefined();
    expect(dialectNotice('CREATE TABLE t (a int;', refused(1, 1))).toBeUndefined();
  });
});
