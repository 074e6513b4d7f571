import { describe, names, noteUnread, text, truthy, type Emit } from './railsSchemaEmit';
import { defaultIndexName } from './railsSchemaNames';
import type { RubyCall, RubyValue } from './railsSchemaRuby';
import { qualifiedName, quoteIdent, quoteLiteral } from './railsSchemaTypes';

const READ = [
  'name',
  'unique',
  'where',
  'using',
  'opclass',
  'order',
  'include',
  'nulls_not_distinct',
  'comment',
];
// How the index is built, not what it is; MySQL's kinds of index.
const IGNORED = ['algorithm', 'if_not_exists', 'length', 'type'];
const ORDER = /^(asc|desc)?(\s+nulls\s+(first|last))?$/i;

/**
 * `t.index ["a", "b"], unique: true, where: "…", using: :gin, opclass: …, order: …` (or
 * `add_index "table", …`) as CREATE INDEX. A string with anything but letters, digits and _ is an
 * expression, as Rails reads it (`t.index "lower((email)::text)"`): it goes into the parentheses
 * as it is, opclasses and order included.
 */
export function indexSql(
  emit: Emit,
  call: RubyCall,
  table: string,
  columnsArg: RubyValue | undefined,
) {
  const columnText = text(columnsArg);
  const expression = columnText !== undefined && /\W/.test(columnText) ? columnText : undefined;
  const columns = expression === undefined ? names(columnsArg) : undefined;
  if (expression === undefined && !columns?.length) {
    emit.note(call.line, `${describe(call)}: the index's columns could not be read; left out`);
    return;
  }
  noteUnread(emit, call, READ, IGNORED);
  for (const mysql of ['length', 'type'])
    if (call.options.has(mysql))
      emit.note(
        call.line,
        `${describe(call)}: ${mysql}: is MySQL's; PostgreSQL has no such index option`,
      );

  const name = text(call.options.get('name')) ?? defaultIndexName(table, expression ?? columns!);
  let elements: string;
  if (expression !== undefined) elements = expression;
  else {
    const opclass = perColumn(emit, call, 'opclass', columns!);
    const order = perColumn(emit, call, 'order', columns!);
    elements = columns!
      .map((c) => {
        let element = quoteIdent(c);
        const ops = opclass.get(c);
        if (ops) element += ' ' + (/^[a-z_][a-z0-9_.]*$/i.test(ops) ? ops : quoteIdent(ops));
        const direction = order.get(c);
        if (direction) {
          if (ORDER.test(direction.trim())) element += ' ' + direction.trim().toUpperCase();
          else
            emit.note(
              call.line,
              `${describe(call)}: order "${direction}" for ${c} is not ASC/DESC [NULLS FIRST/LAST]; left out`,
            );
        }
        return element;
      })
      .join(', ');
  }
  const using = text(call.options.get('using'));
  const include = names(call.options.get('include'));
  const where = text(call.options.get('where'));
  let sql = `CREATE ${truthy(call.options.get('unique')) ? 'UNIQUE ' : ''}INDEX ${quoteIdent(name)} ON ${qualifiedName(table)}`;
  if (using && using.toLowerCase() !== 'btree') sql += ` USING ${quoteIdent(using.toLowerCase())}`;
  sql += ` (${elements})`;
  if (include?.length) sql += ` INCLUDE (${include.map(quoteIdent).join(', ')})`;
  if (truthy(call.options.get('nulls_not_distinct'))) sql += ' NULLS NOT DISTINCT';
  if (where) sql += ` WHERE ${where}`;
  emit.statement(sql, call.line);
  const comment = text(call.options.get('comment'));
  if (comment !== undefined)
    emit.statement(
      `COMMENT ON INDEX ${schemaOf(table)}${quoteIdent(name)} IS ${quoteLiteral(comment)}`,
      call.line,
    );
}

/** `opclass: :gin_trgm_ops` (every column) or `opclass: { name: :gin_trgm_ops }` (by column). */
function perColumn(
  emit: Emit,
  call: RubyCall,
  option: string,
  columns: string[],
): Map<string, string> {
  const value = call.options.get(option);
  const out = new Map<string, string>();
  if (value === undefined) return out;
  const all = text(value);
  if (all !== undefined) {
    for (const c of columns) out.set(c, all);
    return out;
  }
  if (value.kind === 'hash') {
    for (const entry of value.entries) {
      const column = text(entry.key);
      const setting = text(entry.value);
      if (column !== undefined && setting !== undefined) out.set(column, setting);
      else
        emit.note(call.line, `${describe(call)}: a ${option}: entry could not be read; left out`);
    }
    return out;
  }
  emit.note(call.line, `${describe(call)}: ${option}: could not be read; left out`);
  return out;
}

/** An index lives in its table's schema: `COMMENT ON INDEX "schema"."name"`. */
function schemaOf(table: string): string {
  const dot = table.indexOf('.');
  return dot > 0 ? quoteIdent(table.slice(0, dot)) + '.' : '';
}
