import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from './report';
import { formatRailsNote, railsImportReport, railsLineOf, readRailsSchema } from './railsSchema';
import { railsForeignKeyName } from './railsSchemaNames';

/** The SQL statements and notes of a schema.rb body, under a Rails `version` header. */
function read(body: string, version: string | null = '7.2') {
  const header = version
    ? `ActiveRecord::Schema[${version}].define(version: 2025_01_01_000000) do`
    : 'ActiveRecord::Schema.define(version: 20160101000000) do';
  const result = readRailsSchema(`${header}\n${body}\nend\n`);
  if (!result.ok) throw new Error(result.error.message);
  return {
    sql: result.value.statements.map((s) => s.sql),
    notes: result.value.notes.map(formatRailsNote),
    value: result.value,
  };
}

const table = (body: string, opts = '', version?: string | null) =>
  read(`  create_table "t"${opts} do |t|\n${body}\n  end`, version);

describe('readRailsSchema: create_table and its key', () => {
  it('gives a table a bigserial id unless told otherwise (Rails 5.1 and later)', () => {
    expect(table('    t.string "name"').sql).toEqual([
      'CREATE TABLE "t" (\n  "id" bigserial NOT NULL,\n  "name" character varying,\n  PRIMARY KEY ("id")\n)',
    ]);
  });

  it('reads id: :uuid / :serial / :bigint / :string / false and primary_key:', () => {
    const key = (opts: string) => table('', opts).sql[0]!.split('\n')[1];
    expect(key(', id: :uuid, default: -> { "gen_random_uuid()" }')).toBe(
      '  "id" uuid DEFAULT gen_random_uuid() NOT NULL,',
    );
    expect(key(', id: :uuid')).toBe('  "id" uuid DEFAULT gen_random_uuid() NOT NULL,');
    expect(key(', id: :uuid, default: nil')).toBe('  "id" uuid NOT NULL,');
    expect(key(', id: :serial')).toBe('  "id" serial NOT NULL,');
    expect(key(', id: :integer, default: nil')).toBe('  "id" integer NOT NULL,');
    expect(key(', id: :bigint, default: nil')).toBe('  "id" bigint NOT NULL,');
    expect(key(', primary_key: "code", id: :string, limit: 3')).toBe(
      '  "code" character varying(3) NOT NULL,',
    );
    expect(table('    t.string "a"', ', id: false').sql[0]).toBe(
      'CREATE TABLE "t" (\n  "a" character varying\n)',
    );
    expect(
      table(
        '    t.bigint "a", null: false\n    t.bigint "b", null: false',
        ', primary_key: ["a", "b"]',
      ).sql[0],
    ).toBe(
      'CREATE TABLE "t" (\n  "a" bigint NOT NULL,\n  "b" bigint NOT NULL,\n  PRIMARY KEY ("a", "b")\n)',
    );
  });

  it('gives tables of a Rails 4.2/5.0 file a serial id, and says so', () => {
    const old = read(
      '  create_table "t", force: :cascade do |t|\n  end\n  add_index "t", ["id"], name: "i", using: :btree',
      null,
    );
    expect(old.sql[0]).toContain('"id" serial NOT NULL');
    expect(old.notes[0]).toMatch(/Rails 4\.2\/5\.0.*serial/);
    // A file of Rails 5.1 to 6.1 has no version either, but not the old dumper's marks.
    expect(read('  create_table "t" do |t|\n  end', null).sql[0]).toContain('"id" bigserial');
  });

  it('comments the table, appends PostgreSQL options:, notes MySQL ones', () => {
    const r = read(
      '  create_table "a", comment: "It\'s a" do |t|\n  end\n  create_table "b", options: "ENGINE=InnoDB" do |t|\n  end',
    );
    expect(r.sql).toContain(`COMMENT ON TABLE "a" IS 'It''s a'`);
    expect(r.notes).toEqual([
      'schema.rb line 4: create_table "b": options: "ENGINE=InnoDB" are MySQL\'s; left out.',
    ]);
  });
});

describe('readRailsSchema: columns', () => {
  const column = (line: string, version?: string | null) =>
    table(`    ${line}`, ', id: false', version).sql[0]!.split('\n')[1];

  it('writes each type the dumper writes for PostgreSQL', () => {
    const cases: [string, string][] = [
      ['t.string "c", limit: 255', '"c" character varying(255)'],
      ['t.text "c"', '"c" text'],
      ['t.integer "c"', '"c" integer'],
      ['t.integer "c", limit: 2', '"c" smallint'],
      ['t.integer "c", limit: 8', '"c" bigint'],
      ['t.bigint "c"', '"c" bigint'],
      ['t.float "c"', '"c" double precision'],
      ['t.float "c", limit: 24', '"c" float(24)'],
      ['t.decimal "c", precision: 10, scale: 2', '"c" numeric(10,2)'],
      ['t.decimal "c", precision: 10', '"c" numeric(10)'],
      ['t.decimal "c"', '"c" numeric'],
      ['t.datetime "c"', '"c" timestamp(6)'],
      ['t.datetime "c", precision: nil', '"c" timestamp'],
      ['t.datetime "c", precision: 3', '"c" timestamp(3)'],
      ['t.timestamptz "c"', '"c" timestamp(6) with time zone'],
      ['t.timestamp "c", precision: nil', '"c" timestamp'],
      ['t.date "c"', '"c" date'],
      ['t.time "c"', '"c" time'],
      ['t.time "c", precision: 0', '"c" time(0)'],
      ['t.boolean "c"', '"c" boolean'],
      ['t.binary "c"', '"c" bytea'],
      ['t.json "c"', '"c" json'],
      ['t.jsonb "c"', '"c" jsonb'],
      ['t.uuid "c"', '"c" uuid'],
      ['t.inet "c"', '"c" inet'],
      ['t.cidr "c"', '"c" cidr'],
      ['t.macaddr "c"', '"c" macaddr'],
      ['t.hstore "c"', '"c" hstore'],
      ['t.ltree "c"', '"c" ltree'],
      ['t.citext "c"', '"c" citext'],
      ['t.tsvector "c"', '"c" tsvector'],
      ['t.interval "c"', '"c" interval'],
      ['t.point "c"', '"c" point'],
      ['t.money "c"', '"c" money'],
      ['t.bit "c", limit: 8', '"c" bit(8)'],
      ['t.bit_varying "c", limit: 8', '"c" bit varying(8)'],
      ['t.xml "c"', '"c" xml'],
      ['t.daterange "c"', '"c" daterange'],
      ['t.enum "c", enum_type: "mood"', '"c" "mood"'],
      ['t.enum "c", enum_type: "app.mood"', '"c" "app"."mood"'],
      ['t.string "c", array: true', '"c" character varying[]'],
      ['t.string "c", collation: "C"', '"c" character varying COLLATE "C"'],
      ['t.column "c", :integer, null: false', '"c" integer NOT NULL'],
    ];
    for (const [ruby, sql] of cases) expect([ruby, column(ruby)]).toEqual([ruby, `  ${sql}`]);
    // Before Rails 7 a datetime has no precision unless it says so.
    expect(column('t.datetime "c"', '6.1')).toBe('  "c" timestamp');
  });

  it('writes defaults: literals quoted, -> { } as SQL, arrays, JSON and hstore', () => {
    const cases: [string, string][] = [
      ['t.string "c", default: "it\'s"', `"c" character varying DEFAULT 'it''s'`],
      ['t.integer "c", default: 0, null: false', '"c" integer DEFAULT 0 NOT NULL'],
      ['t.decimal "c", default: "0.0"', `"c" numeric DEFAULT '0.0'`],
      ['t.float "c", default: -1.5', '"c" double precision DEFAULT -1.5'],
      ['t.boolean "c", default: false', '"c" boolean DEFAULT false'],
      [
        't.datetime "c", default: -> { "CURRENT_TIMESTAMP" }',
        '"c" timestamp(6) DEFAULT CURRENT_TIMESTAMP',
      ],
      ['t.string "c", default: nil', '"c" character varying'],
      ['t.string "c", array: true, default: []', `"c" character varying[] DEFAULT '{}'`],
      [
        't.string "c", array: true, default: ["a", "b\\"c"]',
        `"c" character varying[] DEFAULT '{"a","b\\"c"}'`,
      ],
      ['t.integer "c", array: true, default: [1, 2]', `"c" integer[] DEFAULT '{1,2}'`],
      ['t.jsonb "c", default: {}', `"c" jsonb DEFAULT '{}'`],
      [
        't.jsonb "c", default: {"a"=>[1, nil], b: "x"}',
        `"c" jsonb DEFAULT '{"a":[1,null],"b":"x"}'`,
      ],
      ['t.json "c", default: []', `"c" json DEFAULT '[]'`],
      ['t.hstore "c", default: {"k"=>"v"}', `"c" hstore DEFAULT '"k"=>"v"'`],
      ['t.enum "c", enum_type: "mood", default: "ok"', `"c" "mood" DEFAULT 'ok'`],
    ];
    for (const [ruby, sql] of cases) expect([ruby, column(ruby)]).toEqual([ruby, `  ${sql}`]);
  });

  it('writes generated columns, comments, and several names on one line', () => {
    expect(
      column('t.virtual "c", type: :decimal, precision: 19, scale: 4, as: "(a + b)", stored: true'),
    ).toBe('  "c" numeric(19,4) GENERATED ALWAYS AS ((a + b)) STORED');
    expect(column('t.virtual "c", type: :string, as: "lower(a)"')).toBe(
      '  "c" character varying GENERATED ALWAYS AS (lower(a)) VIRTUAL',
    );
    const r = table(
      '    t.string "a", comment: "The \\"a\\""\n    t.integer "x", "y"',
      ', id: false',
    );
    expect(r.sql).toEqual([
      'CREATE TABLE "t" (\n  "a" character varying,\n  "x" integer,\n  "y" integer\n)',
      `COMMENT ON COLUMN "t"."a" IS 'The "a"'`,
    ]);
  });

  it('passes a type it does not know to PostgreSQL, with a note; notes what it cannot read', () => {
    const r = table(
      [
        '    t.vector "embedding", limit: 3',
        '    t.string "a", unsigned: true, wat: 1',
        '    t.jsonb "b", default: Float::INFINITY',
        '    t.references "user"',
        '    t.integer "c", limit: 16',
        '    t.string "d", default: {"a"=>1}',
      ].join('\n'),
      ', id: false',
    );
    expect(r.sql[0]).toBe(
      // The column whose default cannot be read is kept, without the default.
      'CREATE TABLE "t" (\n  "embedding" vector(3),\n  "a" character varying,\n  "d" character varying\n)',
    );
    expect(r.notes).toEqual([
      'schema.rb line 3: create_table "t", column "embedding": t.vector is not a type Rails has for PostgreSQL; written as vector(3) for PostgreSQL to judge.',
      'schema.rb line 4: t.string "a": unsigned: is a MySQL option, which PostgreSQL has no use for; left out.',
      'schema.rb line 4: t.string "a": wat: is an option the reader does not know; left out.',
      'schema.rb line 5: in create_table "t", a line could not be read ("Float" is a name, not a value the schema dumper writes); left out.',
      'schema.rb line 6: create_table "t": t.references is written by hand, not by Rails\' schema dumper; write its column (t.bigint "user_id"), index and add_foreign_key instead; left out.',
      'schema.rb line 7: create_table "t", column "c": no integer has a limit of 16 bytes (PostgreSQL\'s go up to 8); left out.',
      'schema.rb line 8: create_table "t", column "d": default: a hash as the default of a string column; left out.',
    ]);
  });
});

describe('readRailsSchema: indexes and constraints', () => {
  it('reads t.index and add_index with every option', () => {
    const r = table(
      [
        '    t.index ["a", "b"], name: "ab", unique: true, where: "(a > 0)", include: ["c"], nulls_not_distinct: true',
        '    t.index ["a", "b"], name: "o", order: { a: :desc, b: "DESC NULLS LAST" }, opclass: { b: :text_pattern_ops }',
        '    t.index ["a"], name: "g", using: :gin, opclass: :gin_trgm_ops',
        '    t.index "lower((a)::text)", name: "e", using: :btree',
        '    t.index ["a"]',
        '    t.index ["a"], name: "cm", comment: "why"',
      ].join('\n'),
      ', id: false',
    );
    expect(r.sql.slice(1)).toEqual([
      'CREATE UNIQUE INDEX "ab" ON "t" ("a", "b") INCLUDE ("c") NULLS NOT DISTINCT WHERE (a > 0)',
      'CREATE INDEX "o" ON "t" ("a" DESC, "b" text_pattern_ops DESC NULLS LAST)',
      'CREATE INDEX "g" ON "t" USING "gin" ("a" gin_trgm_ops)',
      'CREATE INDEX "e" ON "t" (lower((a)::text))',
      'CREATE INDEX "index_t_on_a" ON "t" ("a")',
      'CREATE INDEX "cm" ON "t" ("a")',
      `COMMENT ON INDEX "cm" IS 'why'`,
    ]);
    const top = read(
      '  add_index "users", ["email"], name: "index_users_on_email", unique: true, using: :btree',
    );
    expect(top.sql).toEqual(['CREATE UNIQUE INDEX "index_users_on_email" ON "users" ("email")']);
  });

  it('reads check, unique and exclusion constraints; an unvalidated check is added NOT VALID', () => {
    const r = table(
      [
        '    t.check_constraint "a > 0", name: "a_positive"',
        '    t.check_constraint "a < 9", name: "later", validate: false',
        '    t.unique_constraint ["a"], name: "u", deferrable: :deferred',
        '    t.exclusion_constraint "r WITH &&", using: :gist, name: "x"',
      ].join('\n'),
      ', id: false',
    );
    expect(r.sql).toEqual([
      'CREATE TABLE "t" (\n  CONSTRAINT "a_positive" CHECK (a > 0),\n  CONSTRAINT "u" UNIQUE ("a") DEFERRABLE INITIALLY DEFERRED,\n  CONSTRAINT "x" EXCLUDE USING "gist" (r WITH &&)\n)',
      'ALTER TABLE "t" ADD CONSTRAINT "later" CHECK (a < 9) NOT VALID',
    ]);
  });

  it('names foreign keys and their columns as Rails does', () => {
    const r = read(
      [
        '  add_foreign_key "posts", "users"',
        '  add_foreign_key "posts", "people", column: "author_id", primary_key: "uid", on_delete: :cascade, on_update: :nullify, name: "fk_author", validate: false, deferrable: :immediate',
        '  add_foreign_key "a", "categories"',
        '  add_foreign_key "lines", "orders", column: ["order_id", "shop_id"], primary_key: ["id", "shop_id"]',
        '  add_foreign_key "a", "b", on_delete: :explode',
      ].join('\n'),
    );
    expect(r.sql).toEqual([
      `ALTER TABLE "posts" ADD CONSTRAINT "${railsForeignKeyName('posts', 'user_id')}" FOREIGN KEY ("user_id") REFERENCES "users" ("id")`,
      'ALTER TABLE "posts" ADD CONSTRAINT "fk_author" FOREIGN KEY ("author_id") REFERENCES "people" ("uid") ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY IMMEDIATE NOT VALID',
      `ALTER TABLE "a" ADD CONSTRAINT "${railsForeignKeyName('a', 'category_id')}" FOREIGN KEY ("category_id") REFERENCES "categories" ("id")`,
      `ALTER TABLE "lines" ADD CONSTRAINT "${railsForeignKeyName('lines', '["order_id", "shop_id"]')}" FOREIGN KEY ("order_id", "shop_id") REFERENCES "orders" ("id", "shop_id")`,
      `ALTER TABLE "a" ADD CONSTRAINT "${railsForeignKeyName('a', 'b_id')}" FOREIGN KEY ("b_id") REFERENCES "b" ("id")`,
    ]);
    expect(r.notes).toEqual([
      'schema.rb line 6: add_foreign_key "a": on_delete: :explode is not an action Rails knows; left out.',
    ]);
    // The name a Rails app has for posts.user_id (Digest::SHA256.hexdigest("posts_user_id_fk")).
    expect(railsForeignKeyName('posts', 'user_id')).toBe(
      'fk_rails_' + createHash('sha256').update('posts_user_id_fk').digest('hex').slice(0, 10),
    );
  });
  it('says when the column Rails would infer is not in the table (an app inflection rule)', () => {
    const r = read(
      [
        '  create_table "posts" do |t|',
        '    t.bigint "writer_id"',
        '    t.bigint "person_id"',
        '  end',
        '  add_foreign_key "posts", "writers"',
        '  add_foreign_key "posts", "people"',
        '  add_foreign_key "posts", "octopi"',
      ].join('\n'),
    );
    expect(r.notes).toEqual([
      'schema.rb line 8: add_foreign_key "posts": without column:, Rails puts the key on "octopus_id" (the singular of "octopi" by Rails\' default inflections), which "posts" does not have; if the app has its own inflection rule, give column: explicitly.',
    ]);
  });
});

describe('readRailsSchema: the rest of the file', () => {
  it('reads extensions, schemas, enums, executes, scenic views and fx functions', () => {
    const r = read(
      [
        '  enable_extension "pgcrypto"',
        '  enable_extension "pg_catalog.plpgsql"',
        '  create_schema "billing"',
        '  create_enum "mood", ["sad", "it\'s ok"]',
        '  create_enum "billing.state", %w[open closed]',
        '  execute "CREATE SEQUENCE s;"',
        '  create_view "v", sql_definition: <<-SQL',
        '      SELECT 1 AS one;',
        '  SQL',
        '  create_view "mv", materialized: true, sql_definition: <<-SQL',
        '      SELECT 2 AS two',
        '  SQL',
        "  create_function :f, sql_definition: <<-'SQL'",
        '      CREATE OR REPLACE FUNCTION public.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
        '  SQL',
      ].join('\n'),
    );
    expect(r.sql).toEqual([
      'CREATE EXTENSION IF NOT EXISTS "pgcrypto"',
      'CREATE EXTENSION IF NOT EXISTS "plpgsql" SCHEMA "pg_catalog"',
      'CREATE SCHEMA IF NOT EXISTS "billing"',
      `CREATE TYPE "mood" AS ENUM ('sad', 'it''s ok')`,
      `CREATE TYPE "billing"."state" AS ENUM ('open', 'closed')`,
      'CREATE SEQUENCE s',
      'CREATE VIEW "v" AS\nSELECT 1 AS one',
      'CREATE MATERIALIZED VIEW "mv" AS\nSELECT 2 AS two',
      'CREATE OR REPLACE FUNCTION public.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
    ]);
    expect(r.notes).toEqual([]);
  });

  it('notes every statement it does not know, with its line, and what the dumper could not dump', () => {
    const r = read(
      [
        '  add_column "a", "b", :string',
        '  create_table "geo" do |t|',
        '  end',
        '  # Could not dump table "places" because of following StandardError',
        "  #   Unknown type 'geography' for column 'lonlat'",
        '  Rails.logger.info("x")',
      ].join('\n'),
    );
    expect(r.notes).toEqual([
      `schema.rb line 2: add_column "a" is not something Rails' schema dumper writes for PostgreSQL; left out.`,
      'schema.rb line 5: the schema dumper wrote "Could not dump table "places" because of following StandardError": that table is not in the file.',
      `schema.rb line 7: Rails.logger.info "x" is not something Rails' schema dumper writes; left out.`,
    ]);
  });

  it('says so when nothing in the file becomes SQL', () => {
    const r = readRailsSchema(
      'ActiveRecord::Schema.define(version: 1) do\n  add_column "a", "b", :string\nend\n',
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        /^Nothing in the schema\.rb becomes a table.*\nschema\.rb line 2: add_column/s,
      );
    expect(readRailsSchema('').ok).toBe(false);
  });

  it('maps a line of its SQL back to the schema.rb line, column by column', () => {
    const r = read(
      '  create_table "t", id: false do |t|\n    t.string "a"\n    t.foo "b"\n  end\n  add_index "t", ["a"]',
    );
    // CREATE TABLE "t" ( / "a" / "b" / ) ; blank ; CREATE INDEX
    expect([1, 2, 3, 4, 6].map((line) => railsLineOf(r.value.statements, line))).toEqual([
      2, 3, 4, 2, 6,
    ]);
    const report: ImportReport = {
      statements: 2,
      executed: 1,
      skipped: [
        {
          line: 6,
          text: 'CREATE INDEX …',
          reason: 'Needs "t", which does not exist: line 1 failed (type "foo" does not exist).',
        },
      ],
      failed: [
        {
          line: 1,
          text: 'CREATE TABLE "t" (…)',
          error: { message: 'type "foo" does not exist', position: 40 },
          reason: 'type "foo" does not exist (line 3, column 7)',
          errorLine: 3,
          errorColumn: 7,
        },
      ],
      notes: [],
      extensionsLoaded: [],
      extensionsMissing: [],
    } as unknown as ImportReport;
    railsImportReport(report, r.value);
    expect(report.skipped[0]).toMatchObject({
      line: 6,
      reason:
        'Needs "t", which does not exist: schema.rb line 2 failed (type "foo" does not exist).',
    });
    expect(report.failed[0]).toMatchObject({
      line: 2,
      errorLine: 4,
      reason: 'type "foo" does not exist (schema.rb line 4)',
    });
    expect(report.notes).toEqual([
      'schema.rb line 4: create_table "t", column "b": t.foo is not a type Rails has for PostgreSQL; written as foo for PostgreSQL to judge.',
    ]);
  });
});
