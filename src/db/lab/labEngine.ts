import { planMigration } from '../../core/diff';
import type { Design, Table } from '../../core/model';
import { err, ok, type Result } from '../../core/result';
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
  query<T>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; fields: { name: string; dataTypeID: number }[] }>;
  close(): Promise<void>;
  /** Waits until what was written is in durable storage (kept databases write it there lazily). */
  flush?(): Promise<void>;
}

/**
 * The playground database of a design (with the extensions its DDL creates): the one kept for
 * `design.id` when there is one, an empty one when `fresh` (what was kept is discarded first).
 * `kept` says whether it outlives the page (false: in memory only, e.g. storage refused or the
 * design's playground open in another tab).
 */
export type CreateLabDb = (
  design: Design,
  options: { fresh: boolean },
) => Promise<{ db: LabDb; kept: boolean }>;

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

/** The grid's order: by a column, as Postgres orders its type (numbers as numbers). */
export interface RowOrder {
  column: string;
  descending?: boolean;
}

export interface TableRows {
  columns: string[];
  /** `ctid` first (the row's address, for edits), then the table's columns. */
  rows: { ctid: string; values: unknown[] }[];
  total: number;
}

/** A row written, or Postgres's refusal with all its fields (constraint, detail) to show on the row. */
export type RowResult = Result<void, PgError>;

/**
 * Where the database keeps the design its tables were built for, beside the rows, so a reload
 * migrates from that design to the current one. Written in the same transaction as the tables.
 */
const META = '"_tablewright_lab"."synced_design"';

/**
 * The constraint playground's database: the design's tables with sample rows, kept apart from the
 * database that checks the design. A schema change is applied to it as a migration (simple mode),
 * so the rows survive; a change the rows break is refused with the rows that break it. The
 * database is one per design (by id) and may be kept across reloads (see `CreateLabDb`): it
 * remembers the design it holds, and the next sync migrates from there.
 */
export class LabEngine {
  private db: LabDb | undefined;
  /** The id of the design whose database is open. */
  private openId: string | undefined;
  /** The design the tables were built for (undefined: none built yet). */
  private design: Design | undefined;
  private keptDb = false;

  constructor(private readonly createDb: CreateLabDb) {}

  /** Whether the open database outlives the page. */
  get kept(): boolean {
    return this.keptDb;
  }

  async sync(design: Design): Promise<SyncOutcome> {
    await this.open(design);
    if (!this.db || !this.design) return this.build(design);
    if (this.design === design) return { kind: 'unchanged' };
    let up: { sql: string }[];
    try {
      up = planMigration(this.design, design, { mode: 'simple' }).up;
    } catch {
      // The kept design cannot be compared with this one (written by another version): start over.
      return this.rebuild(design);
    }
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
        const violations = await violatingRows(this.db, this.design, design, error).catch(
          () => undefined,
        );
        return { kind: 'blocked', error, sql: step.sql, ...(violations ? { violations } : {}) };
      }
    }
    await this.remember(this.db, design);
    await this.db.exec('COMMIT');
    this.design = design;
    return { kind: 'migrated', steps: up.length };
  }

  /** Empty tables again, from the design's DDL (what was kept for the design is discarded). */
  async rebuild(design: Design): Promise<SyncOutcome> {
    await this.close();
    const { db, kept } = await this.createDb(design, { fresh: true });
    this.db = db;
    this.openId = design.id;
    this.keptDb = kept;
    return this.build(design);
  }

  private async build(design: Design): Promise<SyncOutcome> {
    const db = this.db!;
    await db.exec('SET client_min_messages = warning');
    // Tables and the design they were built for in one transaction: a kept database never holds
    // tables without knowing their design, and a DDL that fails leaves nothing behind.
    await db.exec('BEGIN');
    try {
      await db.exec(generateDdl(design).text);
      await db.exec(
        `CREATE SCHEMA "_tablewright_lab"; CREATE TABLE ${META} (design jsonb NOT NULL)`,
      );
      await this.remember(db, design);
    } catch (thrown) {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw thrown;
    }
    await db.exec('COMMIT');
    this.design = design;
    return { kind: 'built' };
  }

  /** Opens the design's database when another (or none) is open, and reads what it holds. */
  private async open(design: Design): Promise<void> {
    if (this.db && this.openId === design.id) return;
    await this.close();
    const { db, kept } = await this.createDb(design, { fresh: false });
    await db.exec('SET client_min_messages = warning');
    this.db = db;
    this.openId = design.id;
    this.keptDb = kept;
    this.design = await this.recall(db);
  }

  private async remember(db: LabDb, design: Design): Promise<void> {
    await db.query(`DELETE FROM ${META}`);
    await db.query(`INSERT INTO ${META} (design) VALUES ($1::jsonb)`, [JSON.stringify(design)]);
  }

  private async recall(db: LabDb): Promise<Design | undefined> {
    const { rows: found } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class WHERE oid = to_regclass('${META.replace(/'/g, "''")}')`,
    );
    if (!found[0]?.n) return undefined;
    const { rows } = await db.query<{ design: unknown }>(`SELECT design FROM ${META} LIMIT 1`);
    const design = rows[0]?.design;
    return isDesignLike(design) ? design : undefined;
  }

  async generate(
    design: Design,
    rowsPerTable: number,
    onProgress: SampleProgress,
  ): Promise<SampleDataResult> {
    const db = await this.ready(design);
    return generateSampleData(db, design, { rowsPerTable }, onProgress);
  }

  /** The first `limit` rows, in `order` when given (Postgres orders: numbers as numbers), else as stored. */
  async rows(tableId: string, limit: number, order?: RowOrder): Promise<TableRows> {
    const { db, table, name } = await this.table(tableId);
    const cols = table.columns.map((c) => c.name);
    const list = cols.map(quoteIdent).join(', ');
    const by =
      order && cols.includes(order.column)
        ? `${quoteIdent(order.column)} ${order.descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST'}, ctid`
        : 'ctid';
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT ctid::text AS "ctid", ${list || 'NULL'} FROM ${name} ORDER BY ${by} LIMIT ${Math.max(1, Math.floor(limit))}`,
    );
    const { rows: count } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
    return {
      columns: cols,
      rows: rows.map((r) => ({ ctid: String(r.ctid), values: cols.map((c) => r[c] ?? null) })),
      total: count[0]?.n ?? 0,
    };
  }

  /** Inserts a row; absent columns take their defaults. Values are text, cast by Postgres. */
  insertRow(tableId: string, values: Record<string, string | null>): Promise<RowResult> {
    return this.attempt(tableId, (name) => {
      const cols = Object.keys(values);
      if (cols.length === 0) return [`INSERT INTO ${name} DEFAULT VALUES`, []];
      return [
        `INSERT INTO ${name} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
        cols.map((c) => values[c]),
      ];
    });
  }

  updateCell(
    tableId: string,
    ctid: string,
    column: string,
    value: string | null,
  ): Promise<RowResult> {
    return this.attempt(tableId, (name) => [
      `UPDATE ${name} SET ${quoteIdent(column)} = $1 WHERE ctid = $2::tid`,
      [value, ctid],
    ]);
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
  async tryIndex(
    design: Design,
    sql: string,
    advice: Pick<IndexAdvice, 'createSql' | 'table'>,
  ): Promise<IndexTrial> {
    return tryIndex(await this.ready(design), sql, advice);
  }

  /** Makes the rows as they are now survive a reload (a no-op for databases that are not kept). */
  async flush(): Promise<void> {
    await this.db?.flush?.();
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    this.openId = undefined;
    this.design = undefined;
    this.keptDb = false;
    await db?.close().catch(() => undefined);
  }

  private async ready(design: Design): Promise<LabDb> {
    if (!this.db || this.openId !== design.id || this.design !== design) {
      const outcome = await this.sync(design);
      if (outcome.kind === 'blocked')
        throw new Error(`The sample data does not fit the design: ${outcome.error.message}`);
    }
    return this.db!;
  }

  private async table(tableId: string): Promise<{ db: LabDb; table: Table; name: string }> {
    const table = this.design?.tables[tableId];
    if (!this.db || !this.design || !table) throw new Error('That table is not in the playground.');
    const schema = this.design.schemas[table.schemaId]?.name ?? 'public';
    return { db: this.db, table, name: qualifiedName(schema, table.name) };
  }

  private async attempt(
    tableId: string,
    build: (name: string) => [string, unknown[]],
  ): Promise<RowResult> {
    const { db, name } = await this.table(tableId);
    const [sql, params] = build(name);
    try {
      await db.query(sql, params);
      return ok(undefined);
    } catch (thrown) {
      return err(toPgError(thrown));
    }
  }
}

/** Enough of a design to plan a migration from; anything else is not what this engine wrote. */
function isDesignLike(value: unknown): value is Design {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<Record<keyof Design, unknown>>;
  return (
    typeof d.id === 'string' &&
    typeof d.tables === 'object' &&
    d.tables !== null &&
    typeof d.schemas === 'object' &&
    d.schemas !== null
  );
}
