import type { Design, Index } from '../model/schema';
import { updateTable } from './tables';

export function addIndex(design: Design, tableId: string, index: Index): Design {
  return updateTable(design, tableId, (t) =>
    t.indexes.some((i) => i.id === index.id) ? t : { ...t, indexes: [...t.indexes, index] },
  );
}

export function updateIndex(design: Design, tableId: string, index: Index): Design {
  return updateTable(design, tableId, (t) => ({
    ...t,
    indexes: t.indexes.map((i) => (i.id === index.id ? index : i)),
  }));
}

export function deleteIndex(design: Design, tableId: string, indexId: string): Design {
  return updateTable(design, tableId, (t) => ({
    ...t,
    indexes: t.indexes.filter((i) => i.id !== indexId),
  }));
}
