import { describe, names, noteUnread, text, truthy, type Emit } from './railsSchemaEmit';
import { indexSql } from './railsSchemaIndex';
import type { RubyCall, RubyValue } from './railsSchemaRuby';
import {
  columnTypeSql,
  defaultSql,
  qualifiedName,
  quoteIdent,
  quoteLiteral,
} from './railsSchemaTypes';

const TABLE_OPTIONS = ['id', 'primary_key', 'default', 'limit', 'comment', 'options'];
// How the table is (re)created when Rails loads the file, not what it is.
const TABLE_IGNORED = ['force', 'if_not_exists', 'temporary'];
const COLUMN_OPTIONS = [
  'limit',
  'null',
  'default',
  'precision',
  'scale',
  'array',
  'comment',
  'collation',
  'enum_type',
  'primary_key',
];
const COLUMN_IGNORED = ['if_not_exists'];

interface Table {
  name: string;
  qualified: string;
  /** Column and constraint definitions, each with the schema.rb line it comes from. */
  columns: { sql: string; line: number }[];
  constraints: { sql: string; line: number }[];
  primaryKey: string[];
  /** Statements that need the table: indexes, comments, NOT VALID checks. */
  later: (() => void)[];
}

/**
 * `create_table "name", id: …, primary_key: …, comment: … do |t| … end` as CREATE TABLE, then its
 * indexes and comments. A line inside it that cannot be read is noted and the table goes on.
 */
export function createTableSql(emit: Emit, call: RubyCall) {
  const name = text(call.args[0]);
  if (name === undefined) {
    emit.note(call.line, 'create_table without a table name; left out');
    return;
  }
  noteUnread(emit, call, TABLE_OPTIONS, TABLE_IGNORED);
  const table: Table = {
    name,
    qualified: qualifiedName(name),
    columns: [],
    constraints: [],
    primaryKey: [],
    later: [],
  };
  idColumn(emit, call, table);
  const param = call.block?.params[0];
  for (const statement of call.block?.body ?? []) {
    if (statement.kind === 'error') {
      emit.note(
        statement.line,
        `in create_table "${name}", a line could not be read (${statement.message}); left out`,
      );
      continue;
    }
    const c = statement.call;
    if (c.receiver !== param || c.block) {
      emit.note(
        c.line,
        `in create_table "${name}", ${describe(c)} is not something the schema dumper writes; left out`,
      );
      continue;
    }
    bodyCall(emit, c, table);
  }
  if (table.primaryKey.length)
    table.constraints.unshift({
      sql: `PRIMARY KEY (${table.primaryKey.map(quoteIdent).join(', ')})`,
      line: call.line,
    });
  const parts = [...table.columns, ...table.constraints];
  let sql = `CREATE TABLE ${table.qualified} (${parts.length ? '\n  ' + parts.map((p) => p.sql).join(',\n  ') + '\n' : ''})`;
  // A failure in a column points at the column's line in the schema.rb.
  const lines = [
    call.line,
    ...parts.flatMap((p) => p.sql.split('\n').map(() => p.line)),
    call.line,
  ];
  const options = text(call.options.get('options'));
  if (options !== undefined) {
    if (/\bENGINE\s*=|\bCHARSET\b/i.test(options))
      emit.note(call.line, `create_table "${name}": options: "${options}" are MySQL's; left out`);
    else sql += ' ' + options;
  }
  emit.statement(sql, call.line, lines);
  const comment = text(call.options.get('comment'));
  if (comment !== undefined)
    emit.statement(`COMMENT ON TABLE ${table.qualified} IS ${quoteLiteral(comment)}`, call.line);
  emit.tableColumns.set(
    name,
    new Set(
      parts.flatMap((p) => /^"((?:[^"]|"")+)" /.exec(p.sql)?.[1]?.replaceAll('""', '"') ?? []),
    ),
  );
  for (const then of table.later) then();
}

/** The key column `create_table` adds unless `id: false` (or a composite `primary_key: [...]`). */
function idColumn(emit: Emit, call: RubyCall, table: Table) {
  const id = call.options.get('id');
  const key = call.options.get('primary_key');
  const keyNames = names(key);
  if (key?.kind === 'array') {
    if (keyNames) table.primaryKey.push(...keyNames);
    else
      emit.note(
        call.line,
        `create_table "${table.name}": primary_key: could not be read; left out`,
      );
    return;
  }
  if (id?.kind === 'boolean' && !id.value) return;
  const column = keyNames?.[0] ?? 'id';
  const type = id === undefined || id.kind === 'boolean' ? undefined : text(id);
  const given = call.options.get('default');
  // Without a default: Rails makes integer keys serial and uuid keys gen_random_uuid().
  let sql: string;
  let fallbackDefault: string | undefined;
  if (type === undefined) sql = emit.serialIds ? 'serial' : 'bigserial';
  else if (type === 'integer' || type === 'serial' || type === 'primary_key')
    sql = given ? 'integer' : 'serial';
  else if (type === 'bigint' || type === 'bigserial') sql = given ? 'bigint' : 'bigserial';
  else {
    const typed = columnTypeSql(
      type,
      (o) => (o === 'limit' ? call.options.get('limit') : undefined),
      emit.context,
    );
    if ('error' in typed) {
      emit.note(
        call.line,
        `create_table "${table.name}": id: ${typed.error}; the key column is left out`,
      );
      return;
    }
    sql = typed.sql;
    if (type === 'uuid') fallbackDefault = 'gen_random_uuid()';
  }
  if (given) {
    const value = defaultSql(given, type ?? 'bigint', false);
    if ('error' in value)
      emit.note(call.line, `create_table "${table.name}": default: ${value.error}; left out`);
    else if (value.sql !== undefined) sql += ` DEFAULT ${value.sql}`;
  } else if (fallbackDefault) sql += ` DEFAULT ${fallbackDefault}`;
  table.columns.push({ sql: `${quoteIdent(column)} ${sql} NOT NULL`, line: call.line });
  table.primaryKey.push(column);
}

function bodyCall(emit: Emit, c: RubyCall, table: Table) {
  const where = `create_table "${table.name}"`;
  switch (c.method) {
    case 'index':
      table.later.push(() => indexSql(emit, c, table.name, c.args[0]));
      return;
    case 'check_constraint':
    case 'exclusion_constraint':
    case 'unique_constraint':
      return constraint(emit, c, table);
    case 'timestamps': {
      for (const column of ['created_at', 'updated_at'])
        addColumn(emit, c, table, column, 'datetime', (o) =>
          o === 'null' && !c.options.has('null')
            ? { kind: 'boolean', value: false }
            : c.options.get(o),
        );
      return;
    }
    case 'primary_key': {
      const name = text(c.args[0]);
      const type = text(c.args[1]) ?? text(c.options.get('type')) ?? 'bigserial';
      if (name === undefined) break;
      addColumn(
        emit,
        c,
        table,
        name,
        type === 'bigint' ? 'bigserial' : type === 'integer' ? 'serial' : type,
        (o) => c.options.get(o),
      );
      table.primaryKey.push(name);
      return;
    }
    case 'references':
    case 'belongs_to':
      emit.note(
        c.line,
        `${where}: t.${c.method} is written by hand, not by Rails' schema dumper; write its column (t.bigint "${text(c.args[0]) ?? 'x'}_id"), index and add_foreign_key instead; left out`,
      );
      return;
    case 'column': {
      const name = text(c.args[0]);
      const type = text(c.args[1]);
      if (name === undefined || type === undefined) break;
      addColumn(emit, c, table, name, type, (o) => c.options.get(o));
      return;
    }
    default: {
      const columns = c.args.map(text);
      if (!columns.length || columns.some((n) => n === undefined)) break;
      for (const name of columns)
        addColumn(emit, c, table, name!, c.method, (o) => c.options.get(o));
      return;
    }
  }
  emit.note(c.line, `${where}: t.${c.method} could not be read; left out`);
}

function addColumn(
  emit: Emit,
  c: RubyCall,
  table: Table,
  name: string,
  railsType: string,
  option: (name: string) => RubyValue | undefined,
) {
  const where = `create_table "${table.name}", column "${name}"`;
  const virtual = railsType === 'virtual';
  const type = virtual ? text(option('type')) : railsType;
  if (type === undefined) {
    emit.note(c.line, `${where}: a virtual column without type:; left out`);
    return;
  }
  noteUnread(
    emit,
    c,
    virtual ? [...COLUMN_OPTIONS, 'type', 'as', 'stored'] : COLUMN_OPTIONS,
    COLUMN_IGNORED,
  );
  const typed = columnTypeSql(type, option, emit.context);
  if ('error' in typed) {
    emit.note(c.line, `${where}: ${typed.error}; left out`);
    return;
  }
  if (!typed.known)
    emit.note(
      c.line,
      `${where}: t.${type} is not a type Rails has for PostgreSQL; written as ${typed.sql} for PostgreSQL to judge`,
    );
  const array = truthy(option('array'));
  let sql = `${quoteIdent(name)} ${typed.sql}${array ? '[]' : ''}`;
  const collation = text(option('collation'));
  if (collation !== undefined) sql += ` COLLATE ${quoteIdent(collation)}`;
  if (virtual) {
    const expression = text(option('as'));
    if (expression === undefined) {
      emit.note(c.line, `${where}: a virtual column without as: (its expression); left out`);
      return;
    }
    sql += ` GENERATED ALWAYS AS (${expression}) ${truthy(option('stored')) ? 'STORED' : 'VIRTUAL'}`;
  }
  const given = option('default');
  if (given !== undefined) {
    const value = defaultSql(given, type, array);
    if ('error' in value) emit.note(c.line, `${where}: default: ${value.error}; left out`);
    else if (value.sql !== undefined) sql += ` DEFAULT ${value.sql}`;
  }
  const nullable = option('null');
  if (nullable?.kind === 'boolean' && !nullable.value) sql += ' NOT NULL';
  table.columns.push({ sql, line: c.line });
  if (truthy(option('primary_key'))) table.primaryKey.push(name);
  const comment = text(option('comment'));
  if (comment !== undefined)
    table.later.push(() =>
      emit.statement(
        `COMMENT ON COLUMN ${table.qualified}.${quoteIdent(name)} IS ${quoteLiteral(comment)}`,
        c.line,
      ),
    );
}

/** `t.check_constraint`, `t.unique_constraint`, `t.exclusion_constraint` (Rails 6.1, 7.1). */
function constraint(emit: Emit, c: RubyCall, table: Table) {
  const name = text(c.options.get('name'));
  const named = name === undefined ? '' : `CONSTRAINT ${quoteIdent(name)} `;
  let body: string | undefined;
  if (c.method === 'check_constraint') {
    const expression = text(c.args[0]);
    noteUnread(emit, c, ['name', 'validate']);
    if (expression !== undefined) body = `CHECK (${expression})`;
    // NOT VALID exists only on ALTER TABLE: such a check is added after the table.
    if (
      body &&
      c.options.get('validate')?.kind === 'boolean' &&
      !truthy(c.options.get('validate'))
    ) {
      const sql = `ALTER TABLE ${table.qualified} ADD ${named}${body} NOT VALID`;
      table.later.push(() => emit.statement(sql, c.line));
      return;
    }
  } else if (c.method === 'unique_constraint') {
    const columns = names(c.args[0]);
    noteUnread(emit, c, ['name', 'deferrable', 'nulls_not_distinct'], ['using_index']);
    if (columns)
      body = `UNIQUE${truthy(c.options.get('nulls_not_distinct')) ? ' NULLS NOT DISTINCT' : ''} (${columns.map(quoteIdent).join(', ')})${deferrable(c.options.get('deferrable'))}`;
  } else {
    const expression = text(c.args[0]);
    const using = text(c.options.get('using')) ?? 'gist';
    const where = text(c.options.get('where'));
    noteUnread(emit, c, ['name', 'using', 'where', 'deferrable']);
    if (expression !== undefined)
      body = `EXCLUDE USING ${quoteIdent(using)} (${expression})${where ? ` WHERE (${where})` : ''}${deferrable(c.options.get('deferrable'))}`;
  }
  if (body === undefined)
    emit.note(c.line, `create_table "${table.name}": ${describe(c)} could not be read; left out`);
  else table.constraints.push({ sql: named + body, line: c.line });
}

/** `deferrable: :deferred | :immediate | true` as SQL. */
export function deferrable(value: RubyValue | undefined): string {
  const how = text(value);
  if (how === 'deferred') return ' DEFERRABLE INITIALLY DEFERRED';
  if (how === 'immediate') return ' DEFERRABLE INITIALLY IMMEDIATE';
  return truthy(value) ? ' DEFERRABLE' : '';
}
