import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { propertyParameters } from '../../test/propertySeed';
import { resetDatabase, useTestDb } from '../../test/pglite';
import { canonicalType, sameType } from './pgType';
import { COMMON_TYPES } from './typeNames';

const db = useTestDb();

/** Other spellings of the offered types: aliases, modifiers, arrays, the SQL-standard forms. */
const SPELLINGS = [
  'int',
  'int4',
  'INTEGER',
  'int2',
  'int8',
  'pg_catalog.int4',
  '"int4"',
  'int4[]',
  'integer[][]',
  'int[3]',
  'integer ARRAY',
  'int ARRAY[4]',
  'serial',
  'bigserial',
  'smallserial',
  'serial4',
  'serial8',
  'serial2',
  'varchar',
  'varchar(10)',
  'character varying(10)',
  'char varying(10)',
  'national character varying(10)',
  'varchar(10)[]',
  'char',
  'character',
  'character(3)',
  'nchar(3)',
  'bpchar',
  'bpchar(4)',
  '"char"',
  'timestamptz',
  'timestamptz(3)',
  'timestamp(3) with time zone',
  'timestamp (3)  WITH TIME ZONE',
  'timestamp(0) without time zone',
  'timestamp with time zone[]',
  'timestamptz(3)[]',
  'time with time zone',
  'time(2) with time zone',
  'timetz',
  'timetz(4)',
  'time(6)',
  'time without time zone',
  'numeric(10,2)',
  'numeric(10)',
  'decimal',
  'decimal(8,3)',
  'dec(5,1)',
  'numeric(5,-2)',
  'bit',
  'bit(4)',
  'bit varying',
  'bit varying(3)',
  'varbit(7)',
  'double precision',
  'float8',
  'float',
  'float(10)',
  'float(24)',
  'float(25)',
  'float4',
  'real',
  'bool',
  'boolean[]',
  'interval',
  'interval(3)',
  'interval year to month',
  'interval day to second(3)',
  'interval second(2)',
  'interval hour',
  'interval minute to second',
  'macaddr8',
  'int8range',
  'numrange',
  'tsrange',
  'tsquery',
  'oid',
  'name',
  'jsonb[]',
  'uuid[]',
  'pg_catalog.text',
  'public.mood',
  'mood',
  'mood[]',
  'other.mood',
  '"Weird Type"',
  'other."Weird Type"[]',
];

/** Types from extensions need the extension; PGlite in Node has none installed by default. */
const NEEDS_EXTENSION = new Set(['citext']);

const TYPES = [...COMMON_TYPES.filter((t) => !NEEDS_EXTENSION.has(t)), ...SPELLINGS];

/** What PostgreSQL prints for a column declared with each type, in order. */
async function formatTypes(types: readonly string[]): Promise<string[]> {
  const pg = await db();
  const columns = types.map((t, i) => `c${i} ${t}`).join(', ');
  await pg.exec(`DROP TABLE IF EXISTS probe; CREATE TABLE probe (${columns});`);
  const { rows } = await pg.query<{ type: string }>(`
    SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = 'probe'::regclass AND a.attnum > 0
    ORDER BY a.attnum`);
  return rows.map((r) => r.type);
}

describe('parsePgType against PostgreSQL', () => {
  beforeAll(async () => {
    const pg = await db();
    await resetDatabase(pg);
    await pg.exec(`
      CREATE TYPE mood AS ENUM ('sad', 'ok');
      CREATE SCHEMA other;
      CREATE TYPE other.mood AS ENUM ('x');
      CREATE TYPE "Weird Type" AS ENUM ('y');
      CREATE TYPE other."Weird Type" AS ENUM ('z');`);
  });

  it('spells every offered type and its aliases as format_type does', async () => {
    const printed = await formatTypes(TYPES);
    const mine = TYPES.map((t) => canonicalType(t));
    expect(Object.fromEntries(TYPES.map((t, i) => [t, mine[i]]))).toEqual(
      Object.fromEntries(TYPES.map((t, i) => [t, printed[i]])),
    );
  });

  it('calls two spellings the same type exactly when PostgreSQL does', async () => {
    const printed = new Map(TYPES.map((t, i) => [t, i] as const));
    const formats = await formatTypes(TYPES);
    await fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.constantFrom(...TYPES), (a, b) => {
        const same = formats[printed.get(a) as number] === formats[printed.get(b) as number];
        expect(sameType(a, b)).toBe(same);
      }),
      propertyParameters({ numRuns: 300 }),
    );
  });
});
