/** Comparing PostgreSQL type spellings without a database: for hints, never for validation. */
import { plainType, sameType, shortSpelling } from './pgType';

/** A column that references a serial/identity key stores the plain integer type. */
export const referencingType = plainType;

/** Whether a referencing column's type matches the referenced column's (serial keys want integers). */
export function typesMatchForReference(columnType: string, referencedType: string): boolean {
  return sameType(columnType, plainType(referencedType));
}

/** Suggestions for the type field: the PostgreSQL types people use most, best practice first. */
export const COMMON_TYPES = [
  'bigint',
  'integer',
  'smallint',
  'text',
  'boolean',
  'timestamptz',
  'date',
  'time',
  'interval',
  'numeric',
  'numeric(12,2)',
  'uuid',
  'jsonb',
  'json',
  'bytea',
  'inet',
  'cidr',
  'macaddr',
  'double precision',
  'real',
  'char(2)',
  'varchar(255)',
  'timestamp',
  'tsvector',
  'citext',
  'text[]',
  'integer[]',
  'int4range',
  'tstzrange',
  'daterange',
  'point',
  'money',
  'xml',
];

/** The short spelling of a type for the canvas, where width is scarce (the DDL keeps Postgres's). */
export function shortTypeName(type: string): string {
  return shortSpelling(type, { terse: true });
}
