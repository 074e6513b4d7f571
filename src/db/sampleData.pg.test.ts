import { describe, expect, it } from 'vitest';
import { resetDatabase, useTestDb } from '../test/pglite';
import { readCatalog } from '../core/catalog/readCatalog';
import type { Design } from '../core/model';
import { planSampleData } from '../core/sample';
import { generateSampleData } from './sampleData';

const db = useTestDb();

/** Runs the DDL in a clean database and reads it back as a design, as import does. */
async function designOf(sql: string): Promise<Design> {
  const pg = await db();
  await resetDatabase(pg);
  await pg.exec(sql);
  return readCatalog(pg);
}

async function rows<T>(sql: string): Promise<T[]> {
  return (await (await db()).query<T>(sql)).rows;
}

describe('planSampleData', () => {
  it('orders parents before children and fills every table within its constraints', async () => {
    // Tables are created parents first; the design's order is then shuffled on purpose.
    const design = await designOf(`
      CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
      CREATE TABLE customer (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(12) NOT NULL UNIQUE,
        mood mood NOT NULL, rating smallint CHECK (rating BETWEEN 1 AND 5), note text CHECK (char_length(note) <= 8));
      CREATE TABLE product (id int PRIMARY KEY, price numeric(5,2) NOT NULL CHECK (price >= 0), code char(12) NOT NULL
        CHECK (code ~ '^[A-Z]{2}\\d{10}$'), tags text[], doc jsonb, seen timestamptz DEFAULT now());
      CREATE TABLE orders (id serial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customer, placed date NOT NULL,
        due date NOT NULL, status text NOT NULL CHECK (status IN ('new', 'paid', 'sent')), CHECK (due >= placed));
      CREATE TABLE line (order_id int NOT NULL REFERENCES orders, product_id int NOT NULL REFERENCES product,
        qty int NOT NULL CHECK (qty > 0), PRIMARY KEY (order_id, product_id));
    `);
    const reversed: Design = {
      ...design,
      tables: Object.fromEntries(Object.entries(design.tables).reverse()),
    };
    const plan = planSampleData(reversed, { rowsPerTable: 30 });
    const order = plan.steps.map((s) => s.table);
    expect(order.indexOf('customer')).toBeLessThan(order.indexOf('orders'));
    expect(order.indexOf('orders')).toBeLessThan(order.indexOf('line'));
    expect(order.indexOf('product')).toBeLessThan(order.indexOf('line'));
    expect(
      plan.steps.every((s) => /^INSERT INTO .+\nSELECT [\s\S]+generate_series/.test(s.sql)),
    ).toBe(true);

    const result = await generateSampleData(await db(), reversed, { rowsPerTable: 30 });
    expect(result.failed).toEqual([]);
    expect(result.filled.map((f) => [f.table, f.rows]).sort()).toEqual([
      ['customer', 30],
      ['line', 30],
      ['orders', 30],
      ['product', 30],
    ]);
    // Enum labels cycle; the CHECK's IN list and BETWEEN bounds are met.
    const moods = await rows<{ mood: string; n: number }>(
      'SELECT mood::text, count(*)::int AS n FROM customer GROUP BY 1 ORDER BY 1',
    );
    expect(moods).toEqual([
      { mood: 'happy', n: 10 },
      { mood: 'ok', n: 10 },
      { mood: 'sad', n: 10 },
    ]);
    const statuses = await rows<{ n: number }>(
      'SELECT count(DISTINCT status)::int AS n FROM orders',
    );
    expect(statuses[0]?.n).toBe(3);
    // The composite key of two foreign keys takes distinct pairs spread over both parents.
    const pairs = await rows<{ orders: number; products: number }>(
      'SELECT count(DISTINCT order_id)::int AS orders, count(DISTINCT product_id)::int AS products FROM line',
    );
    expect(pairs[0]?.orders).toBeGreaterThan(1);
    expect(pairs[0]?.products).toBeGreaterThan(1);
    const codes = await rows<{ code: string }>('SELECT code FROM product ORDER BY id LIMIT 1');
    expect(codes[0]?.code).toMatch(/^[A-Z]{2}\d{10}$/);
  });

  it('fills a nullable foreign key of a cycle with NULL and skips what cannot be generated', async () => {
    const design = await designOf(`
      CREATE TABLE a (id int PRIMARY KEY, b_id int);
      CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a);
      ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b;
      CREATE TABLE odd (id int PRIMARY KEY, shape polygon NOT NULL);
      CREATE TABLE odd_child (odd_id int NOT NULL REFERENCES odd);
    `);
    const plan = planSampleData(design, { rowsPerTable: 5 });
    expect(plan.steps.map((s) => s.table)).toEqual(['a', 'b']);
    expect(plan.skipped.map((s) => s.table).sort()).toEqual(['odd', 'odd_child']);
    expect(plan.skipped.find((s) => s.table === 'odd')?.reason).toMatch(/"shape".*polygon/);
    const result = await generateSampleData(await db(), design, { rowsPerTable: 5 });
    expect(result.filled).toHaveLength(2);
    expect(await rows('SELECT * FROM a WHERE b_id IS NOT NULL')).toEqual([]);
  });

  it('limits a one-to-one table to its parent rows and reports a CHECK it could not read', async () => {
    const design = await designOf(`
      CREATE TABLE person (id int PRIMARY KEY);
      CREATE TABLE passport (person_id int PRIMARY KEY REFERENCES person, serial text NOT NULL
        CONSTRAINT serial_is_odd CHECK (length(serial) % 2 = 1));
    `);
    const pg = await db();
    await pg.exec('INSERT INTO person SELECT generate_series(1, 3)');
    const result = await generateSampleData(pg, design, {
      rowsPerTable: 10,
      tables: [Object.values(design.tables).find((t) => t.name === 'passport')?.id ?? ''],
    });
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.reason).toMatch(/serial_is_odd/);
    const ok = await designOf(
      `CREATE TABLE person (id int PRIMARY KEY); CREATE TABLE passport (person_id int PRIMARY KEY REFERENCES person);`,
    );
    await pg.exec('INSERT INTO person SELECT generate_series(1, 3)');
    const filled = await generateSampleData(pg, ok, {
      rowsPerTable: 10,
      tables: Object.values(ok.tables)
        .filter((t) => t.name === 'passport')
        .map((t) => t.id),
    });
    expect(filled.filled).toEqual([expect.objectContaining({ table: 'passport', rows: 3 })]);
  });
});
