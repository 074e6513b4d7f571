import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../core/import';
import { exampleDocument, makeDocument, parseDesign, serializeDocument } from '../core/model';
import { COMFORTABLE_LINK_CHARS, MAX_OPENABLE_LINK_CHARS } from '../core/share';
import { main } from './main';
import { readInput } from './readInput';

const dir = mkdtempSync(join(tmpdir(), 'tablewright-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

const USERS_SQL = 'CREATE TABLE users (id integer PRIMARY KEY, naïve text);\n';
const USERS_DBML = 'Table users {\n  id integer [pk]\n  name text\n}\n';
const utf16 = (text: string, littleEndian: boolean) => {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
};
const tableNames = (json: string) => {
  const doc = parseDesign(json);
  return doc.ok ? Object.values(doc.value.design.tables).map((t) => t.name) : doc.error.message;
};

describe('the CLI tells the kind and encoding of its input as the studio does', () => {
  it('reads DBML as DBML, by extension or by content', async () => {
    const dbml = await run('export', file('good.dbml', USERS_DBML), '--to', 'sql');
    expect(dbml.code).toBe(0);
    expect(dbml.stdout).toContain('CREATE TABLE users (');
    const txt = await run('import', file('model.txt', USERS_DBML));
    expect(txt.code).toBe(0);
    expect(tableNames(txt.stdout)).toEqual(['users']);
  });

  it('reads UTF-16 files with a byte-order mark, little- and big-endian', async () => {
    for (const le of [true, false]) {
      const r = await run('import', file(`utf16${le ? 'le' : 'be'}.sql`, utf16(USERS_SQL, le)));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(le ? 'as UTF-16 LE' : 'as UTF-16 BE');
      const doc = parseDesign(r.stdout);
      expect(
        doc.ok &&
          Object.values(doc.value.design.tables).flatMap((t) => t.columns.map((c) => c.name)),
      ).toEqual(['id', 'naïve']);
    }
  });
});

describe('input that yields errors or nothing never exits 0', () => {
  it('a SQL file PostgreSQL refuses entirely: exit 2, nothing written, the reason', async () => {
    const out = join(dir, 'junk.json');
    const r = await run('import', file('junk.sql', 'hello this is junk;\nmore junk;\n'), '-o', out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'nothing came out: PostgreSQL refused every statement (2 failed, listed above)',
    );
    expect(() => readFileSync(out)).toThrow();
    // DBML named .sql: refused, with the hint.
    const misnamed = await run('export', file('model.sql', USERS_DBML), '--to', 'sql');
    expect(misnamed).toMatchObject({ code: 2, stdout: '' });
    expect(misnamed.stderr).toContain('Its content looks like DBML: give it the .dbml extension.');
    // Only comments: no statement at all.
    const comments = await run('lint', file('comments.sql', '-- nothing here\n/* at all */\n'));
    expect(comments.code).toBe(2);
    expect(comments.stderr).toContain('nothing came out: it has no SQL statement');
  });

  it('a SQL file some of whose statements fail: the output is written, exit 2', async () => {
    const partial = file(
      'partial.sql',
      'CREATE TABLE a (id integer PRIMARY KEY);\nCREAT TABLE users (id integer);\n',
    );
    const r = await run('export', partial, '--to', 'mermaid');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('erDiagram');
    expect(r.stderr).toMatch(
      /line 2: CREAT TABLE users[\s\S]*1 statement failed \(listed above\): the output lacks what it creates/,
    );
  });

  it('diff refuses a side that did not read whole, and writes no migration', async () => {
    const good = file('new.sql', USERS_SQL);
    const typo = await run(
      'diff',
      file('old-typo.sql', 'CREAT TABLE users (id integer PRIMARY KEY);\n'),
      good,
    );
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).not.toContain('verified');
    const partial = await run(
      'diff',
      file('old-partial.sql', `CREATE TABLE a (id integer);\nCREAT TABLE users (id integer);\n`),
      good,
    );
    expect(partial).toMatchObject({ code: 2, stdout: '' });
    expect(partial.stderr).toContain(
      'a migration planned from it would drop or re-create those objects',
    );
    const missing = await run('diff', join(dir, 'nope.json'), good);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('nope.json: cannot read it: no such file.');
  }, 120_000);

  it('refuses files that are not text, not UTF-8, empty, too large, or designs with nothing', async () => {
    const cases: [string, string | Uint8Array, string][] = [
      [
        'latin1.sql',
        Uint8Array.from([
          ...Buffer.from('-- ok\nCREATE TABLE caf'),
          0xe9,
          ...Buffer.from(' (id int);\n'),
        ]),
        'not valid UTF-8 (byte 0xE9 at line 2)',
      ],
      ['blank.sql', '  \n\n', 'it is empty'],
      ['dump.sql', Uint8Array.from([...Buffer.from('PGDMP'), 1, 14, 0]), 'pg_dump archive'],
      ['nul.sql', Uint8Array.from([0x41, 0, 0x42]), 'NUL byte'],
      ['empty.dbml', 'Project p {\n}\n', 'the DBML has no table and no enum'],
      ['bad.dbml', 'Table users {\n  id integer [pk\n}\n', 'The DBML could not be read (line'],
      ['bad.json', '{"format": "tablewright.design"', 'the JSON is malformed'],
    ];
    for (const [name, content, message] of cases) {
      const r = await run('export', file(name, content), '--to', 'sql');
      expect(r, name).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr, name).toContain(message);
    }
    const huge = file('huge.sql', '');
    truncateSync(huge, MAX_IMPORT_BYTES + 1); // sparse: refused by its size, never read
    const big = await run('import', huge);
    expect(big).toMatchObject({ code: 1, stdout: '' });
    expect(big.stderr).toContain('it is 65 MB, more than 64 MB');
  });

  it('stops reading an endless input at the cap', async () => {
    async function* endless() {
      const chunk = new Uint8Array(1024 * 1024);
      for (;;) yield chunk;
    }
    const r = await readInput('-', endless());
    expect(r).toEqual({
      ok: false,
      error: { kind: 'tooLarge', message: expect.stringContaining('gave more than 64 MB') },
    });
  });
});

describe('tablewright share and the length browsers open', () => {
  /** A design whose comments do not compress: the link grows with them. */
  const withNoise = (chars: number) => {
    const doc = exampleDocument();
    let seed = 7;
    const noise = (n: number) =>
      Array.from({ length: n }, () => {
        seed ^= seed << 13; // xorshift32: every bit random, unlike a small LCG's low bits
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-'[
          (seed >>> 0) % 64
        ];
      }).join('');
    const tables = Object.values(doc.design.tables);
    const per = Math.ceil(chars / tables.length);
    const design = {
      ...doc.design,
      tables: Object.fromEntries(tables.map((t) => [t.id, { ...t, comment: noise(per) }])),
    };
    return makeDocument(design, doc.layout);
  };

  it('warns past COMFORTABLE_LINK_CHARS and refuses past MAX_OPENABLE_LINK_CHARS', async () => {
    const long = await run(
      'share',
      file('long.json', serializeDocument(withNoise(COMFORTABLE_LINK_CHARS))),
    );
    expect(long.code).toBe(0);
    const link = long.stdout.trim();
    expect(link.length).toBeGreaterThan(COMFORTABLE_LINK_CHARS);
    expect(link.length).toBeLessThan(MAX_OPENABLE_LINK_CHARS);
    expect(long.stderr).toContain(
      'Warning: links over 32,000 characters open in browsers but chat apps and mail may cut them',
    );

    const huge = await run(
      'share',
      file('huge.json', serializeDocument(withNoise(MAX_OPENABLE_LINK_CHARS))),
    );
    expect(huge).toMatchObject({ code: 1, stdout: '' });
    expect(huge.stderr).toMatch(
      /the link would be [\d,]+ characters long, and browsers do not open links over 2,097,152 characters/,
    );
    expect(huge.stderr).toContain('send the design file instead');
  }, 60_000);
});
