import { describe, names, noteUnread, text, truthy, type Emit } from './railsSchemaEmit';
import { indexSql } from './railsSchemaIndex';
import { defaultForeignKeyColumn, railsForeignKeyName } from './railsSchemaNames';
import type { RubyCall, RubyStatement } from './railsSchemaRuby';
import { createTableSql, deferrable } from './railsSchemaTable';
import { qualifiedName, quoteIdent, quoteLiteral } from './railsSchemaTypes';

const ACTIONS: Record<string, string> = {
  cascade: 'CASCADE',
  nullify: 'SET NULL',
  restrict: 'RESTRICT',
  no_action: 'NO ACTION',
  set_default: 'SET DEFAULT',
};

/**
 * The statements of a schema.rb, in order, as SQL: `ActiveRecord::Schema.define … do` is opened,
 * each statement inside becomes SQL or a note. What Rails' dumper writes for PostgreSQL is read;
 * scenic's `create_view` and fx's `create_function` / `create_trigger` carry their SQL.
 */
export function statementsSql(emit: Emit, statements: RubyStatement[]) {
  for (const statement of statements) {
    if (statement.kind === 'error') {
      emit.note(statement.line, `this line could not be read (${statement.message}); left out`);
      continue;
    }
    const call = statement.call;
    if (call.method === 'define' && /^ActiveRecord::Schema\b/.test(call.receiver ?? '')) {
      statementsSql(emit, call.block?.body ?? []);
      continue;
    }
    if (call.receiver !== undefined) {
      emit.note(
        call.line,
        `${describe(call)} is not something Rails' schema dumper writes; left out`,
      );
      continue;
    }
    topLevel(emit, call);
  }
}

/** The options each top-level statement has that are read; others are noted. */
const OPTIONS_READ: Record<string, string[]> = {
  enable_extension: [],
  create_schema: [],
  create_enum: [],
  execute: [],
  create_view: ['sql_definition', 'materialized', 'version'],
  create_function: ['sql_definition', 'version'],
  create_trigger: ['sql_definition', 'version', 'on'],
};

function topLevel(emit: Emit, call: RubyCall) {
  const first = text(call.args[0]);
  const read = OPTIONS_READ[call.method];
  if (read) noteUnread(emit, call, read, ['if_not_exists', 'force']);
  const unread = () => emit.note(call.line, `${describe(call)} could not be read; left out`);
  switch (call.method) {
    case 'create_table':
      return createTableSql(emit, call);
    case 'enable_extension': {
      if (first === undefined) return unread();
      // Rails 8.1 writes the extension's schema too: "pg_catalog.plpgsql".
      const dot = first.indexOf('.');
      const name = dot > 0 ? first.slice(dot + 1) : first;
      const schema = dot > 0 ? ` SCHEMA ${quoteIdent(first.slice(0, dot))}` : '';
      return emit.statement(
        `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)}${schema}`,
        call.line,
      );
    }
    case 'create_schema':
      if (first === undefined) return unread();
      return emit.statement(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(first)}`, call.line);
    case 'create_enum': {
      const values = names(call.args[1]);
      if (first === undefined || !values) return unread();
      return emit.statement(
        `CREATE TYPE ${qualifiedName(first)} AS ENUM (${values.map(quoteLiteral).join(', ')})`,
        call.line,
      );
    }
    case 'add_index':
      if (first === undefined) return unread();
      return indexSql(emit, call, first, call.args[1]);
    case 'add_foreign_key':
      return foreignKey(emit, call);
    case 'add_check_constraint': {
      const expression = text(call.args[1]);
      if (first === undefined || expression === undefined) return unread();
      noteUnread(emit, call, ['name', 'validate']);
      const name = text(call.options.get('name'));
      const valid = call.options.get('validate');
      return emit.statement(
        `ALTER TABLE ${qualifiedName(first)} ADD ${name ? `CONSTRAINT ${quoteIdent(name)} ` : ''}CHECK (${expression})${valid?.kind === 'boolean' && !valid.value ? ' NOT VALID' : ''}`,
        call.line,
      );
    }
    case 'execute':
      if (first === undefined) return unread();
      return emit.statement(first.trim().replace(/;\s*$/, ''), call.line);
    case 'create_view': {
      const definition = text(call.options.get('sql_definition'));
      if (first === undefined || definition === undefined) return unread();
      const materialized = truthy(call.options.get('materialized'));
      return emit.statement(
        `CREATE ${materialized ? 'MATERIALIZED ' : ''}VIEW ${qualifiedName(first)} AS\n${definition.trim().replace(/;\s*$/, '')}`,
        call.line,
      );
    }
    case 'create_function':
    case 'create_trigger': {
      const definition = text(call.options.get('sql_definition'));
      if (definition === undefined) return unread();
      return emit.statement(definition.trim().replace(/;\s*$/, ''), call.line);
    }
  }
  emit.note(
    call.line,
    `${describe(call)} is not something Rails' schema dumper writes for PostgreSQL; left out`,
  );
}

/**
 * `add_foreign_key "from", "to", column:, primary_key:, on_delete:, on_update:, name:,
 * validate: false, deferrable:`; without `column:` it is the singular of `to` + `_id`, without
 * `name:` Rails' own `fk_rails_…` name, as the database Rails made has them.
 */
function foreignKey(emit: Emit, call: RubyCall) {
  const from = text(call.args[0]);
  const to = text(call.args[1]);
  if (from === undefined || to === undefined) {
    emit.note(call.line, `${describe(call)} could not be read; left out`);
    return;
  }
  noteUnread(
    emit,
    call,
    ['column', 'primary_key', 'on_delete', 'on_update', 'name', 'validate', 'deferrable'],
    ['if_not_exists'],
  );
  const columnOption = call.options.get('column');
  const columns = names(columnOption) ?? [defaultForeignKeyColumn(to)];
  const known = emit.tableColumns.get(from);
  if (!columnOption && known && !known.has(columns[0]!))
    emit.note(
      call.line,
      `${describe(call)}: without column:, Rails puts the key on "${columns[0]}" (the singular of "${to}" by Rails' default inflections), which "${from}" does not have; if the app has its own inflection rule, give column: explicitly`,
    );
  const keys = names(call.options.get('primary_key')) ?? ['id'];
  // Rails hashes the column as Ruby prints it: a list of columns as ["a", "b"].
  const hashed =
    columnOption?.kind === 'array'
      ? `[${columns.map((c) => JSON.stringify(c)).join(', ')}]`
      : columns[0]!;
  const name = text(call.options.get('name')) ?? railsForeignKeyName(from, hashed);
  let sql = `ALTER TABLE ${qualifiedName(from)} ADD CONSTRAINT ${quoteIdent(name)} FOREIGN KEY (${columns.map(quoteIdent).join(', ')}) REFERENCES ${qualifiedName(to)} (${keys.map(quoteIdent).join(', ')})`;
  for (const [option, clause] of [
    ['on_delete', 'ON DELETE'],
    ['on_update', 'ON UPDATE'],
  ] as const) {
    const action = text(call.options.get(option));
    if (action === undefined) continue;
    const sqlAction = ACTIONS[action];
    if (sqlAction) sql += ` ${clause} ${sqlAction}`;
    else
      emit.note(
        call.line,
        `${describe(call)}: ${option}: :${action} is not an action Rails knows; left out`,
      );
  }
  sql += deferrable(call.options.get('deferrable'));
  const valid = call.options.get('validate');
  if (valid?.kind === 'boolean' && !valid.value) sql += ' NOT VALID';
  emit.statement(sql, call.line);
}
