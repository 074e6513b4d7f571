import type { Column } from '../model/schema';
import { jsString } from './ormNames';
import { classifyDefault, type OrmType } from './ormTypes';

/**
 * Column types and defaults as Sequelize v6 attribute options. A DataType is used where its
 * PostgreSQL spelling is exactly the column's; any other type is passed as its SQL text, which
 * Sequelize writes into CREATE TABLE verbatim (the documented way to use a type it lacks).
 */

const simple: Record<string, string> = {
  integer: 'DataTypes.INTEGER',
  bigint: 'DataTypes.BIGINT',
  smallint: 'DataTypes.SMALLINT',
  boolean: 'DataTypes.BOOLEAN',
  text: 'DataTypes.TEXT',
  real: 'DataTypes.REAL',
  'double precision': 'DataTypes.DOUBLE',
  date: 'DataTypes.DATEONLY',
  uuid: 'DataTypes.UUID',
  json: 'DataTypes.JSON',
  jsonb: 'DataTypes.JSONB',
  bytea: 'DataTypes.BLOB',
  inet: 'DataTypes.INET',
  cidr: 'DataTypes.CIDR',
  macaddr: 'DataTypes.MACADDR',
  citext: 'DataTypes.CITEXT',
  tsvector: 'DataTypes.TSVECTOR',
};

function elementType(type: OrmType): string | undefined {
  if (type.enumType) return undefined;
  const [a, b] = type.args;
  if (type.base === 'varchar' && a !== undefined) return `DataTypes.STRING(${a})`;
  if (type.base === 'char' && a !== undefined) return `DataTypes.CHAR(${a})`;
  if (type.base === 'numeric')
    return a === undefined ? 'DataTypes.DECIMAL' : `DataTypes.DECIMAL(${a}, ${b ?? 0})`;
  if (type.base === 'timestamptz' && a === undefined) return 'DataTypes.DATE';
  return type.args.length === 0 ? simple[type.base] : undefined;
}

/** The `type:` of an attribute: a DataType expression, or the SQL type as a string. */
export function sequelizeType(column: Column, type: OrmType): string {
  const element = elementType(type);
  const generated =
    column.generated === undefined
      ? ''
      : ` GENERATED ALWAYS AS (${column.generated.replace(/^\((.*)\)$/s, '$1')}) ${column.generatedKind === 'virtual' ? 'VIRTUAL' : 'STORED'}`;
  if (element && type.dims <= 1 && !generated)
    return type.dims === 1 ? `DataTypes.ARRAY(${element})` : element;
  return jsString(column.type + generated);
}

/**
 * `defaultValue:` as JavaScript, or undefined. Strings and whole numbers are plain values
 * (PostgreSQL stores them as the design has them); everything else is `Sequelize.literal`.
 */
export function sequelizeDefault(column: Column, type: OrmType): string | undefined {
  if (column.default === undefined || column.generated !== undefined) return undefined;
  const d = classifyDefault(column.default, type);
  if (d.kind === 'boolean') return String(d.value);
  if (d.kind === 'number' && /^-?\d+$/.test(column.default.trim()) && type.base !== 'numeric')
    return d.value;
  // A plain string becomes `'x'::text` on a text column, `'x'::character varying` on a varchar
  // one; a cast to another type (philomena's citext `''::character varying`) is kept.
  const cast = /::(text|character varying)$/.exec(column.default.trim())?.[1];
  const plain =
    type.dims === 0 &&
    ((cast === 'text' && type.base === 'text') ||
      (cast === 'character varying' && type.base === 'varchar'));
  if (d.kind === 'string' && (plain || type.enumType)) return jsString(d.value);
  return `Sequelize.literal(${jsString(column.default)})`;
}
