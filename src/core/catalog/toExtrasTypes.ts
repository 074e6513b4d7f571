import { quoteIdent, quoteLiteral } from '../sql/quote';
import { collationName } from '../sql/renderTable';
import {
  commentOn,
  pending,
  sqlNameIn,
  type ExtraContext,
  type PendingExtra,
} from './extraContext';
import type { CollationRow, TypeRow } from './extrasQueries';
import { jsonArray, jsonObject, key } from './values';

/** Domains, composite types and range types, as pg_dump writes them. */
export function typeExtras(ctx: ExtraContext, rows: readonly TypeRow[]): PendingExtra[] {
  const out: PendingExtra[] = [];
  for (const row of rows) {
    const name = sqlNameIn(ctx, row.schema_oid, row.name);
    const keys = [`pg_type:${key(row.oid)}`, `pg_type:${key(row.array_type)}`];
    let sql: string;
    if (row.kind === 'd') sql = domainSql(name, row);
    else if (row.kind === 'c') {
      sql = compositeSql(name, row);
      if (row.relation !== null) keys.push(`pg_class:${key(row.relation)}`);
    } else {
      sql = rangeSql(name, row);
      if (row.multirange !== null) keys.push(`pg_type:${key(row.multirange)}`);
      if (row.multirange_array !== null) keys.push(`pg_type:${key(row.multirange_array)}`);
    }
    const kind = row.kind === 'd' ? 'domain' : 'type';
    out.push(
      pending(ctx, { kind, schemaOid: row.schema_oid, name: row.name, sql, oid: row.oid, keys }),
    );
  }
  return out;
}

interface DomainConstraint {
  name: string;
  definition: string;
  comment: string | null;
}

function domainSql(name: string, row: TypeRow): string {
  let sql = 'CREATE DOMAIN ' + name + ' AS ' + (row.base_type ?? 'text');
  if (row.collation) sql += ' COLLATE ' + collationName(row.collation);
  if (row.default_expr !== null) sql += ' DEFAULT ' + row.default_expr;
  const later: string[] = [];
  const constraints = jsonArray<DomainConstraint>(row.constraints);
  // Before PostgreSQL 17 a domain's NOT NULL has no constraint row and no name: it is written
  // with the name newer servers give it, so a design read from either server says the same.
  if (row.not_null && !constraints.some((c) => c.definition === 'NOT NULL'))
    sql += '\n  CONSTRAINT ' + quoteIdent(`${row.name}_not_null`) + ' NOT NULL';
  for (const constraint of constraints) {
    const clause = 'CONSTRAINT ' + quoteIdent(constraint.name) + ' ';
    // CREATE DOMAIN cannot say NOT VALID: such a check is added afterwards, as pg_dump does.
    if (constraint.definition.endsWith(' NOT VALID')) {
      later.push('ALTER DOMAIN ' + name + ' ADD ' + clause + constraint.definition + ';');
    } else sql += '\n  ' + clause + constraint.definition;
  }
  sql += ';';
  for (const statement of later) sql += '\n' + statement;
  for (const constraint of jsonArray<DomainConstraint>(row.constraints)) {
    sql += commentOn(
      `CONSTRAINT ${quoteIdent(constraint.name)} ON DOMAIN ${name}`,
      constraint.comment,
    );
  }
  return sql + commentOn('DOMAIN ' + name, row.comment);
}

interface Attribute {
  name: string;
  type: string;
  collation: string | null;
  comment: string | null;
}

function compositeSql(name: string, row: TypeRow): string {
  const attributes = jsonArray<Attribute>(row.attributes);
  const lines = attributes.map(
    (a) =>
      '  ' +
      quoteIdent(a.name) +
      ' ' +
      a.type +
      (a.collation ? ' COLLATE ' + collationName(a.collation) : ''),
  );
  let sql =
    'CREATE TYPE ' + name + ' AS (' + (lines.length ? '\n' + lines.join(',\n') + '\n' : '') + ');';
  for (const a of attributes) sql += commentOn(`COLUMN ${name}.${quoteIdent(a.name)}`, a.comment);
  return sql + commentOn('TYPE ' + name, row.comment);
}

interface RangeParts {
  subtype: string;
  opclass: string | null;
  collation: string | null;
  canonical: string | null;
  subtype_diff: string | null;
  multirange_schema: string | null;
  multirange_name: string | null;
}

function rangeSql(name: string, row: TypeRow): string {
  const range = jsonObject<RangeParts>(row.range);
  const options = ['subtype = ' + (range?.subtype ?? 'integer')];
  if (range?.opclass) options.push('subtype_opclass = ' + range.opclass);
  if (range?.collation) options.push('collation = ' + collationName(range.collation));
  if (range?.canonical) options.push('canonical = ' + range.canonical);
  if (range?.subtype_diff) options.push('subtype_diff = ' + range.subtype_diff);
  if (range?.multirange_name) {
    const schema = range.multirange_schema ? quoteIdent(range.multirange_schema) + '.' : '';
    options.push('multirange_type_name = ' + schema + quoteIdent(range.multirange_name));
  }
  const sql = 'CREATE TYPE ' + name + ' AS RANGE (\n  ' + options.join(',\n  ') + '\n);';
  return sql + commentOn('TYPE ' + name, row.comment);
}

interface CollationFields {
  collprovider: string;
  collisdeterministic: boolean;
  collcollate: string | null;
  collctype: string | null;
  colllocale?: string | null;
  colliculocale?: string | null;
  collicurules?: string | null;
}

const PROVIDERS: Record<string, string> = { c: 'libc', i: 'icu', b: 'builtin' };

/** CREATE COLLATION from its pg_collation row, as pg_dump builds it. */
export function collationExtras(ctx: ExtraContext, rows: readonly CollationRow[]): PendingExtra[] {
  return rows.map((row) => {
    const name = sqlNameIn(ctx, row.schema_oid, row.name);
    const c = jsonObject<CollationFields>(row.collation);
    const options: string[] = [];
    const provider = PROVIDERS[c?.collprovider ?? 'c'] ?? 'libc';
    options.push('provider = ' + provider);
    if (c && !c.collisdeterministic) options.push('deterministic = false');
    const locale = c?.colllocale ?? c?.colliculocale ?? null;
    if (provider === 'libc') {
      if (c?.collcollate === c?.collctype)
        options.push('locale = ' + quoteLiteral(c?.collcollate ?? 'C'));
      else {
        options.push('lc_collate = ' + quoteLiteral(c?.collcollate ?? 'C'));
        options.push('lc_ctype = ' + quoteLiteral(c?.collctype ?? 'C'));
      }
    } else options.push('locale = ' + quoteLiteral(locale ?? ''));
    if (c?.collicurules) options.push('rules = ' + quoteLiteral(c.collicurules));
    const sql =
      'CREATE COLLATION ' +
      name +
      ' (' +
      options.join(', ') +
      ');' +
      commentOn('COLLATION ' + name, row.comment);
    return pending(ctx, {
      kind: 'collation',
      schemaOid: row.schema_oid,
      name: row.name,
      sql,
      oid: row.oid,
      keys: [`pg_collation:${key(row.oid)}`],
    });
  });
}
