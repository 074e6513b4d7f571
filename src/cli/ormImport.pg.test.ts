import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesign, type Design } from '../core/model';
import { exportDrizzleWithNotes } from '../core/export/drizzle';
import { ormGoldenCases } from '../test/ormGolden';
import { designShape } from '../test/designShape';
import { main } from './main';
import { drizzleSql } from './ormInput';

const dir = mkdtempSync(join(tmpdir(), 'tablewright-orm-'));
// A Drizzle module imports drizzle-orm: it must sit where node_modules resolves it.
const moduleDir = fileURLToPath(
  new URL(`../../node_modules/.cache/tablewright-orm-cli-${process.pid}/`, import.meta.url),
);
mkdirSync(moduleDir, { recursive: true });
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(moduleDir, { recursive: true, force: true });
});

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

const SCHEMA = `datasource db {
  provider = "postgresql"
}

enum Role {
  ADMIN
  MEMBER @map("member")
}

/// People who sign in.
model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique @db.VarChar(320)
  role      Role      @default(MEMBER)
  createdAt DateTime  @default(now()) @map("created_at") @db.Timestamptz(3)
  token     String    @default(uuid()) @db.Uuid
  posts     Post[]
  groups    Group[]

  @@map("users")
}

model Post {
  id       BigInt  @id @default(autoincrement())
  title    String
  author   User?   @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int?    @map("author_id")
  tags     String[]

  @@index([authorId, title(sort: Desc)])
}

model Group {
  id    Int    @id
  name  String
  users User[]
}
`;

describe('tablewright import schema.prisma', () => {
  it('reads a Prisma schema as Prisma Migrate would create it', async () => {
    const input = join(dir, 'schema.prisma');
    writeFileSync(input, SCHEMA);
    const out = join(dir, 'prisma.json');
    const r = await run('import', input, '-o', out);
    expect(r.stderr).toContain("with Prisma's schema engine");
    expect(r.code).toBe(0);
    const design = designOf(out);
    expect(design.name).toBe('schema');
    const shape = designShape(design);
    expect(Object.keys(shape).sort()).toEqual([
      'public.Group',
      'public.Post',
      'public._GroupToUser',
      'public.users',
    ]);
    expect(shape['public.users']?.columns).toEqual([
      'id serial not null',
      'email character varying(320) not null',
      'role "Role" not null',
      'created_at timestamp(3) with time zone not null',
      'token uuid not null',
    ]);
    expect(shape['public.Post']?.columns).toEqual([
      'id bigserial not null',
      'title text not null',
      'author_id integer null',
      'tags text[] null',
    ]);
    expect(shape['public.users']?.uniques).toEqual(['email']);
    expect(shape['public.Post']?.foreignKeys).toEqual([
      '(author_id) -> public.users(id) on delete cascade on update cascade',
    ]);
    // The implicit many-to-many relation's join table, as Prisma makes it.
    expect(shape['public._GroupToUser']).toEqual({
      columns: ['A integer not null', 'B integer not null'],
      primaryKey: ['A', 'B'],
      uniques: [],
      foreignKeys: [
        '(A) -> public.Group(id) on delete cascade on update cascade',
        '(B) -> public.users(id) on delete cascade on update cascade',
      ],
    });
    const users = Object.values(design.tables).find((t) => t.name === 'users');
    expect(users?.columns.find((c) => c.name === 'role')?.default).toBe(`'member'::"Role"`);
    expect(users?.columns.find((c) => c.name === 'created_at')?.default).toBe('CURRENT_TIMESTAMP');
    expect(users?.constraints.find((k) => k.kind === 'primaryKey')?.name).toBe('users_pkey');
    expect(users?.indexes.map((i) => i.name)).toEqual(['users_email_key']);
    const post = Object.values(design.tables).find((t) => t.name === 'Post');
    expect(post?.indexes.map((i) => i.name)).toEqual(['Post_author_id_title_idx']);
    expect(Object.values(design.enums).map((e) => e.values)).toEqual([['ADMIN', 'member']]);
    // What the database does not get is said.
    expect(r.stderr).toContain('users.token: @default(uuid(4)) is made by Prisma Client');
  });

  it("refuses a broken schema with Prisma's own message and its line, writing nothing", async () => {
    const input = join(dir, 'broken.prisma');
    writeFileSync(input, SCHEMA.replace('title    String', 'title    Strin'));
    const out = join(dir, 'broken.json');
    const r = await run('import', input, '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("broken.prisma: Prisma's schema engine refused it (line 25)");
    expect(r.stderr).toContain('Type "Strin" is neither a built-in type');
    expect(r.stderr).toContain('-->  broken.prisma:25');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a schema for another database', async () => {
    const input = join(dir, 'mysql.prisma');
    writeFileSync(
      input,
      'datasource db {\n  provider = "mysql"\n}\n\nmodel A {\n  id Int @id\n}\n',
    );
    const r = await run('import', input);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('datasource provider is "mysql"');
    expect(r.stdout).toBe('');
  });
});

describe('tablewright import schema.ts (Drizzle)', () => {
  for (const golden of ormGoldenCases()) {
    it(`design → Drizzle → drizzle-kit → import keeps ${golden.name}`, async () => {
      const { text, notes } = exportDrizzleWithNotes(golden.design);
      const input = join(moduleDir, `${golden.name.replace(/\W/g, '_')}.ts`);
      writeFileSync(input, text);
      const out = join(dir, `${golden.name}.drizzle.json`);
      const r = await run('import', input, '-o', out);
      expect(r.stderr).toContain('with drizzle-kit, then PostgreSQL');
      const skipTables = new Set(notes.filter((n) => n.what === 'table').map((n) => n.object));
      // Its id's default reads a sequence of the design's own that a Drizzle schema does not
      // declare (the exporter writes no pgSequence): PostgreSQL refuses the table here, as it
      // would in a project whose migrations did not create the sequence first.
      if (golden.name === 'orm-nasty-names') skipTables.add('Sales Dept.user');
      expect(designShape(designOf(out), { orm: true })).toEqual(
        designShape(golden.design, { orm: true, skipTables }),
      );
    });
  }

  it('asks for a path, not standard input', async () => {
    expect(await drizzleSql('-')).toMatchObject({
      ok: false,
      error: expect.stringContaining('give its path'),
    });
  });

  it('says what went wrong when the module cannot be loaded', async () => {
    const input = join(moduleDir, 'broken.ts');
    writeFileSync(
      input,
      "import { pgTable } from 'drizzle-orm/pg-core';\nexport const t = pgTable(;\n",
    );
    const r = await run('import', input, '-o', join(dir, 'never.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.ts: the module could not be loaded');
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });
});
