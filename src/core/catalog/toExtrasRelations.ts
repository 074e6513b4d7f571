import type { RawColumn } from '../model/extras';
import { quoteIdent } from '../sql/quote';
import {
  commentOn,
  pending,
  sqlNameIn,
  type ExtraContext,
  type PendingExtra,
} from './extraContext';
import type { RelationObjectRow, ViewRow } from './extrasQueries';
import { jsonArray, jsonObject, key } from './values';

/**
 * Views and materialized views (with their columns, for the canvas), and what hangs on a
 * relation: triggers, rules, policies, statistics objects.
 */

interface ViewColumn extends RawColumn {
  comment: string | null;
}

interface ViewIndex {
  name: string;
  definition: string;
  clustered: boolean;
  comment: string | null;
}

export function viewExtras(ctx: ExtraContext, rows: readonly ViewRow[]): PendingExtra[] {
  return rows.map((row) => {
    const name = sqlNameIn(ctx, row.schema_oid, row.name);
    const materialized = row.relkind === 'm';
    const noun = materialized ? 'MATERIALIZED VIEW' : 'VIEW';
    const options = jsonArray<string>(row.options);
    const columns = jsonArray<ViewColumn>(row.columns);
    let sql =
      'CREATE ' +
      noun +
      ' ' +
      name +
      (options.length > 0 ? ' WITH (' + options.join(', ') + ')' : '') +
      ' AS\n' +
      row.definition.trim().replace(/;$/, '') +
      ';';
    for (const index of jsonArray<ViewIndex>(row.indexes)) {
      sql += '\n' + index.definition + ';';
      sql += commentOn('INDEX ' + sqlNameIn(ctx, row.schema_oid, index.name), index.comment);
      if (index.clustered) sql += `\nALTER ${noun} ${name} CLUSTER ON ${quoteIdent(index.name)};`;
    }
    sql += commentOn(noun + ' ' + name, row.comment);
    for (const column of columns)
      sql += commentOn(`COLUMN ${name}.${quoteIdent(column.name)}`, column.comment);
    const made = pending(ctx, {
      kind: materialized ? 'materializedView' : 'view',
      schemaOid: row.schema_oid,
      name: row.name,
      sql,
      oid: row.oid,
      keys: [
        `pg_class:${key(row.oid)}`,
        `pg_type:${key(row.row_type)}`,
        `pg_type:${key(row.row_array_type)}`,
      ],
    });
    made.extra.columns = columns.map((c) => ({ name: c.name, type: c.type }));
    ctx.relations.set(key(row.oid), {
      id: made.extra.id,
      name: row.name,
      sqlName: name,
      isTable: false,
    });
    return made;
  });
}

const ENABLE: Record<string, string> = { D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' };

export function triggerExtras(
  ctx: ExtraContext,
  rows: readonly RelationObjectRow[],
): PendingExtra[] {
  return onRelations(ctx, rows, 'trigger', (row, relation) => {
    let sql = (row.definition ?? '').trimEnd() + ';';
    const enable = ENABLE[row.enabled ?? 'O'];
    if (enable) sql += `\nALTER TABLE ${relation} ${enable} TRIGGER ${quoteIdent(row.name)};`;
    return sql + commentOn(`TRIGGER ${quoteIdent(row.name)} ON ${relation}`, row.comment);
  });
}

export function ruleExtras(ctx: ExtraContext, rows: readonly RelationObjectRow[]): PendingExtra[] {
  return onRelations(ctx, rows, 'rule', (row, relation) => {
    let sql = (row.definition ?? '').trimEnd();
    if (!sql.endsWith(';')) sql += ';';
    const enable = ENABLE[row.enabled ?? 'O'];
    if (enable) sql += `\nALTER TABLE ${relation} ${enable} RULE ${quoteIdent(row.name)};`;
    return sql + commentOn(`RULE ${quoteIdent(row.name)} ON ${relation}`, row.comment);
  });
}

interface PolicyParts {
  command: string;
  permissive: boolean;
  roles: string[] | null;
  using: string | null;
  with_check: string | null;
}

const COMMANDS: Record<string, string> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };

export function policyExtras(
  ctx: ExtraContext,
  rows: readonly RelationObjectRow[],
): PendingExtra[] {
  return onRelations(ctx, rows, 'policy', (row, relation) => {
    const p = jsonObject<PolicyParts>(row.policy);
    let sql = 'CREATE POLICY ' + quoteIdent(row.name) + ' ON ' + relation;
    if (p && !p.permissive) sql += ' AS RESTRICTIVE';
    const command = COMMANDS[p?.command ?? '*'];
    if (command) sql += ' FOR ' + command;
    const roles = p?.roles ?? [];
    if (roles.length > 0 && !(roles.length === 1 && roles[0] === 'PUBLIC'))
      sql += ' TO ' + roles.join(', ');
    if (p?.using) sql += ' USING (' + p.using + ')';
    if (p?.with_check) sql += ' WITH CHECK (' + p.with_check + ')';
    return sql + ';' + commentOn(`POLICY ${quoteIdent(row.name)} ON ${relation}`, row.comment);
  });
}

export function statisticsExtras(
  ctx: ExtraContext,
  rows: readonly RelationObjectRow[],
): PendingExtra[] {
  return onRelations(ctx, rows, 'statistics', (row) => {
    const sql = (row.definition ?? '').trimEnd() + ';';
    return (
      sql + (row.qualified_name ? commentOn('STATISTICS ' + row.qualified_name, row.comment) : '')
    );
  });
}

/**
 * Objects on a relation the design knows (a table or a view). Those on other relations (a
 * foreign table, a relation of an extension) are left out with a note.
 */
function onRelations(
  ctx: ExtraContext,
  rows: readonly RelationObjectRow[],
  kind: 'trigger' | 'rule' | 'policy' | 'statistics',
  render: (row: RelationObjectRow, relation: string) => string,
): PendingExtra[] {
  const out: PendingExtra[] = [];
  const catalog = {
    trigger: 'pg_trigger',
    rule: 'pg_rewrite',
    policy: 'pg_policy',
    statistics: 'pg_statistic_ext',
  }[kind];
  for (const row of rows) {
    const relation = ctx.relations.get(key(row.relation_oid));
    if (!relation) {
      ctx.note(
        `The ${kind} "${row.name}" is on a relation the design does not include; it is left out.`,
      );
      continue;
    }
    out.push(
      pending(ctx, {
        kind,
        name: row.name,
        scope: relation.sqlName,
        sql: render(row, relation.sqlName),
        oid: row.oid,
        keys: [`${catalog}:${key(row.oid)}`],
        ...(relation.isTable ? { tableId: relation.id } : {}),
        dependsOn: [relation.id],
      }),
    );
  }
  return out;
}
