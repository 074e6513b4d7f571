import { it } from 'vitest';
import type { Column, Constraint, Design, Index, Table } from '../src/core/model';
import { emptyDesign } from '../src/core/model';
import { generateDdl } from '../src/core/sql/generateDdl';

/**
 * generateDdl on synthetic designs of 100, 500 and 1,000 tables (10 columns, a primary key, one or
 * two foreign keys and an index each). Prints median and p95 over 50 runs after a warm-up.
 */

const TYPES = [
  'bigint',
  'text',
  'timestamptz',
  'numeric(12,2)',
  'boolean',
  'jsonb',
  'uuid',
  'integer',
  'text[]',
];

function syntheticDesign(tableCount: number): Design {
  const design = emptyDesign(`bench ${tableCount}`, 'd_bench');
  const tables: Table[] = [];
  for (let t = 0; t < tableCount; t++) {
    const id = `t_${t}`;
    const columns: Column[] = [
      { id: `${id}_c0`, name: 'id', type: 'bigint', nullable: false, identity: 'always' },
    ];
    for (let c = 1; c < 10; c++) {
      columns.push({
        id: `${id}_c${c}`,
        name: c <= 2 ? `parent_${c}_id` : `column_${c}`,
        type: c <= 2 ? 'bigint' : (TYPES[c % TYPES.length] as string),
        nullable: c % 3 !== 0,
        ...(c === 5 ? { default: 'now()', type: 'timestamptz' } : {}),
        ...(c === 7 ? { comment: `Column ${c} of table ${t}` } : {}),
      });
    }
    const constraints: Constraint[] = [
      {
        id: `${id}_pk`,
        name: `table_${t}_pkey`,
        kind: 'primaryKey',
        columnIds: [`${id}_c0`],
        include: [],
      },
    ];
    const fkCount = t === 0 ? 0 : 1 + (t % 2);
    for (let f = 1; f <= fkCount; f++) {
      constraints.push({
        id: `${id}_fk${f}`,
        name: `table_${t}_parent_${f}_fkey`,
        kind: 'foreignKey',
        columnIds: [`${id}_c${f}`],
        refTableId: `t_${(t * 7 + f) % t}`,
        refColumnIds: [`t_${(t * 7 + f) % t}_c0`],
        onDelete: f === 1 ? 'cascade' : 'noAction',
        onUpdate: 'noAction',
        deferrable: 'notDeferrable',
      });
    }
    const indexes: Index[] = [
      {
        id: `${id}_i`,
        name: `table_${t}_parent_idx`,
        unique: false,
        method: 'btree',
        elements: [{ kind: 'column', columnId: `${id}_c1` }],
        include: [],
      },
    ];
    tables.push({
      id,
      schemaId: 's_public',
      name: t % 5 === 0 ? `Table ${t}` : `table_${t}`,
      columns,
      constraints,
      indexes,
      inherits: [],
      storageParameters: [],
    });
  }
  return { ...design, tables: Object.fromEntries(tables.map((t) => [t.id, t])) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

it('generateDdl', () => {
  const lines: string[] = [];
  for (const size of [100, 500, 1000]) {
    const design = syntheticDesign(size);
    for (let i = 0; i < 30; i++) generateDdl(design); // warm up the JIT
    const times: number[] = [];
    let chars = 0;
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      chars = generateDdl(design).text.length;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    lines.push(
      `${String(size).padStart(5)} tables: median ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms (${(chars / 1024).toFixed(0)} KiB of SQL)`,
    );
  }
  console.log('generateDdl, 50 runs each\n' + lines.join('\n'));
});
