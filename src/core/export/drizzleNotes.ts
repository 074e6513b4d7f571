import type { Design, Table } from '../model/schema';
import { schemaNameOf } from '../sql/describe';
import type { OrmNote } from './ormNames';
import { enumLookup, parseOrmType } from './ormTypes';

/** What the drizzle exporter says it cannot declare, beyond single constraints and indexes. */

/**
 * Why drizzle-kit's SQL for this table would fail: it writes every identifier as `"name"` without
 * doubling a `"` inside, and a custom type in another schema as one quoted name.
 */
export function quotingProblem(
  design: Design,
  table: Table,
  customTypes: readonly string[],
): string | undefined {
  const names = [
    schemaNameOf(design, table.schemaId),
    table.name,
    ...table.columns.map((c) => c.name),
  ];
  for (const k of [...table.constraints, ...table.indexes]) if (k.name) names.push(k.name);
  const quoted = names.find((n) => n.includes('"'));
  if (quoted !== undefined) return `it does not escape the double quote in the name ${quoted}`;
  const enums = enumLookup(design);
  for (const c of table.columns) {
    const e = parseOrmType(c.type, enums).enumType;
    if (e && (e.name.includes('"') || schemaNameOf(design, e.schemaId).includes('"')))
      return `it does not escape the double quote in the type ${e.name}`;
  }
  const qualified = customTypes.find((t) => /^("([^"]|"")+"|[^".]+)\./.test(t));
  if (qualified !== undefined)
    return `it quotes the schema-qualified type ${qualified} as one name`;
  return undefined;
}

/** What CREATE TABLE can say and drizzle cannot: partitioning, inheritance, storage, security. */
export function tableOptionNotes(
  table: Table,
  note: (what: OrmNote['what'], name: string | undefined, message: string) => void,
): void {
  if (table.partitionBy) {
    note(
      'tableOption',
      undefined,
      `PARTITION BY ${table.partitionBy} cannot be declared in drizzle: the table is created as a plain table`,
    );
    // Keys and indexes of a partitioned table are "ON ONLY" the parent; on a plain table they are not.
    for (const k of table.constraints)
      if (k.kind === 'primaryKey' || k.kind === 'unique')
        note(
          'index',
          k.name || `${table.name}_pkey`,
          'the index of a key of a partitioned table (created plain here)',
        );
    for (const ix of table.indexes)
      note('index', ix.name, 'an index of a partitioned table (created plain here)');
  }
  if (table.inherits?.length)
    note(
      'tableOption',
      undefined,
      "INHERITS cannot be declared in drizzle: inherited columns are declared as the table's own",
    );
  if (table.unlogged) note('tableOption', undefined, 'UNLOGGED cannot be declared in drizzle');
  if (table.storageParameters?.length)
    note(
      'tableOption',
      undefined,
      `WITH (${table.storageParameters.join(', ')}) cannot be declared in drizzle`,
    );
  if (table.rowSecurity)
    note('tableOption', undefined, 'row level security is enabled by SQL, not drizzle');
}
