import { qualifiedName, quoteIdent, quoteLiteral } from '../../core/sql/quote';

/**
 * Column types for round-trip tests, each as a person writes it and as PostgreSQL prints it back
 * (format_type), with defaults and generation expressions in both forms (pg_get_expr). Comparing
 * against Postgres's own printing is the point: the test never guesses a normalization.
 */
export interface TypeSpec {
  written: string;
  formatted: string;
  family:
    | 'integer'
    | 'int2or8'
    | 'text'
    | 'varchar'
    | 'char'
    | 'numeric'
    | 'bool'
    | 'time'
    | 'date'
    | 'uuid'
    | 'jsonb'
    | 'array'
    | 'range'
    | 'float'
    | 'interval'
    | 'bytea'
    | 'serial'
    | 'enum';
  /** [written, as pg_get_expr prints it] */
  defaults: ReadonlyArray<readonly [string, string]>;
  /** A constant generation expression: [written, as pg_get_expr(..., true) prints it]. */
  generated?: readonly [string, string];
  collatable?: boolean;
  identity?: boolean;
}

const INTEGER_GENERATED = ["length('abc')", "length('abc'::text)"] as const;

export const BASE_TYPES: readonly TypeSpec[] = [
  {
    written: 'int',
    formatted: 'integer',
    family: 'integer',
    identity: true,
    defaults: [
      ['42', '42'],
      ['-1', "'-1'::integer"],
    ],
    generated: INTEGER_GENERATED,
  },
  {
    written: 'integer',
    formatted: 'integer',
    family: 'integer',
    identity: true,
    defaults: [['0', '0']],
    generated: INTEGER_GENERATED,
  },
  { written: 'int4', formatted: 'integer', family: 'integer', identity: true, defaults: [] },
  {
    written: 'bigint',
    formatted: 'bigint',
    family: 'int2or8',
    identity: true,
    defaults: [
      ['0', '0'],
      ['-1', "'-1'::integer"],
    ],
    generated: ['2 * 21', '(2 * 21)'],
  },
  { written: 'int8', formatted: 'bigint', family: 'int2or8', identity: true, defaults: [] },
  {
    written: 'smallint',
    formatted: 'smallint',
    family: 'int2or8',
    identity: true,
    defaults: [['1', '1']],
  },
  { written: 'serial', formatted: 'serial', family: 'serial', defaults: [] },
  { written: 'bigserial', formatted: 'bigserial', family: 'serial', defaults: [] },
  {
    written: 'text',
    formatted: 'text',
    family: 'text',
    collatable: true,
    defaults: [
      ["'hello'", "'hello'::text"],
      ["'it''s'", "'it''s'::text"],
      ["''", "''::text"],
    ],
    generated: ["'x' || 'y'", "'x'::text || 'y'::text"],
  },
  {
    written: 'varchar(20)',
    formatted: 'character varying(20)',
    family: 'varchar',
    collatable: true,
    defaults: [["'x'", "'x'::character varying"]],
  },
  {
    written: 'character varying',
    formatted: 'character varying',
    family: 'varchar',
    collatable: true,
    defaults: [],
  },
  {
    written: 'char(3)',
    formatted: 'character(3)',
    family: 'char',
    collatable: true,
    defaults: [["'abc'", "'abc'::bpchar"]],
  },
  {
    written: 'numeric(12,2)',
    formatted: 'numeric(12,2)',
    family: 'numeric',
    defaults: [
      ['0', '0'],
      ['1.50', '1.50'],
    ],
    generated: ['1.5', '1.5'],
  },
  { written: 'decimal(5,1)', formatted: 'numeric(5,1)', family: 'numeric', defaults: [] },
  { written: 'numeric', formatted: 'numeric', family: 'numeric', defaults: [['0.5', '0.5']] },
  {
    written: 'boolean',
    formatted: 'boolean',
    family: 'bool',
    defaults: [
      ['true', 'true'],
      ['false', 'false'],
    ],
    generated: ['true', 'true'],
  },
  { written: 'bool', formatted: 'boolean', family: 'bool', defaults: [] },
  {
    written: 'timestamptz',
    formatted: 'timestamp with time zone',
    family: 'time',
    defaults: [
      ['now()', 'now()'],
      ['CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP'],
    ],
  },
  {
    written: 'timestamp(3)',
    formatted: 'timestamp(3) without time zone',
    family: 'time',
    defaults: [['now()', 'now()']],
  },
  {
    written: 'date',
    formatted: 'date',
    family: 'date',
    defaults: [['CURRENT_DATE', 'CURRENT_DATE']],
  },
  {
    written: 'uuid',
    formatted: 'uuid',
    family: 'uuid',
    defaults: [['gen_random_uuid()', 'gen_random_uuid()']],
  },
  {
    written: 'jsonb',
    formatted: 'jsonb',
    family: 'jsonb',
    defaults: [["'{}'::jsonb", "'{}'::jsonb"]],
  },
  { written: 'text[]', formatted: 'text[]', family: 'array', defaults: [["'{}'", "'{}'::text[]"]] },
  {
    written: 'int[]',
    formatted: 'integer[]',
    family: 'array',
    defaults: [["'{}'", "'{}'::integer[]"]],
  },
  { written: 'int4range', formatted: 'int4range', family: 'range', defaults: [] },
  { written: 'tstzrange', formatted: 'tstzrange', family: 'range', defaults: [] },
  {
    written: 'double precision',
    formatted: 'double precision',
    family: 'float',
    defaults: [['0.5', '0.5']],
  },
  { written: 'float8', formatted: 'double precision', family: 'float', defaults: [] },
  { written: 'real', formatted: 'real', family: 'float', defaults: [] },
  {
    written: 'interval',
    formatted: 'interval',
    family: 'interval',
    defaults: [["'1 day'", "'1 day'::interval"]],
  },
  { written: 'bytea', formatted: 'bytea', family: 'bytea', defaults: [] },
];

/** A string constant as pg_get_expr prints it (standard_conforming_strings on: only ' doubled). */
function printedLiteral(value: string): string {
  return "'" + value.replaceAll("'", "''") + "'";
}

/**
 * The enum and its array as column types. `format_type` leaves types in `public` unqualified
 * (they are on the search path), so callers must keep enum names in `public` clear of
 * pg_catalog's type names.
 */
export function enumTypeSpecs(
  schema: string,
  name: string,
  firstLabel: string | undefined,
): TypeSpec[] {
  const written = qualifiedName(schema, name);
  const formatted =
    schema === 'public' ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
  const scalarDefaults: Array<readonly [string, string]> = [];
  if (firstLabel !== undefined) {
    scalarDefaults.push([quoteLiteral(firstLabel), `${printedLiteral(firstLabel)}::${formatted}`]);
  }
  return [
    { written, formatted, family: 'enum', defaults: scalarDefaults },
    {
      written: written + '[]',
      formatted: formatted + '[]',
      family: 'array',
      defaults: [["'{}'", `'{}'::${formatted}[]`]],
    },
  ];
}
