import type { Design, Table } from '../../core/model';
import { qualifiedName, quoteIdent } from '../../core/sql/quote';
import type { PgError } from '../protocol';
import type { LabDb, Violations } from './labEngine';

const SHOWN_ROWS = 20;

/**
 * The rows that keep a change from applying, found from Postgres's error: a CHECK they fail
 * (23514), a NOT NULL they have no value for (23502), or a UNIQUE they duplicate (23505).
 * Undefined when the error is of another kind (the message alone says it).
 */
export async function violatingRows(
  db: LabDb,
  before: Design,
  after: Design,
  error: PgError,
): Promise<Violations | undefined> {
  const table =
    tableNamed(after, error.schema, error.table) ?? tableNamed(before, error.schema, error.table);
  if (!table) return undefined;
  const design = after.tables[table.id] ? after : before;
  const name = qualifiedName(design.schemas[table.schemaId]?.name ?? 'public', table.name);
  const existing = before.tables[table.id]?.columns.map((c) => c.name) ?? [];
  const shown = existing.length ? existing.map(quoteIdent).join(', ') : 'ctid';
  const fetch = async (where: string, rule: string): Promise<Violations> => {
    const { rows, fields } = await db.query<Record<string, unknown>>(
      `SELECT ${shown} FROM ${name} WHERE ${where} LIMIT ${SHOWN_ROWS}`,
    );
    const { rows: n } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${name} WHERE ${where}`,
    );
    const columns = fields.map((f) => f.name);
    return {
      table: name,
      rule,
      count: n[0]?.n ?? 0,
      columns,
      rows: rows.map((r) => columns.map((c) => r[c] ?? null)),
    };
  };
  if (error.code === '23514') {
    const check = table.constraints.find((k) => k.kind === 'check' && k.name === error.constraint);
    if (check?.kind !== 'check') return undefined;
    return fetch(`NOT (${check.expression})`, `CHECK (${check.expression})`);
  }
  if (error.code === '23502' && error.column) {
    // A column being added has no rows' values yet: every existing row lacks one.
    const exists = existing.includes(error.column);
    return fetch(
      exists ? `${quoteIdent(error.column)} IS NULL` : 'true',
      `${error.column} IS NOT NULL`,
    );
  }
  if (error.code === '23505') {
    const key = /Key \((.+)\)=/.exec(error.detail ?? '')?.[1];
    if (!key) return undefined;
    return fetch(
      `(${key}) IN (SELECT ${key} FROM ${name} GROUP BY ${key} HAVING count(*) > 1)`,
      `UNIQUE (${key})`,
    );
  }
  return undefined;
}

function tableNamed(
  design: Design,
  schema: string | undefined,
  name: string | undefined,
): Table | undefined {
  if (!name) return undefined;
  return Object.values(design.tables).find(
    (t) => t.name === name && (schema === undefined || design.schemas[t.schemaId]?.name === schema),
  );
}
