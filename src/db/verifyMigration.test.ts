import { describe, expect, it } from 'vitest';
import { emptyDesign, exampleDocument, type Design } from '../core/model';
import { planMigration } from '../core/diff';
import { useTestDb } from '../test/pglite';
import { sharedMigrationDb } from '../test/migrationDb';
import { verifyMigration } from './verifyMigration';
import { baseDesign, col, edited } from '../core/diff/testDesigns';

const db = useTestDb();
const createDb = sharedMigrationDb(db);

const a = exampleDocument().design;
const b: Design = structuredClone(a);
b.tables.t_orders!.name = 'purchases';
b.tables.t_orders!.columns[1]!.name = 'buyer_id';
b.tables.t_orders!.columns.push({
  id: 'c_note',
  name: 'note',
  type: 'varchar(20)',
  nullable: true,
});
b.enums.e_order_status!.values.push('refunded');
delete b.tables.t_addresses;
b.tables.t_orders!.constraints = b.tables.t_orders!.constraints.filter(
  (k) => k.kind !== 'foreignKey' || k.refTableId !== 't_addresses',
);

describe('verifyMigration', () => {
  it.each(['safe', 'simple'] as const)(
    'proves the example shop edits in %s mode, up and down',
    async (mode) => {
      expect(await verifyMigration(a, b, { mode, createDb })).toEqual({ verified: true });
    },
  );

  it('reports exactly what a migration missing a step leaves different', async () => {
    const migration = planMigration(a, b, { mode: 'simple' });
    const dropped = migration.up.findIndex((s) => s.sql.includes('ADD COLUMN note'));
    migration.up.splice(dropped, 1);
    const result = await verifyMigration(a, b, { mode: 'simple', createDb, migration });
    expect(result).toEqual({
      verified: false,
      differences: [
        'up: missing column:public.purchases.note: {"type" : "character varying(20)", "not_null" : false, "default" : null, "identity" : "", "generated" : "", "generation" : null, "collation" : null, "comment" : null}',
      ],
    });
  });

  it('reports the statement PostgreSQL refused, and where', async () => {
    const migration = planMigration(a, b, { mode: 'safe' });
    migration.down.splice(1, 0, {
      sql: 'ALTER TABLE nowhere ADD COLUMN x int;',
      description: 'broken',
      lock: 'none',
      transactional: true,
      entityIds: [],
    });
    const result = await verifyMigration(a, b, { mode: 'safe', createDb, migration });
    expect(result).toEqual({
      verified: false,
      differences: [],
      failedStep: {
        direction: 'down',
        index: 1,
        sql: 'ALTER TABLE nowhere ADD COLUMN x int;',
        error: 'relation "nowhere" does not exist',
      },
    });
  });
});

describe('verifyMigration with a partitioned table', () => {
  const table = (
    id: string,
    name: string,
    extra: object,
    ids: [string, string],
  ): Design['tables'][string] => ({
    id,
    schemaId: 's_public',
    name,
    columns: [
      { id: ids[0], name: 'id', type: 'bigint', nullable: false },
      { id: ids[1], name: 'at', type: 'date', nullable: false },
    ],
    constraints: [],
    indexes: [],
    ...extra,
    inherits: [],
    storageParameters: [],
  });
  const p: Design = {
    ...emptyDesign('p', 'd_p'),
    tables: {
      t_events: table('t_events', 'events', { partitionBy: 'RANGE (at)' }, ['c_e_id', 'c_e_at']),
      t_events_2024: table(
        't_events_2024',
        'events_2024',
        {
          partitionOf: {
            tableId: 't_events',
            bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
          },
        },
        ['c_p_id', 'c_p_at'],
      ),
    },
  };
  const q: Design = structuredClone(p);
  for (const t of Object.values(q.tables)) {
    t.columns[0]!.name = 'event_id';
    t.columns.push({ id: `${t.id}_note`, name: 'note', type: 'text', nullable: true });
  }

  it.each(['safe', 'simple'] as const)(
    'renames and adds columns on the parent only (%s mode)',
    async (mode) => {
      const migration = planMigration(p, q, { mode });
      expect(migration.up.map((s) => s.sql)).toEqual([
        'ALTER TABLE events RENAME COLUMN id TO event_id;',
        'ALTER TABLE events ADD COLUMN note text;',
      ]);
      expect(await verifyMigration(p, q, { mode, createDb, migration })).toEqual({
        verified: true,
      });
    },
  );
});

describe('verifyMigration with an enum label used in the same migration', () => {
  it.each(['safe', 'simple'] as const)('commits the label first (%s mode)', async (mode) => {
    const base = baseDesign();
    const withLabel = edited(base, (d) => {
      d.enums.e_mood!.values.push('calm');
      d.tables.t_users!.columns.push(col('c_mood', 'mood', 'mood', { default: "'calm'::mood" }));
    });
    expect(await verifyMigration(base, withLabel, { mode, createDb })).toEqual({ verified: true });
  });
});
