import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeInput, firstInvalidUtf8, MAX_IMPORT_BYTES } from './decodeInput';

const SQL = 'CREATE TABLE café (id int);\n';
const bytes = (...parts: (number[] | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => [...p]));
const utf16 = (text: string, littleEndian: boolean) => {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
};
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeInput', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 by its mark', () => {
    expect(decodeInput(utf8(SQL))).toEqual({
      ok: true,
      value: { text: SQL, encoding: 'utf-8', bom: false },
    });
    expect(decodeInput(bytes([0xef, 0xbb, 0xbf], utf8(SQL)))).toEqual({
      ok: true,
      value: { text: SQL, encoding: 'utf-8', bom: true },
    });
    expect(decodeInput(bytes([0xff, 0xfe], utf16(SQL, true)))).toEqual({
      ok: true,
      value: { text: SQL, encoding: 'utf-16le', bom: true },
    });
    expect(decodeInput(bytes([0xfe, 0xff], utf16(SQL, false)))).toEqual({
      ok: true,
      value: { text: SQL, encoding: 'utf-16be', bom: true },
    });
  });

  it('proves its oracle: the same UTF-16 bytes read as UTF-8 would not be the script', () => {
    const read = new TextDecoder().decode(bytes([0xff, 0xfe], utf16(SQL, true)));
    expect(read).not.toBe(SQL);
  });

  it('refuses what is not text, saying what it is', () => {
    const refused = (b: Uint8Array) => {
      const r = decodeInput(b);
      expect(r.ok).toBe(false);
      return r.ok ? undefined : r.error;
    };
    expect(refused(bytes(utf8('PGDMP'), [1, 14, 0, 4]))).toMatchObject({
      kind: 'notText',
      message: expect.stringContaining('pg_restore'),
    });
    expect(refused(bytes([0x1f, 0x8b, 8, 0]))).toMatchObject({
      kind: 'notText',
      message: expect.stringContaining('gzip'),
    });
    expect(refused(bytes(utf8('-- a\n-- b\n'), [0, 0, 0]))).toMatchObject({
      kind: 'notText',
      message: expect.stringContaining('NUL byte at line 3'),
    });
    // UTF-16 without its mark is mostly NUL bytes as UTF-8: refused, not read as garbage.
    expect(refused(utf16(SQL, true))).toMatchObject({
      kind: 'notText',
      message: expect.stringContaining('without a byte-order mark'),
    });
    expect(refused(bytes([0xff, 0xfe, 0, 0], utf8('abcd')))).toMatchObject({
      kind: 'encoding',
      message: expect.stringContaining('UTF-32'),
    });
  });

  it('refuses text that is not valid in its encoding, with the line', () => {
    const latin1 = bytes(utf8('-- ok\nCREATE TABLE caf'), [0xe9], utf8(' (id int);\n'));
    const r = decodeInput(latin1);
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'encoding',
        message: expect.stringContaining('not valid UTF-8 (byte 0xE9 at line 2)'),
      },
    });
    // A lone surrogate after a UTF-16 mark.
    expect(decodeInput(bytes([0xff, 0xfe], utf16('ab', true), [0x00, 0xd8]))).toMatchObject({
      ok: false,
      error: { kind: 'encoding' },
    });
  });

  it('decompresses a gzip file (schema.sql.gz) and reads what it holds', () => {
    expect(decodeInput(gzipSync(utf8(SQL)))).toEqual({
      ok: true,
      value: { text: SQL, encoding: 'utf-8', bom: false, compression: 'gzip' },
    });
    // What Windows tools write, compressed: the mark inside is read as usual.
    expect(decodeInput(gzipSync(bytes([0xff, 0xfe], utf16(SQL, true))))).toMatchObject({
      ok: true,
      value: { text: SQL, encoding: 'utf-16le', compression: 'gzip' },
    });
  });

  it('stops a gzip file that inflates past MAX_IMPORT_BYTES, and says a damaged one is damaged', () => {
    const bomb = gzipSync(new Uint8Array(MAX_IMPORT_BYTES + 1024 * 1024));
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES / 100);
    expect(decodeInput(bomb)).toMatchObject({
      ok: false,
      error: {
        kind: 'tooLarge',
        message: expect.stringContaining('decompresses to more than 64 MB'),
      },
    });
    const whole = gzipSync(utf8(SQL.repeat(200)));
    expect(decodeInput(whole.subarray(0, whole.length >> 1))).toMatchObject({
      ok: false,
      error: { kind: 'notText', message: expect.stringContaining('gzip file but is cut short') },
    });
    const inside = gzipSync(bytes(utf8('PGDMP'), [1, 14, 0, 4]));
    expect(decodeInput(inside, 'prod.dump.gz')).toMatchObject({
      ok: false,
      error: { kind: 'notText', message: expect.stringContaining('pg_dump archive') },
    });
  });

  it('names pg_dump archives and gives the pg_restore command with the file name', () => {
    expect(decodeInput(bytes(utf8('PGDMP'), [1, 14, 0, 4]), 'prod.dump')).toMatchObject({
      ok: false,
      error: {
        kind: 'notText',
        message: expect.stringContaining('`pg_restore --schema-only -f schema.sql prod.dump`'),
      },
    });
    const tar = new Uint8Array(1024);
    tar.set(utf8('toc.dat'), 0);
    tar.set(utf8('ustar'), 257);
    expect(decodeInput(tar, 'my dump.tar')).toMatchObject({
      ok: false,
      error: {
        kind: 'notText',
        message: expect.stringContaining(
          "tar archive (pg_dump's tar format writes one), not a SQL script: turn it into one with `pg_restore --schema-only -f schema.sql 'my dump.tar'`",
        ),
      },
    });
  });

  it('refuses more than MAX_IMPORT_BYTES', () => {
    expect(decodeInput(new Uint8Array(MAX_IMPORT_BYTES + 1))).toMatchObject({
      ok: false,
      error: { kind: 'tooLarge' },
    });
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with a fatal TextDecoder on what is valid', () => {
    const cases: number[][] = [
      [0x41, 0xc3, 0xa9],
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xe2, 0x82],
      [0x80],
      [0xff],
      [0xef, 0xbf, 0xbf],
      [0x41, 0xf0, 0x9f, 0x98],
    ];
    for (const c of cases) {
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(c));
      } catch {
        valid = false;
      }
      expect(
        firstInvalidUtf8(Uint8Array.from(c)) === -1,
        c.map((b) => b.toString(16)).join(' '),
      ).toBe(valid);
    }
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0x42, 0xe9, 0x43]))).toBe(2);
  });
});
