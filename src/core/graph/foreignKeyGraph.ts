import type { Design } from '../model';

/** One foreign key as an edge between two tables: `from` references `to`. */
export interface ForeignKeyLink {
  foreignKeyId: string;
  from: string;
  to: string;
}

/**
 * The foreign keys of a design as an undirected graph, by table id: reading a schema, a person
 * follows a key either way ("orders of a customer", "the customer of an order"). Keys onto tables
 * the design lacks are left out; a self-reference links a table to itself.
 */
export function foreignKeyGraph(design: Design): Map<string, ForeignKeyLink[]> {
  const graph = new Map<string, ForeignKeyLink[]>();
  const link = (tableId: string, l: ForeignKeyLink) => {
    const list = graph.get(tableId);
    if (list) list.push(l);
    else graph.set(tableId, [l]);
  };
  for (const table of Object.values(design.tables)) {
    for (const k of table.constraints) {
      if (k.kind !== 'foreignKey' || !design.tables[k.refTableId]) continue;
      const l = { foreignKeyId: k.id, from: table.id, to: k.refTableId };
      link(table.id, l);
      if (k.refTableId !== table.id) link(k.refTableId, l);
    }
  }
  return graph;
}

/** The table at the other end of `link`, seen from `tableId`. */
export const otherEnd = (link: ForeignKeyLink, tableId: string): string =>
  link.from === tableId ? link.to : link.from;
