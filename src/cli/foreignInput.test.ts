import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../core/model';
import { main } from './main';

/**
 * Files people bring that are not a PostgreSQL script: another database's dump, a compressed
 * script, a pg_dump archive, a binary. The CLI says what the file is first, with what to do,
 * and exits non-zero when nothing came out.
 */
const dir = mkdtempSync(join(tmpdir(), 'tablewright-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHARETRIBE = fileURLToPath(
  new URL('../../fixtures/foreign/sharetribe-mysql.sql', import.meta.url),
);
const SENTENCE =
  'This looks like a MySQL dump (backtick-quoted names from line 12, ENGINE=InnoDB from line 26). Tablewright reads PostgreSQL DDL.';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('tablewright import of what is not a PostgreSQL script', () => {
  it('a MySQL dump: exit 2, nothing written, the sentence and pgloader first, the errors kept', async () => {
    const out = join(dir, 'sharetribe.json');
    const r = await run('import', SHARETRIBE, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(() => readFileSync(out)).toThrow();
    const lines = r.stderr.split('\n');
    // The report leads with what the file is, before the summary and the per-statement errors.
    expect(lines[1]).toBe(SENTENCE);
    expect(lines[2]).toMatch(/^Convert it with pgloader into a PostgreSQL database/);
    expect(lines[3]).toBe('  pgloader mysql://user@host/dbname postgresql:///dbname');
    expect(r.stderr).toMatch(/line 12: DROP TABLE IF EXISTS `active_sessions`;\n {4}syntax error/);
    // The one line that says why it stopped names the dialect too.
    const last = lines.filter(Boolean).at(-1);
    expect(last).toContain(`tablewright: ${SHARETRIBE}: ${SENTENCE} Nothing came out:`);
    expect(last).toContain('pg_dump --schema-only');
  }, 120_000);

  it('a PostgreSQL script PostgreSQL refuses gets no dialect sentence', async () => {
    const r = await run(
      'import',
      file('typo.sql', '-- was `users` ENGINE=InnoDB\nCREAT TABLE users (id integer);\n'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('This looks like');
    expect(r.stderr).toContain('nothing came out: PostgreSQL refused every statement');
  }, 120_000);

  it('a .sql.gz: decompressed and imported, named without .sql.gz', async () => {
    const sql = 'CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);\n';
    const r = await run('import', file('app.sql.gz', gzipSync(new TextEncoder().encode(sql))));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Decompressed');
    const doc = parseDesign(r.stdout);
    expect(doc.ok && doc.value.design.name).toBe('app');
    expect(doc.ok && Object.values(doc.value.design.tables).map((t) => t.name)).toEqual(['users']);
  }, 120_000);

  it('pg_dump archives (custom, directory) and binaries: exit 1 with the command or a plain sentence', async () => {
    const custom = file('prod.dump', Uint8Array.from([0x50, 0x47, 0x44, 0x4d, 0x50, 1, 14, 0]));
    const c = await run('import', custom);
    expect(c).toMatchObject({ code: 1, stdout: '' });
    expect(c.stderr).toContain(`\`pg_restore --schema-only -f schema.sql ${custom}\``);

    const directory = join(dir, 'prod-dir');
    mkdirSync(directory);
    writeFileSync(join(directory, 'toc.dat'), 'PGDMP');
    const d = await run('import', directory);
    expect(d).toMatchObject({ code: 1, stdout: '' });
    expect(d.stderr).toContain(
      `pg_dump archive in directory format, not a SQL script: turn it into one with \`pg_restore --schema-only -f schema.sql ${directory}\``,
    );

    const binary = await run(
      'import',
      file('logo.sql', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])),
    );
    expect(binary).toMatchObject({ code: 1, stdout: '' });
    expect(binary.stderr).toContain('logo.sql: it is not a text SQL file');
  });
});
