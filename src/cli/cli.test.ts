import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../core/model';
import { parseArgs } from './args';

const BIN = fileURLToPath(new URL('../../bin/tablewright.mjs', import.meta.url));
const FIXTURE = fileURLToPath(
  new URL('../../../shared/fixtures/schemas/chinook.sql', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'tablewright-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a person would: a Node subprocess of the bin script. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('tablewright CLI', () => {
  it('imports a real script: design JSON to the file, the report to stderr', async () => {
    const out = join(dir, 'chinook.json');
    const run = await cli('import', FIXTURE, '-o', out);
    expect(run.stderr).toContain('Imported 11 tables');
    expect(run.stderr).toMatch(/line 28: \\c chinook;\n {4}psql’s \\connect/);
    expect(run.code).toBe(0);
    const document = parseDesign(readFileSync(out, 'utf8'));
    expect(document.ok && Object.keys(document.value.design.tables)).toHaveLength(11);

    const exported = await cli('export', out, '--to', 'sql');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('CREATE TABLE album (');
    expect(exported.stdout).toContain(
      'ALTER TABLE album\n  ADD CONSTRAINT album_artist_id_fkey FOREIGN KEY',
    );
  }, 180_000);

  it('says what is wrong, with a non-zero exit code', async () => {
    const missing = await cli('import', join(dir, 'nope.sql'));
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('cannot read');
    const bad = await cli('export', FIXTURE, '--to', 'pdf');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Cannot export to "pdf": the formats are sql, mermaid');
    const help = await cli('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('tablewright import <file>');
    expect(help.stdout).toContain('2  PostgreSQL could not read a SQL input.');
  }, 120_000);

  it('never says success on input it could not read', async () => {
    const endless = await cli('import', '/dev/zero');
    expect(endless).toMatchObject({ code: 1, stdout: '' });
    expect(endless.stderr).toContain(
      '/dev/zero: it is not a regular file (a device or a pipe) and gave more than 64 MB without ending',
    );
    const junk = join(dir, 'junk.sql');
    writeFileSync(junk, 'hello this is junk;\n');
    const refused = await cli('import', junk);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain('nothing came out: PostgreSQL refused every statement');
    const dbml = join(dir, 'good.dbml');
    writeFileSync(dbml, 'Table users {\n  id integer [pk]\n}\n');
    const exported = await cli('export', dbml, '--to', 'sql');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('CREATE TABLE users (');
    const utf16 = join(dir, 'utf16.sql');
    writeFileSync(
      utf16,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('CREATE TABLE users (id integer PRIMARY KEY);\n', 'utf16le'),
      ]),
    );
    const read = await cli('import', utf16);
    expect(read.code).toBe(0);
    expect(read.stderr).toContain('Imported 1 table');
  }, 180_000);
});

describe('parseArgs', () => {
  it('reads commands and options, and refuses what it does not know', () => {
    expect(parseArgs(['import', 'a.sql', '-o', 'a.json'])).toEqual({
      ok: true,
      value: { command: 'import', input: 'a.sql', output: 'a.json' },
    });
    expect(parseArgs(['export', 'a.json', '--to', 'sql'])).toEqual({
      ok: true,
      value: { command: 'export', input: 'a.json', to: 'sql' },
    });
    expect(parseArgs(['export', 'a.json'])).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('export needs --to <format>') },
    });
    expect(parseArgs(['diff', 'a.json', 'b.sql', '--simple', '--to', 'sequelize'])).toEqual({
      ok: true,
      value: {
        command: 'diff',
        old: 'a.json',
        new: 'b.sql',
        to: 'sequelize',
        mode: 'simple',
        rename: [],
      },
    });
    expect(parseArgs(['diff', 'a.json'])).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('two files') },
    });
    expect(parseArgs(['diff', 'a', 'b', '--safe', '--simple'])).toMatchObject({ ok: false });
    expect(parseArgs(['lint', 'a.json', '--format', 'xml'])).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('text, json or sarif') },
    });
    expect(parseArgs(['share', 'a.json', '--base-url', 'ftp://x'])).toMatchObject({ ok: false });
    expect(parseArgs(['share', 'a.json', '--to', 'sql'])).toMatchObject({
      ok: false,
      error: { message: 'share does not take --to.' },
    });
    expect(parseArgs(['import'])).toEqual({
      ok: false,
      error: { message: 'import needs a file to read.' },
    });
    expect(parseArgs(['import', 'a.sql', '--fast'])).toEqual({
      ok: false,
      error: { message: 'Unknown option --fast.' },
    });
  });
});
