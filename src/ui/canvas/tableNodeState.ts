import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { problemCountsByEntity } from '../../state/checkStore';
import { partitionCounts } from '../../state/designIndexes';
import { useServices, useStudio } from '../StudioContext';
import { anchorKeyOf } from './anchors';

/**
 * What one table node shows, read through one shallow-compared selector: a drag frame (a store
 * change) runs one cheap selector per node, never a scan of every table or error. Per-design and
 * per-verdict indexes answer the questions that span tables.
 */
export function useTableNodeState(id: string) {
  const state = useStudio(
    useShallow((s) => {
      const table = s.design.tables[id];
      const layout = s.layout.tables[id];
      return {
        table,
        color: layout?.color,
        // The whole-diagram "Keys only" view draws every table as a collapsed one.
        collapsed: s.keysOnly || !!layout?.collapsed,
        readOnly: s.readOnly,
        schemaName: table ? s.design.schemas[table.schemaId]?.name : undefined,
        partitions: table?.partitionBy ? (partitionCounts(s.design).get(id) ?? 0) : 0,
        anchored: anchorKeyOf(s.design, id),
        // In a comparison: what the compared version did to this table.
        change: s.preview?.overlay?.tables[id],
        lit: s.litTableIds.includes(id),
      };
    }),
  );
  const errorCount = useStore(useServices().check, (c) => problemCountsByEntity(c).get(id) ?? 0);
  return { ...state, errorCount };
}

export type TableNodeState = ReturnType<typeof useTableNodeState>;
