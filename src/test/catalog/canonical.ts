import type { Constraint, Design, Index, IndexElement, Table } from '../../core/model/schema';

/**
 * A design reduced to what a round trip through PostgreSQL must preserve, keyed by names rather
 * than ids (the catalog assigns its own ids), in a stable order so `toEqual` shows a readable diff.
 * Constraint and index names are kept only where the original design named them: Postgres names
 * the others itself.
 */
export interface CanonicalDesign {
  schemas: string[];
  enums: string[];
  tables: Array<{
    name: string;
    comment?: string;
    columns: string[];
    constraints: string[];
    indexes: string[];
  }>;
}

/**
 * @param namedIn the original design: its named constraints and indexes decide which names count
 */
export function canonicalize(design: Design, namedIn: Design): CanonicalDesign {
  const keptNames = new Set<string>();
  for (const t of Object.values(namedIn.tables)) {
    for (const k of t.constraints) {
      if (k.name) keptNames.add(`${tableKey(namedIn, t)} ${k.name}`);
    }
    for (const ix of t.indexes) {
      if (ix.name) keptNames.add(`${schemaOf(namedIn, t.schemaId)} ${ix.name}`);
    }
  }
  const tables = Object.values(design.tables).map((t) => {
    const columnName = (id: string) => t.columns.find((c) => c.id === id)?.name ?? `?${id}`;
    const keep = (name: string | undefined, scope: string) =>
      name && keptNames.has(`${scope} ${name}`) ? ` named ${JSON.stringify(name)}` : '';
    return {
      name: tableKey(design, t),
      ...(t.comment ? { comment: t.comment } : {}),
      columns: t.columns.map((c) =>
        JSON.stringify([
          c.name,
          c.type,
          c.nullable ? 'NULL' : 'NOT NULL',
          c.default,
          c.identity,
          c.generated,
          c.collation,
          c.comment,
        ]),
      ),
      constraints: t.constraints
        .map((k) => constraintShape(design, t, k, columnName) + keep(k.name, tableKey(design, t)))
        .sort(),
      indexes: t.indexes
        .map((ix) => indexShape(ix, columnName) + keep(ix.name, schemaOf(design, t.schemaId)))
        .sort(),
    };
  });
  return {
    schemas: Object.values(design.schemas)
      .map((s) => JSON.stringify([s.name, s.comment]))
      .sort(),
    enums: Object.values(design.enums)
      .map((e) => JSON.stringify([schemaOf(design, e.schemaId), e.name, e.values, e.comment]))
      .sort(),
    tables: tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

function schemaOf(design: Design, schemaId: string): string {
  return design.schemas[schemaId]?.name ?? '?';
}

function tableKey(design: Design, table: Table): string {
  return JSON.stringify([schemaOf(design, table.schemaId), table.name]);
}

function constraintShape(
  design: Design,
  table: Table,
  k: Constraint,
  columnName: (id: string) => string,
): string {
  const cols = (ids: string[]) => '(' + ids.map(columnName).join(', ') + ')';
  switch (k.kind) {
    case 'primaryKey':
      return `PRIMARY KEY ${cols(k.columnIds)}`;
    case 'unique':
      return `UNIQUE${k.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} ${cols(k.columnIds)}`;
    case 'check':
      return `CHECK ${k.expression}`;
    case 'exclude':
      return `EXCLUDE ${k.definition}`;
    case 'foreignKey': {
      const ref = design.tables[k.refTableId];
      const refName = (id: string) => ref?.columns.find((c) => c.id === id)?.name ?? `?${id}`;
      const target = ref ? tableKey(design, ref) : '?';
      return `FOREIGN KEY ${cols(k.columnIds)} -> ${target} (${k.refColumnIds.map(refName).join(', ')}) ${k.matchFull ? 'FULL' : 'SIMPLE'} del=${k.onDelete} upd=${k.onUpdate} ${k.deferrable}`;
    }
  }
  return `? ${table.name}`;
}

function indexShape(ix: Index, columnName: (id: string) => string): string {
  const ordered = ix.method === 'btree';
  const element = (e: IndexElement) => {
    if (e.kind === 'expression') return `${e.expression}${e.descending ? ' DESC' : ''}`;
    const direction = ordered
      ? `${e.descending ? ' DESC' : ' ASC'} NULLS ${(e.nulls ?? (e.descending ? 'first' : 'last')).toUpperCase()}`
      : '';
    return `${columnName(e.columnId)}${e.opclass ? ' ' + e.opclass : ''}${direction}`;
  };
  const include = ix.include.length ? ` INCLUDE (${ix.include.map(columnName).join(', ')})` : '';
  return `${ix.unique ? 'UNIQUE ' : ''}${ix.method} (${ix.elements.map(element).join(', ')})${include}${ix.where ? ` WHERE ${ix.where}` : ''}`;
}
