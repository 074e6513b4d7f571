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
 * A partition is not a table of its own here: the canvas folds it under its parent, so its keys
 * link the parent (pagila declares payment's keys on each monthly partition only).
 */
export function foreignKeyGraph(design: Design): Map<string, ForeignKeyLink[]> {
  const graph = new Map<string, ForeignKeyLink[]>();
  const link = (tableId: string, l: ForeignKeyLink) => {
    const list = graph.get(tableId);
    if (list) list.push(l);
    else graph.set(tableId, [l]);
  };
  for (const table of Object.values(design.tables)) {
    const from = drawnTableId(design, table.id);
    for (const k of table.constraints) {
      if (k.kind !== 'foreignKey' || !design.tables[k.refTableId]) continue;
      const to = drawnTableId(design, k.refTableId);
      const l = { foreignKeyId: k.id, from, to };
      link(from, l);
      if (to !== from) link(to, l);
    }
  }
  return graph;
}

/** The table the canvas draws for `tableId`: itself, or the top parent of a partition. */
export function drawnTableId(design: Design, tableId: string): string {
  let id = tableId;
  // Bounded: a damaged design with a partition cycle must not hang the canvas.
  for (let i = 0; i < 32; i++) {
    const parent = design.tables[id]?.partitionOf?.tableId;
    if (!parent || !design.tables[parent]) return id;
    id = parent;
  }
  return id;
}

/** The table at the other end of `link`, seen from `tableId`. */
export const otherEnd = (link: ForeignKeyLink, tableId: string): string =>
  link.from === tableId ? link.to : link.from;
