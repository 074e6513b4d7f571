import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleDocument, serializeDocument, type DesignDocument, type Table } from '../core/model';
import { decodeShare } from '../core/share';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'tablewright-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI in-process: same `main` as the bin script, output captured. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function designFile(
  name: string,
  edit: (doc: DesignDocument) => DesignDocument = (d) => d,
): string {
  const path = join(dir, name);
  writeFileSync(path, serializeDocument(edit(exampleDocument())));
  return path;
}

/** The document with its table `name` changed by `change`. */
function withTable(
  doc: DesignDocument,
  name: string,
  change: (table: Table) => Table,
): DesignDocument {
  const t = Object.values(doc.design.tables).find((x) => x.name === name)!;
  return {
    ...doc,
    design: { ...doc.design, tables: { ...doc.design.tables, [t.id]: change(t) } },
  };
}

describe('tablewright export, share, lint and diff', () => {
  const shop = designFile('shop.json');

  it('exports every format, to stdout or a file', async () => {
    for (const [to, text] of [
      ['mermaid', 'erDiagram'],
      ['dbml', 'Table'],
      ['markdown', 'customers'],
      ['json', '"tablewright.design"'],
      ['sql', 'CREATE TABLE'],
    ] as const) {
      const r = await run('export', shop, '--to', to);
      expect(r.code, to).toBe(0);
      expect(r.stdout, to).toContain(text);
    }
    const out = join(dir, 'shop.mmd');
    expect((await run('export', shop, '--to', 'mermaid', '-o', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^erDiagram/m);
    // export -> import -> export is byte-identical.
    const once = join(dir, 'once.json');
    await run('export', shop, '--to', 'json', '-o', once);
    const twice = await run('export', once, '--to', 'json');
    expect(twice.stdout).toBe(readFileSync(once, 'utf8'));
  });

  it('prints a share link that opens to the same design', async () => {
    const r = await run('share', shop, '--base-url', 'https://studio.example/app/');
    expect(r.code).toBe(0);
    const link = r.stdout.trim();
    expect(link.startsWith('https://studio.example/app/#design=v2.')).toBe(true);
    expect(r.stderr).toContain(`${link.length.toLocaleString('en')} characters`);
    const back = decodeShare(link);
    expect(
      back.ok &&
        Object.values(back.value.design.tables)
          .map((t) => t.name)
          .sort(),
    ).toEqual(['addresses', 'customers', 'order_items', 'orders', 'products']);
  });

  it('lints with exit code 1 only when an error-level finding exists', async () => {
    const clean = await run('lint', shop, '--format', 'json');
    expect(clean.code).toBe(0);
    const findings = JSON.parse(clean.stdout) as {
      rule: string;
      severity: string;
      table: string;
      column: string | null;
      message: string;
    }[];
    expect(findings.every((f) => f.severity !== 'error')).toBe(true);
    const noKey = designFile('nokey.json', (doc) =>
      withTable(doc, 'products', (t) => ({
        ...t,
        constraints: t.constraints.filter((k) => k.kind !== 'primaryKey' && k.kind !== 'unique'),
      })),
    );
    const bad = await run('lint', noKey, '--format', 'json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toContainEqual(
      expect.objectContaining({
        rule: 'no-primary-key',
        severity: 'error',
        table: 'products',
        column: null,
      }),
    );
    const sarif = JSON.parse((await run('lint', noKey, '--format', 'sarif')).stdout) as {
      version: string;
      runs: { results: unknown[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it('diffs two designs into a migration PostgreSQL verified', async () => {
    const renamed = designFile('renamed.json', (doc) =>
      withTable(doc, 'customers', (t) => ({
        ...t,
        columns: t.columns.map((c) =>
          c.name === 'full_name' ? { ...c, name: 'display_name' } : c,
        ),
      })),
    );
    const r = await run('diff', shop, renamed, '--simple');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ALTER TABLE customers RENAME COLUMN full_name TO display_name;');
    expect(r.stdout).not.toMatch(/DROP COLUMN/);
    expect(r.stderr).toContain('verified');
    const seq = await run('diff', shop, renamed, '--to', 'sequelize');
    expect(seq.stdout).toContain('queryInterface');
  }, 120_000);
});
