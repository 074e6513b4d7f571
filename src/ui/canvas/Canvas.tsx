import { PresenceLayer } from '../collab/PresenceLayer';
import { useLiveNodes } from '../collab/useLiveNodes';
import { RoomActivity } from '../collab/RoomActivity';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type Viewport,
} from '@xyflow/react';
import { connectColumns } from '../../state/commands';
import { addTableAndName } from '../common/createAndEdit';
import * as ops from '../../core/ops';
import { LAYOUT_BOUNDS } from '../../core/model';
import { useServices, useStudio, useStudioStore } from '../StudioContext';
import { RelationshipEdgeComponent, RelationshipMarkers } from './RelationshipEdge';
import { TableNodeComponent } from './TableNode';
import { ViewNodeComponent } from './ViewNode';
import { SchemaGroupComponent } from './SchemaGroupNode';
import { AreaLabelComponent, AreaRegionComponent } from './AreaNode';
import { sameOrNext, toFlow, type RelationshipEdge } from './toFlow';
import { useInverseZoomProperty } from './useInverseZoomProperty';
import { DetailLevel, useDetailAtZoom } from './detailLevel';
import { useMinimapPreference } from './useMinimapPreference';
import { HEADER_ANCHOR } from './handles';
import { emphasisOf } from './emphasis';
import { FocusBar } from './FocusBar';
import { PathPanel } from './PathPanel';
import { FarMap } from './FarMap';
import { FarTables } from './FarTables';
import { farFlowNodes } from './farNodes';
import { FarMiniMapNode } from './FarMiniMapNode';
import { TableMenu, type TableMenuAt } from './TableMenu';
import './reading.css';
import { keysOnlyLayout } from '../../core/geometry/keysOnly';
import { useRevealRequests } from './useRevealRequests';

const nodeTypes = {
  table: TableNodeComponent,
  view: ViewNodeComponent,
  schemaGroup: SchemaGroupComponent,
  area: AreaRegionComponent,
  areaLabel: AreaLabelComponent,
  // Stands for every table far out (fit view and the minimap); draws nothing itself.
  farMap: () => null,
};
const edgeTypes = { relationship: RelationshipEdgeComponent };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const NONE_MOVING: ReadonlySet<string> = new Set();
const minimapColor = () => 'var(--tw-minimap-node)';
const MINIMAP_SIZE = { width: 160, height: 110 };
const FIT_OPTIONS = { padding: 0.08 };
const PRO_OPTIONS = { hideAttribution: true };
/** Far out React Flow draws no lines: `FarMap` draws them all in one bitmap. */
const NO_EDGES: RelationshipEdge[] = [];
/** Header anchors only carry lines of collapsed tables; a foreign key is drawn column to column. */
const isColumnToColumn = (c: Connection | Edge) =>
  !c.sourceHandle?.startsWith(HEADER_ANCHOR) && !c.targetHandle?.startsWith(HEADER_ANCHOR);

/**
 * The diagram: a view of the store. Every change goes back through store commands.
 * `fitOnOpen` (the embed view) opens at the whole diagram, fitted to its frame, rather than at the
 * viewport saved with the design.
 */
export function Canvas({ fitOnOpen = false }: { fitOnOpen?: boolean }) {
  const store = useStudioStore();
  const { notices } = useServices();
  const design = useStudio((s) => s.design);
  const layout = useStudio((s) => s.layout);
  const selectedIds = useStudio((s) => s.selection.tableIds);
  const readOnly = useStudio((s) => s.readOnly);
  const schemaFilter = useStudio((s) => s.schemaFilter);
  const focus = useStudio((s) => s.focus);
  const pathEnds = useStudio((s) => s.pathEnds);
  const keysOnly = useStudio((s) => s.keysOnly);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const detailed = useDetailAtZoom();
  const emphasis = useMemo(() => emphasisOf(design, focus, pathEnds), [design, focus, pathEnds]);
  const drawnLayout = useMemo(
    () => (keysOnly ? keysOnlyLayout(layout) : layout),
    [keysOnly, layout],
  );
  const lastEdges = useRef<RelationshipEdge[]>(undefined);
  const { nodes: storedNodes, edges } = useMemo(() => {
    // Far out FarMap places the names itself (toFlow's label flags are for no one then).
    const flow = toFlow(design, drawnLayout, selected, schemaFilter, null, emphasis);
    return { nodes: flow.nodes, edges: sameOrNext(lastEdges.current, flow.edges) };
  }, [design, drawnLayout, selected, schemaFilter, emphasis]);
  // Tables a teammate is dragging, where they are now.
  const nodes = useLiveNodes(storedNodes);
  const [moving, setMoving] = useState<ReadonlySet<string>>(NONE_MOVING);
  const lastFlowNodes = useRef<Node[]>(undefined);
  const flowNodes = useMemo(
    () => (detailed ? nodes : farFlowNodes(nodes, lastFlowNodes.current)),
    [detailed, nodes],
  );
  lastFlowNodes.current = flowNodes;
  const flowApi = useStoreApi();
  // Far out the tables are hidden from React Flow, so a selection rectangle is resolved here:
  // the tables wholly inside the last rectangle drawn.
  const lastRect = useRef<{ x: number; y: number; width: number; height: number } | null>(null);
  useEffect(
    () =>
      flowApi.subscribe((s) => {
        if (s.userSelectionRect) lastRect.current = s.userSelectionRect;
      }),
    [flowApi],
  );
  // Far out React Flow holds no tables to unselect: a click on the empty canvas does it here.
  const onPaneClick = useCallback(() => {
    if (!detailed && store.getState().selection.tableIds.length)
      store.getState().select({ tableIds: [] });
  }, [detailed, store]);
  const onSelectionEnd = useCallback(() => {
    const r = lastRect.current;
    lastRect.current = null;
    if (!r || detailed) return;
    const [tx, ty, zoom] = flowApi.getState().transform;
    const x0 = (r.x - tx) / zoom;
    const y0 = (r.y - ty) / zoom;
    const x1 = x0 + r.width / zoom;
    const y1 = y0 + r.height / zoom;
    const inside = nodes.filter(
      (n) =>
        n.type === 'table' &&
        n.position.x >= x0 &&
        n.position.y >= y0 &&
        n.position.x + (n.width ?? 0) <= x1 &&
        n.position.y + (n.height ?? 0) <= y1,
    );
    if (inside.length) store.getState().select({ tableIds: inside.map((n) => n.id) });
  }, [detailed, flowApi, nodes, store]);
  lastEdges.current = edges;
  const flow = useReactFlow();
  useRevealRequests(store, flow);
  const canvasRef = useRef<HTMLDivElement>(null);
  useInverseZoomProperty(canvasRef);
  const tableCount = useStudio((s) => Object.keys(s.design.tables).length);
  const [minimap, toggleMinimap] = useMinimapPreference(tableCount);
  const initialViewport = useRef(layout.viewport).current;
  // Opening another design (or an import) moves the canvas to that design's saved viewport.
  const loadCount = useStudio((s) => s.loadCount);
  const firstLoad = useRef(loadCount);
  useEffect(() => {
    if (loadCount !== firstLoad.current) void flow.setViewport(store.getState().layout.viewport);
  }, [loadCount, flow, store]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const moves = changes.flatMap((c) =>
        c.type === 'position' && c.position ? [{ id: c.id, ...c.position }] : [],
      );
      if (moves.length)
        store.getState().setLayout((l) => ops.moveTables(l, moves), { history: false });
      // Selection is controlled: React Flow proposes `select` changes, the store decides.
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length) {
        const cur = store.getState().selection;
        const next = new Set(cur.tableIds);
        for (const c of selects) {
          if (c.type !== 'select') continue;
          if (c.selected) next.add(c.id);
          else next.delete(c.id);
        }
        const ids = [...next];
        if (ids.length !== cur.tableIds.length || ids.some((id, i) => id !== cur.tableIds[i])) {
          const keepColumn = ids.length === 1 && ids[0] === cur.tableIds[0] && cur.columnId;
          store
            .getState()
            .select(keepColumn ? { tableIds: ids, columnId: cur.columnId } : { tableIds: ids });
        }
      }
    },
    [store],
  );

  const onEdgesChange = useCallback((_changes: EdgeChange[]) => {
    // Edges are derived from foreign keys; deleting one goes through the Delete shortcut / inspector.
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.sourceHandle || !c.targetHandle) return;
      const result = connectColumns(
        store,
        { tableId: c.source, columnId: c.sourceHandle.replace(/:[lr]$/, '') },
        { tableId: c.target, columnId: c.targetHandle.replace(/:[lr]$/, '') },
      );
      const mismatch = result?.typeMismatch;
      if (mismatch) {
        notices.getState().push({
          tone: 'warning',
          text: `${mismatch.columnName} is ${mismatch.has} but ${mismatch.refName} is ${mismatch.wants}: a foreign key should have the same type as the key it references.`,
          action: {
            label: `Change ${mismatch.columnName} to ${mismatch.wants}`,
            run: () =>
              store.getState().dispatch((d) =>
                ops.updateColumn(d, mismatch.tableId, mismatch.columnId, {
                  type: mismatch.wants,
                }),
              ),
          },
        });
      }
    },
    [store, notices],
  );

  const onDoubleClick = useCallback(
    (e: React.MouseEvent) => {
      if (readOnly || !(e.target as HTMLElement).classList.contains('react-flow__pane')) return;
      addTableAndName(store, flow, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [flow, store, readOnly],
  );

  const [menu, setMenu] = useState<TableMenuAt | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onNodeContextMenu = useCallback(
    (e: React.MouseEvent, node: { id: string; type?: string }) => {
      if (node.type !== 'table') return;
      e.preventDefault();
      const box = (e.currentTarget as HTMLElement).closest('.tw-canvas')?.getBoundingClientRect();
      // A table of the selection keeps it: the menu acts on every selected table.
      if (!store.getState().selection.tableIds.includes(node.id))
        store.getState().select({ tableIds: [node.id] });
      setMenu({
        tableId: node.id,
        x: e.clientX - (box?.left ?? 0),
        y: e.clientY - (box?.top ?? 0),
      });
    },
    [store],
  );

  // Handlers and options keep their identity across renders: React Flow copies each changed one
  // into its store, and every store update runs its subscribers (a drag frame renders the canvas).
  const beginGesture = useCallback(() => store.getState().beginGesture(), [store]);
  const endGesture = useCallback(() => store.getState().endGesture(), [store]);

  const onMoveEnd = useCallback(
    (_e: unknown, v: Viewport) => store.getState().setViewport(v),
    [store],
  );

  return (
    <div
      className={`tw-canvas${detailed ? '' : ' is-far'}`}
      ref={canvasRef}
      onDoubleClick={onDoubleClick}
    >
      <RelationshipMarkers />
      <DetailLevel.Provider value={detailed}>
        <ReactFlow
          nodes={flowNodes}
          edges={detailed ? edges : NO_EDGES}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          isValidConnection={isColumnToColumn}
          onNodeDragStart={beginGesture}
          onNodeDragStop={endGesture}
          onSelectionDragStart={beginGesture}
          onSelectionDragStop={endGesture}
          onMoveEnd={onMoveEnd}
          onSelectionEnd={onSelectionEnd}
          onPaneClick={onPaneClick}
          onNodeContextMenu={onNodeContextMenu}
          defaultViewport={initialViewport}
          fitView={fitOnOpen}
          fitViewOptions={FIT_OPTIONS}
          connectionMode={ConnectionMode.Loose}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionKeyCode="Shift"
          deleteKeyCode={null}
          zoomOnDoubleClick={false}
          // Near, only what is on screen is mounted (a detailed table is heavy). Far out, every
          // block stays mounted: culling would recompute which tables are in view on every pan
          // frame and mount and unmount blocks at the edges, to save blocks that cost little.
          onlyRenderVisibleElements={detailed}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          minZoom={LAYOUT_BOUNDS.zoom.min}
          maxZoom={LAYOUT_BOUNDS.zoom.max}
          proOptions={PRO_OPTIONS}
          aria-label="Schema diagram"
        >
          <Background gap={24} size={1} />
          {!detailed && (
            <FarMap
              design={design}
              layout={drawnLayout}
              nodes={nodes}
              edges={edges}
              moving={moving}
            />
          )}
          {!detailed && (
            <FarTables
              nodes={nodes}
              selected={selected}
              moving={moving}
              onMoving={setMoving}
              onContextMenu={onNodeContextMenu}
            />
          )}
          <Controls showInteractive={false} aria-label="Zoom controls">
            <ControlButton
              onClick={toggleMinimap}
              aria-label={minimap ? 'Hide minimap' : 'Show minimap'}
              title={minimap ? 'Hide minimap' : 'Show minimap'}
              aria-pressed={minimap}
            >
              <span aria-hidden>▣</span>
            </ControlButton>
          </Controls>
          {minimap && (
            <MiniMap
              pannable
              zoomable
              nodeColor={minimapColor}
              nodeComponent={FarMiniMapNode}
              ariaLabel="Minimap"
              style={MINIMAP_SIZE}
            />
          )}
          <PresenceLayer />
          <RoomActivity />
        </ReactFlow>
      </DetailLevel.Provider>
      {/* Outside React Flow: its controls are not the canvas (see shortcutScope). */}
      <FocusBar />
      <PathPanel />
      {menu && <TableMenu at={menu} onClose={closeMenu} />}
    </div>
  );
}
