import { keywordCategory } from '../../sql/keywords';
import { quoteIdent } from '../../sql/quote';
import { renameTable } from '../../ops/tables';
import { updateColumn } from '../../ops/columns';
import type { Design, Table } from '../../model/schema';
import { toSnakeCase } from '../names';
import { PRACTICE } from '../practices';
import type { Finding, Fix, Rule } from '../types';

/** Why the name needs quotes, and how strictly: reserved words always, other keywords in places. */
function explain(what: string, name: string): string {
  const quoted = quoteIdent(name);
  const category = keywordCategory(name);
  if (/^[a-z_][a-z0-9_]*$/.test(name) && category === 'reserved') {
    return `${what} ${name} is a reserved word in PostgreSQL, so every query must write it as ${quoted}.`;
  }
  if (/^[a-z_][a-z0-9_]*$/.test(name) && category) {
    return `${what} ${name} is an SQL keyword: PostgreSQL accepts it bare only in some places, and quote_ident, pg_dump and most tools write it as ${quoted}.`;
  }
  const why = /[A-Z]/.test(name)
    ? 'has upper-case letters'
    : /^[0-9]/.test(name)
      ? 'starts with a digit'
      : 'has characters other than lower-case letters, digits and underscores';
  return `${what} ${name} ${why}, so every query must write it as ${quoted}.`;
}

/**
 * A rename is only offered where nothing kept as raw SQL (views, functions, triggers) mentions
 * the old name: those would break, and the model cannot rewrite them.
 */
function renameFix(
  design: Design,
  table: Table,
  columnId: string | undefined,
  name: string,
): Fix | undefined {
  const snake = toSnakeCase(name);
  if (!snake || snake === name || quoteIdent(snake) !== snake) return undefined;
  const taken = columnId
    ? table.columns.map((c) => c.name)
    : Object.values(design.tables)
        .filter((t) => t.schemaId === table.schemaId)
        .map((t) => t.name);
  if (taken.includes(snake)) return undefined;
  if (design.extras.some((x) => x.sql.includes(name))) return undefined;
  return {
    label: `Rename to ${snake}`,
    apply: (d) =>
      columnId
        ? updateColumn(d, table.id, columnId, { name: snake })
        : renameTable(d, table.id, snake),
  };
}

export const nameNeedsQuoting: Rule = {
  id: 'name-needs-quoting',
  title: 'Name that must be quoted',
  severity: 'warning',
  why: 'PostgreSQL folds unquoted names to lower case, so a name with capitals, a reserved word or other characters must be written in double quotes in every query, forever; forgetting once gives "relation does not exist".',
  practice: PRACTICE.naming,
  check(design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (quoteIdent(table.name) !== table.name && !table.partitionOf) {
        findings.push(
          ctx.finding(
            nameNeedsQuoting,
            table,
            undefined,
            explain('Table name', table.name) + suggest(table.name),
            renameFix(design, table, undefined, table.name),
          ),
        );
      }
      for (const column of table.columns) {
        if (quoteIdent(column.name) === column.name || ctx.inherited(table, column)) continue;
        findings.push(
          ctx.finding(
            nameNeedsQuoting,
            table,
            column,
            explain('Column name', column.name) + suggest(column.name),
            renameFix(design, table, column.id, column.name),
          ),
        );
      }
    }
    return findings;
  },
};

function suggest(name: string): string {
  const snake = toSnakeCase(name);
  return snake && snake !== name && quoteIdent(snake) === snake ? ` Consider ${snake}.` : '';
}
