import type { Design, Table } from '../model';
import { planColumns } from './columnPlan';
import { insertSql, tableName } from './insertSql';
import { fillOrder, type FkEdge } from './order';
import { tableShape, type TableShape } from './tableShape';
import { typeCatalog } from './typeInfo';
import type { SampleOptions, SamplePlan, SampleStep, SkippedTable } from './types';

/** The most rows per table the studio offers; PGlite in a browser tab holds that comfortably. */
export const MAX_SAMPLE_ROWS = 100_000;

/**
 * Plans sample data for a design: one INSERT ... SELECT ... FROM generate_series per table, parents
 * before children, so that all the work runs inside PostgreSQL. Pure: the SQL is run elsewhere
 * (see `generateSampleData` in src/db/sampleData.ts), where CHECKs the plan could not read are
 * judged by PostgreSQL itself.
 */
export function planSampleData(design: Design, options: SampleOptions): SamplePlan {
  const rows = Math.max(1, Math.min(MAX_SAMPLE_ROWS, Math.floor(options.rowsPerTable)));
  const wanted = new Set(options.tables ?? Object.keys(design.tables));
  const skipped: SkippedTable[] = [];
  const shapes = new Map<string, TableShape>();
  for (const id of wanted) {
    const table = design.tables[id];
    if (!table) continue;
    const parent = table.partitionOf ? design.tables[table.partitionOf.tableId] : undefined;
    if (parent && wanted.has(parent.id)) {
      skipped.push(
        skip(
          design,
          table,
          `A partition of ${tableName(design, parent)}: its rows come through the parent.`,
        ),
      );
      continue;
    }
    shapes.set(id, tableShape(design, table));
  }

  const edges: FkEdge[] = [];
  for (const shape of shapes.values()) {
    for (const fk of shape.foreignKeys) {
      const nullable = fk.columnIds.every(
        (id) => shape.table.columns.find((c) => c.id === id)?.nullable,
      );
      edges.push({ id: fk.id, child: shape.table.id, parent: fk.refTableId, nullable });
    }
  }
  const { order, broken } = fillOrder([...shapes.keys()], edges);
  const catalog = typeCatalog(design);
  const steps: SampleStep[] = [];
  const skippedIds = new Set<string>();
  for (const id of order) {
    const shape = shapes.get(id) as TableShape;
    const table = shape.table;
    const planned = planColumns(shape, catalog, broken);
    if ('skip' in planned) {
      skipped.push(skip(design, table, planned.skip));
      skippedIds.add(id);
      continue;
    }
    const requires = new Set<string>();
    for (const fk of shape.foreignKeys) {
      const used = fk.columnIds.some((c) => planned.fills.get(c)?.kind === 'foreignKey');
      const required = fk.columnIds.every(
        (c) => !table.columns.find((col) => col.id === c)?.nullable,
      );
      if (used && required && fk.refTableId !== id && shapes.has(fk.refTableId))
        requires.add(fk.refTableId);
    }
    const missingParent = [...requires].find((p) => skippedIds.has(p));
    if (missingParent) {
      const parent = design.tables[missingParent] as Table;
      skipped.push(
        skip(design, table, `It needs rows of ${tableName(design, parent)}, which is skipped.`),
      );
      skippedIds.add(id);
      continue;
    }
    steps.push({
      tableId: id,
      table: tableName(design, table),
      sql: insertSql(design, shape, planned.fills, rows, planned.orderedFks),
      rows,
      requires: [...requires],
    });
  }
  return { steps, skipped };
}

function skip(design: Design, table: Table, reason: string): SkippedTable {
  return { tableId: table.id, table: tableName(design, table), reason };
}
