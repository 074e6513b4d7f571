import { describe, expect, it } from 'vitest';
import { readRuby, type RubyCall, type RubyStatement, type RubyValue } from './railsSchemaRuby';

/** The one call a line of Ruby is; fails the test when it is not exactly one call. */
function call(source: string): RubyCall {
  const { statements } = readRuby(source);
  expect(statements).toHaveLength(1);
  const [only] = statements;
  if (only?.kind !== 'call') throw new Error(`not a call: ${JSON.stringify(only)}`);
  return only.call;
}

/** The first argument of `x <value>`, as plain JavaScript for comparing. */
function literal(source: string): unknown {
  return plain(call(`x ${source}`).args[0]!);
}

function plain(v: RubyValue): unknown {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'symbol':
      return `:${v.value}`;
    case 'number':
      return v.value;
    case 'boolean':
      return v.value;
    case 'nil':
      return null;
    case 'array':
      return v.items.map(plain);
    case 'hash':
      return Object.fromEntries(v.entries.map((e) => [String(plain(e.key)), plain(e.value)]));
    case 'lambda':
      return { lambda: plain(v.body) };
  }
}

const errors = (statements: RubyStatement[]) =>
  statements.flatMap((s) => (s.kind === 'error' ? [[s.line, s.message]] : []));

describe('readRuby: the literals of a schema.rb', () => {
  it('reads double-quoted strings with their escapes', () => {
    expect(literal(String.raw`"a\"b\\c\nd\te"`)).toBe('a"b\\c\nd\te');
    expect(literal(String.raw`"\u00e9\u{1F600}\x41\101\#{x}"`)).toBe('é😀AA#{x}');
    expect(literal(String.raw`"it's"`)).toBe("it's");
    // Adjacent literals are one string, as in Ruby.
    expect(literal(`"a" "b"`)).toBe('ab');
  });

  it("reads single-quoted strings: only \\\\ and \\' are escapes", () => {
    expect(literal(String.raw`'a\'b\\c\nd'`)).toBe("a'b\\c\\nd");
    expect(literal(`'say "hi"'`)).toBe('say "hi"');
  });

  it('reads symbols, numbers, booleans and nil', () => {
    expect(literal(':cascade')).toBe(':cascade');
    expect(literal(':"odd name"')).toBe(':odd name');
    expect(literal('2025_07_24_115507')).toBe(20250724115507);
    expect(literal('-1.5')).toBe(-1.5);
    expect(literal('1e3')).toBe(1000);
    expect(literal('true')).toBe(true);
    expect(literal('false')).toBe(false);
    expect(literal('nil')).toBeNull();
  });

  it('reads arrays, %w[] and %i[] word lists, and hashes in both syntaxes', () => {
    expect(literal('["a", :b, 1, [2]]')).toEqual(['a', ':b', 1, [2]]);
    expect(literal('%w[a b  c]')).toEqual(['a', 'b', 'c']);
    expect(literal('%w(x y)')).toEqual(['x', 'y']);
    expect(literal('%i[a b]')).toEqual([':a', ':b']);
    expect(literal('{ date: :desc, "x": 1 }')).toEqual({ ':date': ':desc', ':x': 1 });
    expect(literal('{"a"=>1, :b => "c", 2 => nil}')).toEqual({ a: 1, ':b': 'c', '2': null });
    expect(literal('{}')).toEqual({});
    expect(literal('[\n  "a",\n  "b",\n]')).toEqual(['a', 'b']);
  });

  it('reads lambdas, whose string is SQL, and BigDecimal("…") as its digits', () => {
    expect(literal('-> { "now()" }')).toEqual({ lambda: 'now()' });
    expect(literal("-> { 'CURRENT_TIMESTAMP' }")).toEqual({ lambda: 'CURRENT_TIMESTAMP' });
    expect(literal('lambda { "1" }')).toEqual({ lambda: '1' });
    expect(literal('BigDecimal("0.1e1")')).toBe('0.1e1');
  });

  it('reads heredocs: <<~ strips the indentation, .squish folds the spaces', () => {
    const c = call('execute <<~SQL\n    CREATE VIEW v AS\n      SELECT 1\n  SQL\n');
    expect(plain(c.args[0]!)).toBe('CREATE VIEW v AS\n  SELECT 1\n');
    const d = call("create_view :v, sql_definition: <<-'SQL'.squish\n  SELECT  1\n  SQL\n");
    expect(plain(d.options.get('sql_definition')!)).toBe('SELECT 1');
  });
});

describe('readRuby: statements', () => {
  it('reads calls with keyword options, receivers and do |t| blocks', () => {
    const c = call(
      'ActiveRecord::Schema[7.2].define(version: 2025_01_01_000000) do\n' +
        '  create_table "users", id: :uuid, force: :cascade do |t|\n' +
        '    t.string "name", limit: 255, null: false, default: "x"\n' +
        '  end\n' +
        'end\n',
    );
    expect(c.receiver).toBe('ActiveRecord::Schema[7.2]');
    expect(c.method).toBe('define');
    expect(plain(c.options.get('version')!)).toBe(20250101000000);
    const table = c.block!.body[0]!;
    if (table.kind !== 'call') throw new Error('not a call');
    expect(table.call.line).toBe(2);
    expect(table.call.block!.params).toEqual(['t']);
    const column = table.call.block!.body[0]!;
    if (column.kind !== 'call') throw new Error('not a call');
    expect(column.call).toMatchObject({ line: 3, receiver: 't', method: 'string' });
    expect([...column.call.options.keys()]).toEqual(['limit', 'null', 'default']);
  });

  it('reads an argument list that goes on over several lines', () => {
    const c = call('add_foreign_key "a",\n  "b",\n  column: "b_id"\n');
    expect(c.args.map(plain)).toEqual(['a', 'b']);
    expect(plain(c.options.get('column')!)).toBe('b_id');
  });

  it('says which line it cannot read, and reads on', () => {
    const { statements } = readRuby(
      [
        'create_table "a" do |t|', // 1
        '  t.string "x", default: "#{1 + 1}"', // 2: interpolation needs Ruby to run
        '  t.string "y"', // 3
        'end', // 4
        'some_method foo(1)', // 5
        'add_index "a", ["y"]', // 6
        'x = 1', // 7
        'add_index "a", ["x"]', // 8
      ].join('\n'),
    );
    expect(statements.map((s) => s.kind)).toEqual(['call', 'error', 'call', 'error', 'call']);
    expect(errors(statements)).toEqual([
      [5, '"foo" is a name, not a value the schema dumper writes'],
      [7, '"=" where a value was expected'],
    ]);
    const table = statements[0] as { kind: 'call'; call: RubyCall };
    expect(table.call.block!.body.map((s) => s.kind)).toEqual(['error', 'call']);
    expect(errors(table.call.block!.body)).toEqual([
      [2, 'a string with #{…} interpolation, which needs Ruby to run'],
    ]);
  });

  it('skips the whole block of a statement it cannot read', () => {
    const { statements } = readRuby(
      'create_table "a", weird(1) do |t|\n  t.string "x"\nend\ncreate_table "b" do |t|\nend\n',
    );
    expect(statements.map((s) => s.kind)).toEqual(['error', 'call']);
    expect((statements[1] as { call: RubyCall }).call.line).toBe(4);
  });

  it('never throws on text that is not Ruby, and says where it stops', () => {
    for (const text of [
      '"unclosed',
      '[1, 2',
      'x <<~SQL\nnever closed',
      'end end',
      '{{{',
      '%w[',
      '"\\',
    ]) {
      const { statements } = readRuby(text);
      expect(statements.some((s) => s.kind === 'error')).toBe(true);
    }
  });

  it('keeps the dumper\'s "Could not dump table" comments and nothing else', () => {
    const { comments } = readRuby(
      '# a comment\n# Could not dump table "geo" because of following StandardError\n#   Unknown type\n',
    );
    expect(comments).toEqual([
      { line: 2, text: 'Could not dump table "geo" because of following StandardError' },
    ]);
  });
});
