import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { railsImportReport, readRailsSchema } from '../../core/import/railsSchema';
import { railsForeignKeyName } from '../../core/import/railsSchemaNames';
import type { Design, Table } from '../../core/model';
import { propertyParameters } from '../../test/propertySeed';
import { snapshotFactory, type CreateDb } from '../../test/fidelity';
import { importSql } from './importSql';

/**
 * A Rails db/schema.rb read into SQL and judged by PostgreSQL (PGlite): real apps' files keep
 * every table, index and foreign key they declare, and each type the reader writes is one
 * PostgreSQL has, as the catalog shows it.
 */

let createDb: CreateDb;
beforeAll(async () => {
  createDb = await snapshotFactory();
}, 120_000);

const RAILS_FIXTURES = fileURLToPath(new URL('../../../fixtures/rails/', import.meta.url));

async function importRails(text: string) {
  const read = readRailsSchema(text);
  if (!read.ok) throw new Error(read.error.message);
  const result = await importSql(
    read.value.sql,
    { designId: 'd_rails', designName: 'Rails' },
    { createScratch: createDb },
  );
  if (!result.ok) throw new Error(result.error.message);
  railsImportReport(result.report, read.value);
  return { ...result, read: read.value };
}

const tableNamed = (design: Design, name: string): Table => {
  const table = Object.values(design.tables).find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
};
const columnType = (design: Design, table: string, column: string) =>
  tableNamed(design, table).columns.find((c) => c.name === column)?.type;
const foreignKeys = (design: Design) =>
  Object.values(design.tables).flatMap((t) =>
    t.constraints.filter((c) => c.kind === 'foreignKey').map((c) => ({ table: t.name, ...c })),
  );
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('Rails schema.rb through PostgreSQL', () => {
  it.each([
    // file, create_enum lines, the Rails version in its header
    ['maybe.schema.rb', 1, '7.2'],
    ['rubygems.schema.rb', 0, '8.1'],
    ['codetriage-2016.schema.rb', 0, undefined],
  ])('%s: every table, index and foreign key it declares', async (file, enums, version) => {
    const text = readFileSync(RAILS_FIXTURES + file, 'utf8');
    const { design, report, read } = await importRails(text);
    expect(read.railsVersion).toBe(version);
    // Nothing left out: the only note is the serial keys of the 2016 file's format.
    expect(read.notes.length).toBe(version ? 0 : 1);
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    const tables = Object.values(design.tables);
    expect(tables.length).toBe(count(text, /^\s*create_table /gm));
    expect(tables.length).toBeGreaterThan(10);
    expect(foreignKeys(design).length).toBe(count(text, /^\s*add_foreign_key /gm));
    expect(tables.reduce((n, t) => n + t.indexes.length, 0)).toBe(
      count(text, /^\s*(t\.index|add_index) /gm),
    );
    expect(Object.keys(design.enums).length).toBe(enums);
    // The key Rails gives a table without id: is its primary key.
    for (const table of tables.filter((t) => t.columns.some((c) => c.name === 'id')))
      expect(table.constraints.some((c) => c.kind === 'primaryKey')).toBe(true);
  });

  it('maybe (Rails 7.2): uuid keys, generated columns, enums, timestamp(6), Rails-named keys', async () => {
    const { design } = await importRails(readFileSync(RAILS_FIXTURES + 'maybe.schema.rb', 'utf8'));
    const accounts = tableNamed(design, 'accounts');
    const id = accounts.columns.find((c) => c.name === 'id');
    expect(id).toMatchObject({ type: 'uuid', default: 'gen_random_uuid()', nullable: false });
    // Stored is the design's default kind of generated column: no generatedKind.
    const classification = accounts.columns.find((c) => c.name === 'classification');
    expect(classification?.generated).toMatch(/THEN 'liability'::text/);
    expect(classification?.generatedKind).toBeUndefined();
    expect(columnType(design, 'accounts', 'created_at')).toBe('timestamp(6) without time zone');
    expect(columnType(design, 'accounts', 'balance')).toBe('numeric(19,4)');
    const blob = foreignKeys(design).find(
      (fk) => fk.table === 'active_storage_attachments' && fk.name?.startsWith('fk_rails_'),
    );
    expect(blob?.name).toBe(railsForeignKeyName('active_storage_attachments', 'blob_id'));
  });

  it('codetriage (2016, Rails 4.2 format): serial integer keys and top-level add_index', async () => {
    const { design, report } = await importRails(
      readFileSync(RAILS_FIXTURES + 'codetriage-2016.schema.rb', 'utf8'),
    );
    expect(columnType(design, 'users', 'id')).toBe('serial');
    expect(
      tableNamed(design, 'users').indexes.find((i) => i.name === 'index_users_on_email'),
    ).toMatchObject({
      unique: true,
    });
    expect(report.notes.join('\n')).toMatch(/Rails 4\.2\/5\.0/);
  });

  it('writes each type and option as a type PostgreSQL has', async () => {
    const { design, report } = await importRails(
      [
        'ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do',
        '  enable_extension "citext"',
        '  enable_extension "hstore"',
        '  enable_extension "ltree"',
        '  create_enum "mood", ["sad", "ok"]',
        '  create_table "everything", id: :serial, comment: "All of it" do |t|',
        '    t.string "s", limit: 40, null: false, default: "x", collation: "C"',
        '    t.text "tx", comment: "Free text"',
        '    t.integer "i2", limit: 2',
        '    t.bigint "b"',
        '    t.float "f"',
        '    t.float "r", limit: 24',
        '    t.decimal "d", precision: 12, scale: 2, default: "0.0"',
        '    t.datetime "dt"',
        '    t.datetime "dt0", precision: nil',
        '    t.timestamptz "tz", default: -> { "now()" }',
        '    t.date "day"',
        '    t.time "tm", precision: 3',
        '    t.boolean "flag", default: false, null: false',
        '    t.binary "bin"',
        '    t.json "js", default: []',
        '    t.jsonb "jb", default: {"a"=>1}',
        '    t.uuid "u"',
        '    t.inet "ip"',
        '    t.cidr "net"',
        '    t.macaddr "mac"',
        '    t.hstore "h", default: {}',
        '    t.ltree "path"',
        '    t.citext "email"',
        '    t.tsvector "doc"',
        '    t.interval "span", default: "P1D"',
        '    t.point "pt"',
        '    t.money "price"',
        '    t.bit "bits", limit: 4',
        '    t.xml "x"',
        '    t.enum "m", enum_type: "mood", default: "ok"',
        '    t.string "tags", array: true, default: ["a", "b"]',
        '    t.virtual "up", type: :string, as: "upper((s)::text)", stored: true',
        '    t.virtual "low", type: :string, as: "lower((s)::text)"',
        '    t.index ["s", "i2"], name: "s_i2", unique: true, where: "(flag = false)", order: { i2: :desc }',
        '    t.index ["email"], name: "email_ops", opclass: :text_pattern_ops, include: ["b"]',
        '    t.index ["jb"], name: "jb_gin", using: :gin',
        '    t.index "lower((s)::text)", name: "s_lower"',
        '    t.check_constraint "i2 > 0", name: "i2_positive"',
        '  end',
        '  create_table "children", force: :cascade do |t|',
        '    t.integer "everything_id", null: false',
        '  end',
        '  add_foreign_key "children", "everything", on_delete: :cascade, deferrable: :deferred',
        'end',
      ].join('\n'),
    );
    expect(report.failed).toEqual([]);
    const types = Object.fromEntries(
      tableNamed(design, 'everything').columns.map((c) => [c.name, c.type]),
    );
    expect(types).toEqual({
      id: 'serial',
      s: 'character varying(40)',
      tx: 'text',
      i2: 'smallint',
      b: 'bigint',
      f: 'double precision',
      r: 'real',
      d: 'numeric(12,2)',
      dt: 'timestamp(6) without time zone',
      dt0: 'timestamp without time zone',
      tz: 'timestamp(6) with time zone',
      day: 'date',
      tm: 'time(3) without time zone',
      flag: 'boolean',
      bin: 'bytea',
      js: 'json',
      jb: 'jsonb',
      u: 'uuid',
      ip: 'inet',
      net: 'cidr',
      mac: 'macaddr',
      h: expect.stringMatching(/hstore$/),
      path: expect.stringMatching(/ltree$/),
      email: expect.stringMatching(/citext$/),
      doc: 'tsvector',
      span: 'interval',
      pt: 'point',
      price: 'money',
      bits: 'bit(4)',
      x: 'xml',
      m: expect.stringMatching(/mood$/),
      tags: 'character varying[]',
      up: 'character varying',
      low: 'character varying',
    });
    const everything = tableNamed(design, 'everything');
    // Without stored: true, a virtual column (PostgreSQL 18).
    expect(everything.columns.find((c) => c.name === 'low')?.generatedKind).toBe('virtual');
    expect(everything.comment).toBe('All of it');
    expect(everything.indexes.map((i) => i.name).sort()).toEqual(
      ['email_ops', 'jb_gin', 's_i2', 's_lower'].sort(),
    );
    expect(everything.constraints.map((c) => c.kind).sort()).toEqual(['check', 'primaryKey']);
    expect(foreignKeys(design)).toEqual([
      expect.objectContaining({
        table: 'children',
        name: railsForeignKeyName('children', 'everything_id'),
        onDelete: 'cascade',
        deferrable: 'initiallyDeferred',
      }),
    ]);
  });

  it('points a statement PostgreSQL refuses at its schema.rb line', async () => {
    const { design, report } = await importRails(
      [
        'ActiveRecord::Schema[8.0].define(version: 1) do',
        '  create_table "a" do |t|',
        '    t.string "name"',
        '    t.geography "where"',
        '  end',
        '  create_table "b" do |t|',
        '  end',
        'end',
      ].join('\n'),
    );
    expect(Object.values(design.tables).map((t) => t.name)).toEqual(['b']);
    expect(report.failed).toEqual([
      expect.objectContaining({
        line: 2,
        errorLine: 4,
        reason: 'type "geography" does not exist (schema.rb line 4)',
      }),
    ]);
    expect(report.notes).toEqual([
      'schema.rb line 4: create_table "a", column "where": t.geography is not a type Rails has for PostgreSQL; written as geography for PostgreSQL to judge.',
    ]);
  });

  it('property: any table of dumper columns is one PostgreSQL accepts, with every column', async () => {
    const columnLine = fc.constantFrom(
      't.string "$", limit: 20',
      't.string "$", null: false, default: "it\'s \\"q\\""',
      't.text "$", default: ""',
      't.integer "$", limit: 2, default: -3',
      't.bigint "$", null: false',
      't.decimal "$", precision: 8, scale: 3',
      't.datetime "$", precision: nil',
      't.datetime "$", default: -> { "CURRENT_TIMESTAMP" }',
      't.boolean "$", default: true',
      't.jsonb "$", default: {"k"=>["v", 1, nil]}',
      't.uuid "$", default: -> { "gen_random_uuid()" }',
      't.integer "$", array: true, default: []',
      't.string "$", array: true, default: ["a,b", "c\\\\d"]',
      't.inet "$"',
      't.interval "$"',
      't.binary "$"',
    );
    const table = fc.record({
      id: fc.constantFrom(
        '',
        ', id: :uuid',
        ', id: :serial',
        ', id: false',
        ', primary_key: "code", id: :string',
      ),
      columns: fc.array(columnLine, { minLength: 1, maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(table, async ({ id, columns }) => {
        const lines = columns.map((c, i) => '    ' + c.replace('$', `c${i}`));
        const { design, report } = await importRails(
          `ActiveRecord::Schema[7.2].define(version: 1) do\n  create_table "t"${id} do |t|\n${lines.join('\n')}\n  end\nend\n`,
        );
        expect(report.failed).toEqual([]);
        const names = tableNamed(design, 't').columns.map((c) => c.name);
        const key = id === ', id: false' ? [] : id.includes('code') ? ['code'] : ['id'];
        expect(names).toEqual([...key, ...columns.map((_, i) => `c${i}`)]);
      }),
      propertyParameters({ numRuns: 8 }),
    );
  });
});
