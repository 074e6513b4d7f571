import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSourceFile } from './readSourceFile';

const SQL = 'CREATE TABLE users (id int);\n';
const utf16le = (text: string) => {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, true);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), true);
  return out;
};

describe('readSourceFile (the Import dialog’s file picker and drop)', () => {
  it('reads a plain file as it is, and says how it read one that was not', async () => {
    expect(await readSourceFile(new File([SQL], 'a.sql'))).toEqual({
      ok: true,
      value: { text: SQL, fileName: 'a.sql' },
    });
    const gz = gzipSync(utf16le(SQL));
    expect(await readSourceFile(new File([gz], 'a.sql.gz'))).toEqual({
      ok: true,
      value: { text: SQL, fileName: 'a.sql.gz', note: 'decompressed from gzip, read as UTF-16 LE' },
    });
  });

  it('refuses what is not a text SQL file with a sentence starting with its name', async () => {
    expect(
      await readSourceFile(new File([new Uint8Array([0x89, 0x50, 0, 1])], 'logo.png')),
    ).toEqual({
      ok: false,
      error: expect.stringMatching(/^logo\.png: it is not a text SQL file/),
    });
  });
});
