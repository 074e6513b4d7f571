/**
 * pull, check and migrate against a real PostgreSQL server (Debian's, started for this file):
 * a pulled design gives back the database's catalog, drift is found and not found, migrate
 * --apply brings a copy to the design, and --into keeps what the person made of the design.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDesign, serializeDocument, type DesignDocument } from '../../core/model';
import { generateDdl } from '../../core/sql';
import { diffSnapshots } from '../../test/catalogSnapshot';
import { startLivePostgres, SUPERUSER_PASSWORD, type LivePostgres } from '../../test/livePostgres';
import { catalogSnapshotAt, cli } from './liveTesting';

const SHOP = `
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
-- Before PostgreSQL 17 a domain's NOT NULL is pg_type.typnotnull only, with no constraint row.
CREATE DOMAIN quantity AS integer NOT NULL CHECK (VALUE > 0);
CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email varchar(200) NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE customers IS 'People who buy';
CREATE TABLE orders (
  id serial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  status order_status NOT NULL DEFAULT 'new',
  total numeric(10,2) CHECK (total >= 0)
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE TABLE audit_log (id int PRIMARY KEY, note text, copies quantity);
CREATE VIEW paid_orders AS SELECT id, total FROM orders WHERE status = 'paid';
`;

let server: LivePostgres;
let dir: string;

beforeAll(async () => {
  server = await startLivePostgres();
  dir = mkdtempSync(join(tmpdir(), 'tablewright-live-'));
  await server.createDatabase('shop');
  await server.query(SHOP, 'shop');
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const readDoc = (path: string): DesignDocument => {
  const parsed = parseDesign(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};

/** A database holding the design's DDL, built by the server itself. */
async function databaseFromDesign(doc: DesignDocument, name: string): Promise<void> {
  await server.createDatabase(name);
  await server.query(generateDdl(doc.design).text, name);
}

const snapshotOf = (database: string) => catalogSnapshotAt(server.url(database));

describe('pull', () => {
  it('reads the database into a design whose DDL gives the same catalog', async () => {
    const out = join(dir, 'shop.json');
    const run = await cli(['pull', server.url('shop'), '-o', out]);
    expect(run.stderr).toContain('Read 3 tables');
    expect(run.code, run.stderr).toBe(0);
    const doc = readDoc(out);
    const names = Object.values(doc.design.tables).map((t) => t.name);
    expect(names).toEqual(['customers', 'orders', 'audit_log']);
    // The three tables and the view are drawn.
    expect(Object.keys(doc.layout.tables)).toHaveLength(4);
    await databaseFromDesign(doc, 'shop_rebuilt');
    const differences = diffSnapshots(await snapshotOf('shop'), await snapshotOf('shop_rebuilt'));
    expect(differences).toEqual([]);
    // The oracle can fail: a database that lacks one column differs.
    await server.query('ALTER TABLE audit_log DROP COLUMN note', 'shop_rebuilt');
    expect(
      diffSnapshots(await snapshotOf('shop'), await snapshotOf('shop_rebuilt')).map((d) => d.key),
    ).toContain('column:public.audit_log.note');
  });

  it('--schema reads only the schemas named', async () => {
    await server.createDatabase('two_schemas');
    await server.query(
      'CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int PRIMARY KEY); CREATE TABLE public.users (id int PRIMARY KEY);',
      'two_schemas',
    );
    const run = await cli(['pull', server.url('two_schemas'), '--schema', 'billing']);
    expect(run.code, run.stderr).toBe(0);
    const doc = parseDesign(run.stdout);
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    expect(Object.values(doc.value.design.tables).map((t) => t.name)).toEqual(['invoices']);
  });
});

describe('check', () => {
  it('finds no drift between a database and its pulled design, and drift both ways after a change', async () => {
    const design = join(dir, 'check.json');
    expect((await cli(['pull', server.url('shop'), '-o', design])).code).toBe(0);
    const clean = await cli(['check', design, '--against', server.url('shop')]);
    expect(clean.stdout).toContain('No drift');
    expect(clean.code).toBe(0);

    await server.createDatabase('shop_drifted', 'shop');
    await server.query(
      'ALTER TABLE orders ADD COLUMN coupon text; DROP VIEW paid_orders; ALTER TABLE customers ALTER COLUMN email TYPE varchar(300); CREATE TABLE extra_table (id int);',
      'shop_drifted',
    );
    const drifted = await cli(['check', design, '--against', server.url('shop_drifted')]);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain('In the database, not in the design');
    expect(drifted.stdout).toContain('column orders.coupon');
    expect(drifted.stdout).toContain('table extra_table');
    expect(drifted.stdout).toContain('In the design, not in the database');
    expect(drifted.stdout).toContain('paid_orders');
    expect(drifted.stdout).toMatch(
      /customers\.email: type character varying\(300\) -> character varying\(200\)/,
    );

    const json = await cli(['check', design, '--against', server.url('shop_drifted'), '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      drift: boolean;
      databaseOnly: string[];
      database: string;
    };
    expect(report.drift).toBe(true);
    expect(report.databaseOnly).toContain('table extra_table');
    expect(report.database).toBe(server.url('shop_drifted').replace(SUPERUSER_PASSWORD, '***'));
    for (const run of [clean, drifted, json])
      expect(run.stdout + run.stderr).not.toContain(SUPERUSER_PASSWORD);
  });
});

describe('migrate', () => {
  it('--apply brings a copy of the database to the design in one transaction; check then finds no drift', async () => {
    const design = join(dir, 'migrate.json');
    expect((await cli(['pull', server.url('shop'), '-o', design])).code).toBe(0);
    await server.createDatabase('shop_copy', 'shop');
    await server.query(
      "ALTER TABLE customers DROP COLUMN created_at; DROP INDEX orders_customer_idx; CREATE TABLE stray (id int); INSERT INTO customers (email) VALUES ('a@example.com');",
      'shop_copy',
    );
    const url = server.url('shop_copy');
    const script = join(dir, 'migration.sql');

    // Written, verified, not applied.
    const dry = await cli(['migrate', design, '--against', url, '--simple', '-o', script]);
    expect(dry.stderr).toContain('verified');
    expect(dry.code, dry.stderr).toBe(0);
    expect(readFileSync(script, 'utf8')).toMatch(/ADD COLUMN created_at timestamp with time zone/);
    expect((await cli(['check', design, '--against', url])).code).toBe(1);

    // --apply without a terminal or --yes: refused, nothing changes.
    const unconfirmed = await cli(['migrate', design, '--against', url, '--simple', '--apply'], {});
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('add --yes');
    // A person who answers no.
    const declined = await cli(['migrate', design, '--against', url, '--simple', '--apply'], {
      confirm: async () => false,
    });
    expect(declined.code).toBe(1);
    expect((await cli(['check', design, '--against', url])).code).toBe(1);

    // --safe builds the index concurrently, which no transaction can hold: refused for --apply.
    const safe = await cli(['migrate', design, '--against', url, '--apply', '--yes']);
    expect(safe.code).toBe(1);
    expect(safe.stderr).toContain('cannot run inside one');

    const asked: string[] = [];
    const applied = await cli(['migrate', design, '--against', url, '--simple', '--apply'], {
      confirm: async (q) => {
        asked.push(q);
        return true;
      },
    });
    expect(applied.stderr).toContain('Applied');
    expect(applied.code, applied.stderr).toBe(0);
    expect(asked[0]).toMatch(
      /Apply \d+ statements to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/shop_copy/,
    );
    const after = await cli(['check', design, '--against', url]);
    expect(after.stdout).toContain('No drift');
    expect(after.code).toBe(0);
    // The rows were kept: a migration, not a rebuild.
    expect(await server.query('SELECT email FROM customers', 'shop_copy')).toEqual([
      { email: 'a@example.com' },
    ]);
    expect(diffSnapshots(await snapshotOf('shop'), await snapshotOf('shop_copy'))).toEqual([]);
  });

  it('with nothing to change says so and writes nothing', async () => {
    const design = join(dir, 'same.json');
    expect((await cli(['pull', server.url('shop'), '-o', design])).code).toBe(0);
    const script = join(dir, 'nothing.sql');
    const run = await cli(['migrate', design, '--against', server.url('shop'), '-o', script]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('nothing to migrate');
    expect(existsSync(script)).toBe(false);
  });
});

describe('migrate refuses what PostgreSQL did not verify', () => {
  it('a database PGlite cannot rebuild (an extension it does not ship): written, exit 1, not applied', async () => {
    const design = join(dir, 'unverifiable.json');
    expect((await cli(['pull', server.url('shop'), '-o', design])).code).toBe(0);
    await server.createDatabase('shop_ext', 'shop');
    await server.query('CREATE EXTENSION pgstattuple', 'shop_ext');
    const script = join(dir, 'unverified.sql');
    const run = await cli([
      'migrate',
      design,
      '--against',
      server.url('shop_ext'),
      '--simple',
      '-o',
      script,
      '--apply',
      '--yes',
    ]);
    expect(run.stderr).toContain('verification failed');
    expect(run.stderr).toContain('not applied: PostgreSQL (PGlite) did not verify the migration');
    expect(run.code).toBe(1);
    expect(readFileSync(script, 'utf8')).toContain('DROP EXTENSION');
    expect(
      await server.query(
        "SELECT extname FROM pg_extension WHERE extname = 'pgstattuple'",
        'shop_ext',
      ),
    ).toHaveLength(1);
  });
});

describe('pull --into', () => {
  it('keeps ids, positions, colours, notes and comments; places new tables; lists removed ones', async () => {
    await server.createDatabase('shop_evolving', 'shop');
    const file = join(dir, 'evolving.json');
    expect((await cli(['pull', server.url('shop_evolving'), '-o', file])).code).toBe(0);
    const before = readDoc(file);
    const byName = (doc: DesignDocument, name: string) =>
      Object.values(doc.design.tables).find((t) => t.name === name)!;
    const customers = byName(before, 'customers');
    const orders = byName(before, 'orders');
    // What a person did in the studio: moved and coloured a table, wrote a note and a comment.
    before.layout.tables[customers.id] = {
      ...before.layout.tables[customers.id]!,
      x: 1234,
      y: -56,
      color: 'amber',
    };
    before.design.notes = { n_1: { id: 'n_1', text: 'Ask finance about totals' } };
    before.layout.notes = { n_1: { x: 10, y: 20 } };
    const totalId = orders.columns.find((c) => c.name === 'total')!.id;
    before.design.tables[orders.id]!.columns.find((c) => c.id === totalId)!.comment =
      'Gross, in euros';
    writeFileSync(file, serializeDocument(before));

    await server.query(
      'DROP TABLE audit_log; ALTER TABLE orders ADD COLUMN shipped_at timestamptz; CREATE TABLE order_lines (order_id int REFERENCES orders (id), sku text);',
      'shop_evolving',
    );
    const run = await cli(['pull', server.url('shop_evolving'), '--into', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('1 new (placed beside their neighbours): public.order_lines');
    expect(run.stderr).toContain('1 removed (no longer in the database): public.audit_log');
    const after = readDoc(file);
    expect(after.design.id).toBe(before.design.id);
    expect(after.layout.tables[customers.id]).toMatchObject({ x: 1234, y: -56, color: 'amber' });
    expect(after.layout.tables[orders.id]).toEqual(before.layout.tables[orders.id]);
    expect(after.design.notes).toEqual(before.design.notes);
    expect(after.layout.notes).toEqual(before.layout.notes);
    const newOrders = after.design.tables[orders.id]!;
    expect(newOrders.columns.map((c) => c.name)).toEqual([
      'id',
      'customer_id',
      'status',
      'total',
      'shipped_at',
    ]);
    for (const c of orders.columns)
      expect(newOrders.columns.find((n) => n.name === c.name)!.id).toBe(c.id);
    for (const k of orders.constraints)
      expect(newOrders.constraints.map((n) => n.id)).toContain(k.id);
    expect(newOrders.columns.find((c) => c.id === totalId)!.comment).toBe('Gross, in euros');
    const lines = byName(after, 'order_lines');
    const placed = after.layout.tables[lines.id]!;
    // Beside orders (what it references), not at the origin.
    expect(placed.x).toBeGreaterThan(after.layout.tables[orders.id]!.x);
    expect(Object.values(after.design.tables).map((t) => t.name)).not.toContain('audit_log');
  });
});
