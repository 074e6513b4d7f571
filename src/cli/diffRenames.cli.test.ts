import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/tablewright.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tablewright-renames-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a script or CI would: a subprocess whose standard input is a pipe, not a terminal. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const OLD = `CREATE TABLE artist (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE "🎵 Album" (
  id integer PRIMARY KEY,
  "Ti.tle" text NOT NULL,
  artist_id integer NOT NULL REFERENCES artist (id)
);
`;
const NEW = OLD.replace('"Ti.tle" text', 'name text');
const oldFile = join(dir, 'old.sql');
const newFile = join(dir, 'new.sql');
writeFileSync(oldFile, OLD);
writeFileSync(newFile, NEW);

describe('tablewright diff with renames (subprocess, no terminal)', () => {
  it('by default applies nothing, and says what it inferred and how to apply it', async () => {
    const run = await cli('diff', oldFile, newFile, '--simple');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'tablewright: these look like renames, but are planned as drop and add (without a terminal the default is --renames none; values in dropped columns are lost):\n' +
        '  column "🎵 Album"."Ti.tle" -> name (same type, nullability, default and keys)\n' +
        `  To apply them: --renames auto, or one by one: --rename '"🎵 Album"."Ti.tle"=name'\n`,
    );
    expect(run.stdout).toContain('ALTER TABLE "🎵 Album" DROP COLUMN "Ti.tle";');
  }, 240_000);

  it('--renames auto renames; --renames ask without a terminal does not wait for an answer', async () => {
    const [auto, ask] = await Promise.all([
      cli('diff', oldFile, newFile, '--simple', '--renames', 'auto'),
      cli('diff', oldFile, newFile, '--simple', '--renames', 'ask'),
    ]);
    expect(auto.code).toBe(0);
    expect(auto.stderr).toContain(
      'tablewright: renames applied (1):\n  column "🎵 Album"."Ti.tle" -> name (same type, nullability, default and keys)\n',
    );
    expect(auto.stderr).toContain(
      'tablewright: verified: up turns the old design into the new one',
    );
    expect(auto.stdout).toContain('ALTER TABLE "🎵 Album" RENAME COLUMN "Ti.tle" TO name;');
    expect(auto.stdout).not.toContain('DROP COLUMN');
    expect(ask.code).toBe(0);
    expect(ask.stderr).toContain('--renames ask needs a terminal to ask on');
    expect(ask.stdout).toContain('DROP COLUMN "Ti.tle"');
  }, 360_000);

  it('--rename decides by name, quoted names and all; one that names nothing is refused', async () => {
    const [given, unknown, bad] = await Promise.all([
      cli('diff', oldFile, newFile, '--renames', 'none', '--rename', '"🎵 Album"."Ti.tle"=name'),
      cli('diff', oldFile, newFile, '--rename', '"🎵 Album".title=name', '--rename', 'track=song'),
      cli('diff', oldFile, newFile, '--rename', 'album.title'),
    ]);
    expect(given.code).toBe(0);
    expect(given.stderr).toContain('column "🎵 Album"."Ti.tle" -> name (given with --rename)');
    expect(given.stdout).toContain('RENAME COLUMN "Ti.tle" TO name;');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain(
      'tablewright: --rename "🎵 Album".title=name: table "🎵 Album" of the old file has no column title.\n' +
        'tablewright: --rename track=song: the old file has no table track.\n',
    );
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain('--rename album.title: write old=new');
    expect(await cli('diff', oldFile, newFile, '--renames', 'maybe')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--renames must be ask, auto or none (not "maybe").'),
    });
  }, 360_000);

  it('says when the new file puts a renamed column where PostgreSQL cannot move it', async () => {
    const moved = join(dir, 'moved.sql');
    writeFileSync(
      moved,
      OLD.replace(
        '"Ti.tle" text NOT NULL,\n  artist_id integer NOT NULL REFERENCES artist (id)',
        'artist_id integer NOT NULL REFERENCES artist (id),\n  name text NOT NULL',
      ),
    );
    const run = await cli('diff', oldFile, moved, '--renames', 'auto');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^-- Column order: PostgreSQL cannot reorder columns/);
    expect(run.stdout).toContain(
      '--   🎵 Album: migrated (id, name, artist_id), new design (id, artist_id, name)\n',
    );
    expect(run.stderr).toContain('(but for the column order above)');
  }, 240_000);
});
