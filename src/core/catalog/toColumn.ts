import type { Column } from '../model/schema';
import type { ColumnRow } from './queries';
import { optional } from './values';

/** What `serial`, `bigserial` and `smallserial` expand to. */
const SERIAL_TYPES: Record<string, string> = {
  integer: 'serial',
  bigint: 'bigserial',
  smallint: 'smallserial',
};

/**
 * One column from its catalog row. A column that owns a plain sequence used as its default is
 * read back as `serial`/`bigserial`/`smallserial`, since the model has no sequences and the bare
 * `nextval('t_id_seq'::regclass)` default would not run without one.
 *
 * @param note called with a sentence when something is simplified
 */
export function toColumn(
  row: ColumnRow,
  id: string,
  note: (message: string) => void,
  where: string,
): Column {
  const column: Column = { id, name: row.name, type: row.type, nullable: !row.not_null };
  if (row.identity === 'a') column.identity = 'always';
  else if (row.identity === 'd') column.identity = 'byDefault';
  if (row.generated !== '') {
    column.generated = row.generated_expr ?? row.default_expr ?? '';
    if (row.generated === 'v') {
      note(
        `Column "${row.name}" of ${where} is a VIRTUAL generated column; the design keeps it as a STORED one.`,
      );
    }
  } else if (row.default_expr !== null) {
    const serial = SERIAL_TYPES[row.type];
    if (serial && row.is_serial) column.type = serial;
    else {
      column.default = row.default_expr;
      if (row.default_sequence !== null) {
        note(
          `Column "${row.name}" of ${where} takes its default from the sequence ${row.default_sequence}; the design has no sequences, so its DDL does not create it.`,
        );
      }
    }
  }
  if (row.type_kind === 'd') {
    note(
      `Column "${row.name}" of ${where} has the domain type ${row.type}; the design has no domains, so its DDL does not create it.`,
    );
  } else if (!row.builtin_type && row.type_kind !== 'e' && row.type_kind !== 'c') {
    note(
      `Column "${row.name}" of ${where} has the type ${row.type}, which the design does not create (an extension's type?).`,
    );
  }
  const collation = optional(row.collation);
  if (collation !== undefined) column.collation = collation;
  const comment = optional(row.comment);
  if (comment !== undefined) column.comment = comment;
  return column;
}
