import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesign, type Design } from '../core/model';
import { designShape } from '../test/designShape';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'tablewright-rails-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = fileURLToPath(new URL('../../fixtures/rails/rubygems.schema.rb', import.meta.url));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function designOf(path: string): Design {
  const doc = parseDesign(readFileSync(path, 'utf8'));
  if (!doc.ok) throw new Error(doc.error.message);
  return doc.value.design;
}

const SCHEMA = `# This file is auto-generated from the current state of the database.
ActiveRecord::Schema[7.1].define(version: 2024_05_01_120000) do
  enable_extension "plpgsql"

  create_enum "role", ["admin", "member"]

  create_table "users", force: :cascade do |t|
    t.string "email", null: false
    t.enum "role", default: "member", null: false, enum_type: "role"
    t.datetime "created_at", null: false
    t.index ["email"], name: "index_users_on_email", unique: true
  end

  create_table "posts", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.bigint "user_id"
    t.string "title", limit: 120
    t.references "topic"
  end

  add_foreign_key "posts", "users", on_delete: :nullify
end
`;

describe('tablewright import db/schema.rb', () => {
  it('reads a schema.rb as the database Rails makes of it, and says what it leaves out', async () => {
    const input = join(dir, 'schema.rb');
    writeFileSync(input, SCHEMA);
    const out = join(dir, 'rails.json');
    const r = await run('import', input, '-o', out);
    expect(r.stderr).toContain('with its Rails schema DSL as SQL, then PostgreSQL');
    expect(r.code).toBe(0);
    const design = designOf(out);
    expect(design.name).toBe('schema');
    const shape = designShape(design);
    expect(shape['public.users']?.columns).toEqual([
      'id bigserial not null',
      'email character varying not null',
      'role role not null',
      'created_at timestamp(6) without time zone not null',
    ]);
    expect(shape['public.posts']?.columns).toEqual([
      'id uuid not null',
      'user_id bigint null',
      'title character varying(120) null',
    ]);
    expect(shape['public.posts']?.foreignKeys).toEqual([
      '(user_id) -> public.users(id) on delete setNull on update noAction',
    ]);
    // t.references is not the dumper's: the report says so, at its line.
    expect(r.stderr).toContain(
      'schema.rb line 17: create_table "posts": t.references is written by hand',
    );
  });

  it("reads a real app's schema.rb, and one told by its content alone", async () => {
    const out = join(dir, 'rubygems.json');
    const r = await run('import', FIXTURE, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Imported 56 tables .* 0 failed\./);
    expect(Object.keys(designOf(out).tables)).toHaveLength(56);

    const renamed = join(dir, 'schema.txt');
    writeFileSync(renamed, SCHEMA);
    const again = await run('import', renamed, '-o', join(dir, 'txt.json'));
    expect(again.code).toBe(0);
    expect(Object.keys(designOf(join(dir, 'txt.json')).tables)).toHaveLength(2);
  });

  it('refuses a schema.rb with nothing to design from, and says why', async () => {
    const input = join(dir, 'empty.rb');
    writeFileSync(
      input,
      'ActiveRecord::Schema.define(version: 1) do\n  add_column "a", "b", :string\nend\n',
    );
    const r = await run('import', input, '-o', join(dir, 'empty.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Nothing in the schema.rb becomes a table');
    expect(r.stderr).toContain('schema.rb line 2: add_column "a"');
  });
});
