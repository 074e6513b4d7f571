import { planMigration } from '../../core/diff';
import type { Design, Table } from '../../core/model';
import { qualifiedName, quoteIdent } from '../../core/sql/quote';
import { generateDdl } from '../../core/sql';
import { toPgError } from '../pgError';
import type { PgError } from '../protocol';
import { generateSampleData, type SampleDataResult, type SampleProgress } from '../sampleData';
import { violatingRows } from './violations';
import { runExplain, tryIndex, type IndexTrial } from '../explainLab';
import type { IndexAdvice, PlanNode } from '../../core/explain';

/** A database the lab owns: PGlite in the worker, or in Node tests. */
export interface LabDb {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; fields: { name: string; dataTypeID: number }[] }>;
  close(): Promise<void>;
}

/** A fresh database for a design (with the extensions its DDL creates). */
export type CreateLabDb = (design: Design) => Promise<LabDb>;

/** Rows a change would break, for the person to see before deciding. */
export interface Violations {
  table: string;
  /** What was checked, e.g. `CHECK (price > 0)` or `total IS NOT NULL`. */
  rule: string;
  count: number;
  columns: string[];
  rows: unknown[][];
}

export type SyncOutcome =
  | { kind: 'built' | 'unchanged' }
  | { kind: 'migrated'; steps: number }
  /** The change cannot be applied to the data there: nothing was changed. */
  | { kind: 'blocked'; error: PgError; sql: string; violations?: Violations };

export interface TableRows {
  columns: string[];
  /** `ctid` first (the row's address, for edits), then the table's columns. */
  rows: { ctid: string; values: unknown[] }[];
  total: number;
}

export type RowResult = { ok: true } | { ok: false; error: PgError };

/**
 * The constraint playground's database: the design's tables with sample rows, kept apart from the
 * database that checks the design. A schema change is applied to it as a migration (simple mode),
 * so the rows survive; a change the rows break is refused with the rows that break it.
 */
export class LabEngine {
  private db: LabDb | undefined;
  private design: Design | undefined;

  constructor(private readonly createDb: CreateLabDb) {}

  async sync(design: Design): Promise<SyncOutcome> {
    if (!this.db || !this.design) return this.rebuild(design);
    if (this.design === design) return { kind: 'unchanged' };
    const { up } = planMigration(this.design, design, { mode: 'simple' });
    if (up.length === 0) {
      this.design = design;
      return { kind: 'unchanged' };
    }
    await this.db.exec('BEGIN');
    for (const step of up) {
      try {
        await this.db.exec(step.sql);
      } catch (thrown) {
        await this.db.exec('ROLLBACK');
        const error = toPgError(thrown);
        const violations = await violatingRows(this.db, this.design, design, error).catch(() => undefined);
        return { kind: 'blocked', error, sql: step.sql, ...(violations ? { violations } : {}) };
      }
    }
    await this.db.exec('COMMIT');
    this.design = design;
    return { kind: 'migrated', steps: up.length };
  }

  /** Empty tables again, from the design's DDL. */
  async rebuild(design: Design): Promise<SyncOutcome> {
    await this.db?.close().catch(() => undefined);
    this.db = undefined;
    const db = await this.createDb(design);
    await db.exec('SET client_min_messages = warning');
    await db.exec(generateDdl(design).text);
    this.db = db;
    this.design = design;
    return { kind: 'built' };
  }

  async generate(design: Design, rowsPerTable: number, onProgress: SampleProgress): Promise<SampleDataResult> {
    const db = await this.ready(design);
    return generateSampleData(db, design, { rowsPerTable }, onProgress);
  }

  async rows(tableId: string, limit: number): Promise<TableRows> {
    const { db, table, name } = await this.table(tableId);
    const cols = table.columns.map((c) => c.name);
    const list = cols.map(quoteIdent).join(', ');
    const { rows } = await db.query<Record<string, unknown>>(`SELECT ctid::text AS "ctid", ${list || 'NULL'} FROM ${name} ORDER BY ctid LIMIT ${Math.max(1, Math.floor(limit))}`);
    const { rows: count } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
    return { columns: cols, rows: rows.map((r) => ({ ctid: String(r.ctid), values: cols.map((c) => r[c] ?? null) })), total: count[0]?.n ?? 0 };
  }

  /** Inserts a row; absent columns take their defaults. Values are text, cast by Postgres. */
  insertRow(tableId: string, values: Record<string, string | null>): Promise<RowResult> {
    return this.attempt(tableId, (name) => {
      const cols = Object.keys(values);
      if (cols.length === 0) return [`INSERT INTO ${name} DEFAULT VALUES`, []];
      return [`INSERT INTO ${name} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((c) => values[c])];
    });
  }

  updateCell(tableId: string, ctid: string, column: string, value: string | null): Promise<RowResult> {
    return this.attempt(tableId, (name) => [`UPDATE ${name} SET ${quoteIdent(column)} = $1 WHERE ctid = $2::tid`, [value, ctid]]);
  }

  deleteRow(tableId: string, ctid: string): Promise<RowResult> {
    return this.attempt(tableId, (name) => [`DELETE FROM ${name} WHERE ctid = $1::tid`, [ctid]]);
  }

  /** Any SQL against the lab database (the EXPLAIN lab, the console of the playground). */
  async query<T>(design: Design, sql: string, params?: unknown[]) {
    const db = await this.ready(design);
    return db.query<T>(sql, params);
  }

  /** EXPLAIN ANALYZE of a query, rolled back (an UPDATE under study changes nothing). */
  async explain(design: Design, sql: string): Promise<PlanNode> {
    return runExplain(await this.ready(design), sql);
  }

  /** The plan without and with an index, which is dropped again (Keep adds it to the design). */
  async tryIndex(design: Design, sql: string, advice: Pick<IndexAdvice, 'createSql' | 'table'>): Promise<IndexTrial> {
    return tryIndex(await this.ready(design), sql, advice);
  }

  async close(): Promise<void> {
    await this.db?.close();
    this.db = undefined;
    this.design = undefined;
  }

  private async ready(design: Design): Promise<LabDb> {
    if (!this.db || this.design !== design) {
      const outcome = await this.sync(design);
      if (outcome.kind === 'blocked') throw new Error(`The sample data does not fit the design: ${outcome.error.message}`);
    }
    return this.db!;
  }

  private async table(tableId: string): Promise<{ db: LabDb; table: Table; name: string }> {
    const table = this.design?.tables[tableId];
    if (!this.db || !this.design || !table) throw new Error('That table is not in the playground.');
    const schema = this.design.schemas[table.schemaId]?.name ?? 'public';
    return { db: this.db, table, name: qualifiedName(schema, table.name) };
  }

  private async attempt(tableId: string, build: (name: string) => [string, unknown[]]): Promise<RowResult> {
    const { db, name } = await this.table(tableId);
    const [sql, params] = build(name);
    try {
      await db.query(sql, params);
      return { ok: true };
    } catch (thrown) {
      return { ok: false, error: toPgError(thrown) };
    }
  }
}
