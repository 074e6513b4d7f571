import type { RubyCall, RubyValue } from './railsSchemaRuby';
import type { TypeContext } from './railsSchemaTypes';

/** One SQL statement of the translation, with the schema.rb line it comes from. */
export interface RailsStatement {
  sql: string;
  line: number;
  /** The schema.rb line of each line of `sql`, when they differ (a table's columns). */
  lines?: number[];
}

/** Something the database does not get from the schema.rb, with its line there. */
export interface RailsNote {
  line: number;
  message: string;
}

/** Where the translation of each schema.rb statement goes. */
export interface Emit {
  statement(sql: string, line: number, lines?: number[]): void;
  note(line: number, message: string): void;
  context: TypeContext;
  /** Rails 4.2/5.0 files: a table without `id:` has an integer (serial) key, not a bigint one. */
  serialIds: boolean;
  /** The columns of each table the file has created so far, by the name the file gives it. */
  tableColumns: Map<string, Set<string>>;
}

/** A string or symbol argument's text. */
export const text = (v: RubyValue | undefined): string | undefined =>
  v?.kind === 'string' || v?.kind === 'symbol' ? v.value : undefined;

/** A name or a list of names (`"user_id"`, `["a", "b"]`, `%w[a b]`). */
export function names(v: RubyValue | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  const one = text(v);
  if (one !== undefined) return [one];
  if (v.kind !== 'array') return undefined;
  const all = v.items.map(text);
  return all.every((n): n is string => n !== undefined) ? all : undefined;
}

/** True for `true`; false for `false`, `nil` or absent. */
export const truthy = (v: RubyValue | undefined) =>
  v !== undefined && v.kind !== 'nil' && !(v.kind === 'boolean' && !v.value);

/** How a statement is named in notes: `create_table "users"`. */
export function describe(call: RubyCall): string {
  const first = text(call.args[0]);
  const head = call.receiver ? `${call.receiver}.${call.method}` : call.method;
  return first === undefined ? head : `${head} "${first}"`;
}

/**
 * Notes for the keyword options a statement has that the translation does not read, so none is
 * dropped without a word. `mysql` lists options that only MySQL's adapter writes.
 */
export function noteUnread(
  emit: Emit,
  call: RubyCall,
  read: readonly string[],
  ignored: readonly string[] = [],
) {
  for (const key of call.options.keys()) {
    if (read.includes(key) || ignored.includes(key)) continue;
    const why = MYSQL_ONLY.includes(key)
      ? 'a MySQL option, which PostgreSQL has no use for'
      : 'an option the reader does not know';
    emit.note(call.line, `${describe(call)}: ${key}: is ${why}; left out`);
  }
}

const MYSQL_ONLY = [
  'unsigned',
  'auto_increment',
  'charset',
  'options',
  'length',
  'first',
  'after',
  'collation_connection',
];
