import { useReactFlow } from '@xyflow/react';
import { renameDesign } from '../../core/ops';
import { addTableInView } from '../common/createAndEdit';
import { applyTheme } from '../common/theme';
import { useTheme } from '../common/useTheme';
import { InlineEdit } from '../canvas/InlineEdit';
import { useServices, useStudio, useStudioStore } from '../StudioContext';
import { ActivityIndicator } from './ActivityIndicator';
import { CheckStatus } from './CheckStatus';
import { SaveStatus } from './SaveStatus';
import { SchemaFilter } from './SchemaFilter';
import { SearchTables } from './SearchTables';
import { openFindPath } from '../common/reading';
import { createAreaFromSelection } from '../common/areaActions';
import { RoomControls } from '../collab/RoomControls';
import { ariaKeyShortcuts } from '../common/shortcutTable';

interface Props {
  onOpenDesigns(): void;
  onNewDesign(): void;
  onImport(): void;
  onUpdateFromDatabase(): void;
  onOpenProblems(): void;
  onShare(): void;
  onExport(): void;
  onShowShortcuts(): void;
}

/** The top bar: the design, the common actions (each with a shortcut), search, theme, status. */
export function Toolbar({
  onOpenDesigns,
  onNewDesign,
  onImport,
  onUpdateFromDatabase,
  onOpenProblems,
  onShare,
  onExport,
  onShowShortcuts,
}: Props) {
  const store = useStudioStore();
  const flow = useReactFlow();
  const name = useStudio((s) => s.design.name);
  // In a live room, Undo and Redo are this person's own (see PersonalUndo).
  const canUndo = useStudio((s) => s.personalUndo?.canUndo ?? s.history.past.length > 0);
  const canRedo = useStudio((s) => s.personalUndo?.canRedo ?? s.history.future.length > 0);
  const readOnly = useStudio((s) => s.readOnly);
  const theme = useTheme();
  const { arrange } = useServices();
  const tableCount = useStudio((s) => Object.keys(s.design.tables).length);
  const selectedCount = useStudio((s) => s.selection.tableIds.length);
  const keysOnly = useStudio((s) => s.keysOnly);
  const findingPath = useStudio((s) => s.pathEnds !== null);
  const addTable = () => addTableInView(store, flow);
  return (
    <header className="tw-header">
      <div className="tw-toolbar" role="toolbar" aria-label="Design">
        <span className="tw-logo" aria-hidden>
          ▦
        </span>
        <span className="tw-design-name">
          {readOnly ? (
            name
          ) : (
            <InlineEdit
              value={name}
              label={`Design name ${name}`}
              onCommit={(n) => store.getState().dispatch((d) => renameDesign(d, n))}
            />
          )}
        </span>
        <button type="button" onClick={onNewDesign}>
          New design
        </button>
        <button type="button" onClick={onOpenDesigns}>
          Designs
        </button>
        <button
          type="button"
          onClick={onImport}
          title="Import a .sql, .dbml or design .json file, or pasted SQL (or drop a file on the canvas)"
        >
          Import
        </button>
        <button
          type="button"
          onClick={onUpdateFromDatabase}
          disabled={readOnly}
          title="Refresh this design from pg_dump --schema-only output or a pulled design, keeping its layout"
        >
          Update from database…
        </button>
        <span className="tw-sep" aria-hidden />
        <button
          type="button"
          onClick={onShare}
          aria-keyshortcuts="Control+Shift+S"
          title="Share a link to this design (Ctrl+Shift+S)"
        >
          Share
        </button>
        <button
          type="button"
          onClick={onExport}
          aria-keyshortcuts="Control+Shift+E"
          title="Export SQL, Mermaid, DBML, ORM models, images… (Ctrl+Shift+E)"
        >
          Export
        </button>
        <RoomControls />
        <span className="tw-spacer" />
        <ActivityIndicator />
        <SaveStatus />
        <button
          type="button"
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          onClick={() => applyTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <button
          type="button"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts={ariaKeyShortcuts('help')}
          title="Keyboard shortcuts (?)"
          onClick={onShowShortcuts}
        >
          ?
        </button>
      </div>
      {/* The second row never wraps: status text changing length must not move the canvas. */}
      <div className="tw-toolbar" role="toolbar" aria-label="Diagram">
        <button
          type="button"
          className="tw-primary"
          onClick={addTable}
          disabled={readOnly}
          aria-keyshortcuts="T"
          title="Add table (T)"
        >
          Add table
        </button>
        <button
          type="button"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z"
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
        <button
          type="button"
          onClick={() => void flow.fitView({ duration: 300, padding: 0.1 })}
          aria-keyshortcuts="F"
          title="Fit view (F)"
        >
          Fit view
        </button>
        <button
          type="button"
          disabled={readOnly || tableCount === 0}
          onClick={() =>
            void arrange(selectedCount > 1 ? store.getState().selection.tableIds : undefined)
          }
          aria-keyshortcuts="L"
          title="Auto-layout all tables, or only the selected ones (L)"
        >
          {selectedCount > 1 ? 'Arrange selection' : 'Arrange'}
        </button>
        <button
          type="button"
          aria-pressed={keysOnly}
          onClick={() => store.getState().setKeysOnly(!keysOnly)}
          aria-label="Keys only in every table"
          aria-keyshortcuts="K"
          title="Show only key columns (primary, foreign, unique) in every table (K)"
        >
          Keys only
        </button>
        <button
          type="button"
          aria-pressed={findingPath}
          disabled={tableCount < 2}
          onClick={() => (findingPath ? store.getState().setPathEnds(null) : openFindPath(store))}
          aria-keyshortcuts="P"
          title="Find the chain of foreign keys between two tables (P; two selected tables are used)"
        >
          Find path
        </button>
        <button
          type="button"
          disabled={readOnly || selectedCount === 0}
          onClick={() => createAreaFromSelection(store)}
          aria-keyshortcuts="G"
          title="Group the selected tables into a named subject area (G)"
        >
          New subject area
        </button>
        <SearchTables />
        <SchemaFilter />
        <span className="tw-spacer" />
        <CheckStatus onOpenProblems={onOpenProblems} />
      </div>
    </header>
  );
}
