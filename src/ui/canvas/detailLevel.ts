import { createContext, useContext } from 'react';
import { useStore as useFlowStore } from '@xyflow/react';
import { showsRowDetail } from '../../core/geometry/tableGeometry';

const detailAtZoom = (s: { transform: [number, number, number] }) => showsRowDetail(s.transform[2]);

/**
 * Whether nodes and lines draw their detail (rows, crow's feet) at the current zoom. Read once by
 * the canvas and handed down by context: a React Flow store selector per node and per line would
 * run a couple of thousand times on every pan frame at 1,000 tables to answer the same question.
 */
export const DetailLevel = createContext(true);

/** The canvas's one subscription to the zoom's detail level (inside the React Flow provider). */
export const useDetailAtZoom = (): boolean => useFlowStore(detailAtZoom);

/** In a node or a line: whether to draw detail. */
export const useDetailed = (): boolean => useContext(DetailLevel);
