import { describe, expect, it } from 'vitest';
import { missingName } from './dependents';
import { contribModulesFor, isAvailableExtension, PGLITE_CONTRIB } from './extensions';
import { LineIndex } from './lines';
import { preprocessScript } from './preprocess';

describe('preprocessScript', () => {
  it('takes out psql meta-commands, keeping every offset and line where it was', () => {
    const sql = [
      'DROP DATABASE IF EXISTS x;',
      '\\c chinook;',
      '\\set ON_ERROR_STOP 1',
      'CREATE TABLE t (a text); \\gset',
      '\\pset tuples_only on',
    ].join('\n');
    const script = preprocessScript(sql);
    expect(script.text).toHaveLength(sql.length);
    expect(script.text.split('\n')).toHaveLength(5);
    expect(script.text).not.toContain('\\');
    expect(script.metaCommands).toEqual([
      { line: 2, text: '\\c chinook;', command: 'c' },
      { line: 3, text: '\\set ON_ERROR_STOP 1', command: 'set' },
      { line: 4, text: '\\gset', command: 'gset' },
      { line: 5, text: '\\pset tuples_only on', command: 'pset' },
    ]);
    expect(script.text.indexOf('CREATE TABLE')).toBe(sql.indexOf('CREATE TABLE'));
  });

  it('leaves backslashes inside strings, quoted names, dollar quotes and comments alone', () => {
    const sql = [
      "SELECT E'a\\'b \\\\c', 'd\\', \"e\\f\";",
      "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $body$ SELECT '\\x' $body$;",
      '-- a comment with \\c in it',
      '/* and /* nested \\d */ \\i x */ SELECT 1;',
      '$$\\not a command$$;',
    ].join('\n');
    const script = preprocessScript(sql);
    expect(script.metaCommands).toEqual([]);
    expect(script.text).toBe(sql);
    expect(script.statements.map((s) => sql.slice(s.from, s.to).slice(0, 15))).toEqual([
      "SELECT E'a\\'b \\",
      'CREATE FUNCTION',
      'SELECT 1;',
      '$$\\not a comman',
    ]);
  });

  it('skips the data of COPY ... FROM stdin up to \\. and counts its rows', () => {
    const sql = [
      'CREATE TABLE t (a int, b text);',
      'COPY public.t (a, b) FROM stdin;',
      '1\tone',
      '2\t\\N',
      '\\.',
      'CREATE INDEX ON t (a);',
    ].join('\n');
    const script = preprocessScript(sql);
    expect(script.copyData).toEqual([{ line: 2, rows: 2 }]);
    expect(script.metaCommands).toEqual([]);
    expect(script.text.split('\n')[2]?.trim()).toBe('');
    expect(script.text.split('\n')[4]?.trim()).toBe('');
    expect(script.statements.map((s) => script.text.slice(s.from, s.to))).toEqual([
      'CREATE TABLE t (a int, b text);',
      'COPY public.t (a, b) FROM stdin;',
      'CREATE INDEX ON t (a);',
    ]);
  });

  it('splits on semicolons outside parentheses only, as psql does', () => {
    const script = preprocessScript(
      'CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\nSELECT 3',
    );
    expect(script.statements).toHaveLength(2);
  });
});

describe('LineIndex', () => {
  it('gives 1-based lines and columns', () => {
    const lines = new LineIndex('ab\ncd\n\nef');
    expect([0, 2, 3, 6, 7].map((o) => [lines.line(o), lines.column(o)])).toEqual([
      [1, 1],
      [1, 3],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
  });
});

describe('extensions', () => {
  it('knows what PGlite ships and loads what an extension requires', () => {
    expect(isAvailableExtension('pg_trgm')).toBe(true);
    expect(isAvailableExtension('plpgsql')).toBe(true);
    expect(isAvailableExtension('postgis')).toBe(false);
    // Not PGlite's, but the studio stands in for it (src/db/import/vectorStandIn.ts).
    expect(isAvailableExtension('vector')).toBe(true);
    expect(PGLITE_CONTRIB['uuid-ossp']).toBe('uuid_ossp');
    expect(contribModulesFor(['earthdistance', 'uuid-ossp', 'postgis'])).toEqual([
      'cube',
      'earthdistance',
      'uuid_ossp',
    ]);
  });
});

describe('missingName', () => {
  it('finds the name a "does not exist" error is about', () => {
    expect(missingName('relation "public.film_embedding" does not exist')).toBe(
      'public.film_embedding',
    );
    expect(missingName('type "public.vector" does not exist')).toBe('public.vector');
    expect(
      missingName(
        'function pgsodium.crypto_aead_det_decrypt(bytea, bytea, uuid, bytea) does not exist',
      ),
    ).toBe('pgsodium.crypto_aead_det_decrypt');
  });
});
