import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import ELK from 'elkjs/lib/elk.bundled.js';
import { it } from 'vitest';
import { emptyLayout } from '../src/core/model';
import { importSql } from '../src/db/import/importSql';
import { layoutDesign } from '../src/layout/autoLayout';

const dir = fileURLToPath(new URL('../../shared/fixtures/schemas/', import.meta.url));

/** Import of every real-world fixture (the originals), time per phase, plus auto-layout. Prints; asserts nothing about time. */
it('import phases per fixture', async () => {
  const files = (await readdir(dir))
    .filter((f) => f.endsWith('.sql') && !f.endsWith('.pglite.sql'))
    .sort();
  const rows: string[] = [];
  for (const file of files) {
    const sql = await readFile(dir + file, 'utf8');
    const outcome = await importSql(
      sql,
      { designName: file },
      { createScratch: (extensions) => PGlite.create({ extensions }) },
    );
    if (!outcome.ok) {
      rows.push(`${file.padEnd(20)} failed: ${outcome.error.message}`);
      continue;
    }
    const t = outcome.report.timings;
    const started = performance.now();
    await layoutDesign(new ELK(), outcome.design, emptyLayout());
    const layoutMs = performance.now() - started;
    const tables = Object.keys(outcome.design.tables).length;
    rows.push(
      `${file.padEnd(20)} ${String(tables).padStart(4)} tables  parse ${ms(t?.parseMs)}  boot ${ms(t?.bootMs)}  execute ${ms(t?.executeMs)}  catalog ${ms(t?.readCatalogMs)}  layout ${ms(layoutMs)}  total ${ms((t?.totalMs ?? 0) + layoutMs)}`,
    );
  }
  console.log(
    [
      'import (Node, PGlite with the contrib extensions each file needs), ms per phase:',
      ...rows,
    ].join('\n'),
  );
}, 600_000);

const ms = (x: number | undefined) => String(Math.round(x ?? 0)).padStart(6);
