import type { Column } from '../model/schema';
import { qualifiedName } from '../sql/quote';
import { defaultSequenceName, makeObjectName } from './objectNames';
import type { ColumnRow } from './queries';
import type { SequenceOptionFields } from './extrasQueries';
import { optional } from './values';

/** What `serial`, `bigserial` and `smallserial` expand to. */
const SERIAL_TYPES: Record<string, string> = {
  integer: 'serial',
  bigint: 'bigserial',
  smallint: 'smallserial',
};

/**
 * One column from its catalog row. A column whose default is the nextval of a sequence exactly
 * as serial makes it is read back as `serial`/`bigserial`/`smallserial`; any other sequence is
 * kept as a raw object and the column keeps its `nextval(...)` default.
 */
export function toColumn(row: ColumnRow, id: string, tableName: string): Column {
  const column: Column = { id, name: row.name, type: row.type, nullable: !row.not_null };
  if (row.identity === 'a') column.identity = 'always';
  else if (row.identity === 'd') column.identity = 'byDefault';
  if (column.identity) {
    const options = identityOptions(row, tableName);
    if (options) column.identityOptions = options;
  }
  if (row.generated !== '') {
    column.generated = row.generated_expr ?? row.default_expr ?? '';
    if (row.generated === 'v') column.generatedKind = 'virtual';
  } else if (row.default_expr !== null) {
    const serial = SERIAL_TYPES[row.type];
    if (serial && row.serial_sequence === defaultSequenceName(tableName, row.name))
      column.type = serial;
    else column.default = row.default_expr;
  }
  if (
    row.not_null &&
    row.not_null_name &&
    row.not_null_name !== makeObjectName(tableName, row.name, 'not_null')
  ) {
    column.notNullName = row.not_null_name;
  }
  const collation = optional(row.collation);
  if (collation !== undefined) column.collation = collation;
  const comment = optional(row.comment);
  if (comment !== undefined) column.comment = comment;
  return column;
}

interface IdentitySequence extends SequenceOptionFields {
  name: string;
  schema: string;
  table_schema: string;
}

const TYPE_RANGE: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

/**
 * The identity sequence's options where they differ from what `AS IDENTITY` alone would make,
 * in the order pg_dump writes them; undefined when all are defaults.
 */
function identityOptions(row: ColumnRow, tableName: string): string | undefined {
  const raw = row.identity_sequence;
  if (raw === null || raw === undefined) return undefined;
  const seq = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IdentitySequence;
  const [typeMin, typeMax] = TYPE_RANGE[row.type] ?? TYPE_RANGE.bigint!;
  const ascending = !seq.increment.startsWith('-');
  const defaultMin = ascending ? '1' : typeMin;
  const defaultMax = ascending ? typeMax : '-1';
  const options: string[] = [];
  if (seq.schema !== seq.table_schema || seq.name !== defaultSequenceName(tableName, row.name)) {
    options.push('SEQUENCE NAME ' + qualifiedName(seq.schema, seq.name));
  }
  if (seq.start !== (ascending ? seq.min : seq.max)) options.push('START WITH ' + seq.start);
  if (seq.increment !== '1') options.push('INCREMENT BY ' + seq.increment);
  if (seq.min !== defaultMin) options.push('MINVALUE ' + seq.min);
  if (seq.max !== defaultMax) options.push('MAXVALUE ' + seq.max);
  if (seq.cache !== '1') options.push('CACHE ' + seq.cache);
  if (seq.cycle) options.push('CYCLE');
  return options.length > 0 ? options.join(' ') : undefined;
}
