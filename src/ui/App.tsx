import { ErrorBoundary } from './common/ErrorBoundary';
import { Splitter } from './common/Splitter';
import { usePanelSize } from './common/usePanelSize';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { Canvas } from './canvas/Canvas';
import { Notices } from './common/Notices';
import { TypeSuggestions } from './common/TypeSuggestions';
import { useShortcuts } from './common/useShortcuts';
import { DesignsDialog } from './designs/DesignsDialog';
import { FileDrop } from './common/FileDrop';
import { Inspector } from './inspector/Inspector';
import { ConsolePanel } from './panels/ConsolePanel';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { Tabs } from './common/Tabs';
import { Toolbar } from './toolbar/Toolbar';
import { ConflictBanner } from './designs/ConflictBanner';
import { useServices, useStudioStore } from './StudioContext';
import { ShareDialog } from './share/ShareDialog';
import { ShortcutsDialog } from './common/ShortcutsDialog';
import { SharedBanner } from './share/SharedBanner';
import { PreviewBanner } from './versions/PreviewBanner';
import { lazyComponent, Loading } from './common/lazyComponent';
import { discussionRequests } from './discussion/discussionRequests';

// Loaded when first shown, so the canvas paints without them: Monaco (the DDL pane, the EXPLAIN
// lab), @dbml/core and the other exporters, and the panels and dialogs nobody has opened yet.
const DdlPane = lazyComponent(() => import('./ddl/DdlPane').then((m) => m.DdlPane));
const UpdateFromDatabaseDialog = lazyComponent(() =>
  import('./designs/UpdateFromDatabaseDialog').then((m) => m.UpdateFromDatabaseDialog),
);
const ImportDialog = lazyComponent(() =>
  import('./designs/ImportDialog').then((m) => m.ImportDialog),
);
const ExportDialog = lazyComponent(() =>
  import('./export/ExportDialog').then((m) => m.ExportDialog),
);
const VersionsPanel = lazyComponent(() =>
  import('./versions/VersionsPanel').then((m) => m.VersionsPanel),
);
const ComparisonPanel = lazyComponent(() =>
  import('./versions/ComparisonPanel').then((m) => m.ComparisonPanel),
);
const ReviewPanel = lazyComponent(() => import('./review/ReviewPanel').then((m) => m.ReviewPanel));
const DiscussionPanel = lazyComponent(() =>
  import('./discussion/DiscussionPanel').then((m) => m.DiscussionPanel),
);
const DataPanel = lazyComponent(() => import('./lab/DataPanel').then((m) => m.DataPanel));
const QueryLab = lazyComponent(() => import('./lab/QueryLab').then((m) => m.QueryLab));

const BOTTOM_BOUNDS = { min: 120, max: 720 };
const SIDE_BOUNDS = { min: 300, max: 900 };

type BottomTab = 'problems' | 'review' | 'discussion' | 'data' | 'queries' | 'console' | 'versions';

/** The studio's frame: toolbar; canvas with the problems/console panel; inspector and DDL. */
export function App() {
  const { designs } = useServices();
  const ready = useStore(designs.state, (s) => s.ready);
  // The canvas mounts once the stored design is loaded, so it opens at the saved viewport.
  if (!ready)
    return (
      <p className="tw-pad" role="status">
        Opening your design…
      </p>
    );
  return <Studio />;
}

function Studio() {
  const { designs, comparison } = useServices();
  const store = useStudioStore();
  /** A part of the studio: its render errors stay in it; a lazily loaded part says it is loading. */
  const part = (area: string, content: ReactNode, { lazy = false } = {}) => (
    <ErrorBoundary area={area} store={store}>
      {lazy ? <Loading what={area}>{content}</Loading> : content}
    </ErrorBoundary>
  );
  const comparing = useStore(comparison.state, (s) => s.open !== null);
  const [bottom, setBottom] = useState<BottomTab>('problems');
  const [panel, setPanel] = usePanelSize('bottom', { size: 290, shown: true }, BOTTOM_BOUNDS);
  const [side, setSide] = usePanelSize('side', { size: 440, shown: true }, SIDE_BOUNDS);
  const [designsOpen, setDesignsOpen] = useState(false);
  const [importing, setImporting] = useState<{ file?: File } | null>(null);
  const [updating, setUpdating] = useState(false);
  const [dialog, setDialog] = useState<'share' | 'export' | 'shortcuts' | null>(null);
  const shortcuts = useMemo(
    () => ({
      onShare: () => setDialog('share'),
      onExport: () => setDialog('export'),
      onShowShortcuts: () => setDialog('shortcuts'),
    }),
    [],
  );
  useShortcuts(shortcuts);
  // "Start a discussion" on a table or column (its menu, the inspector) brings up the panel.
  useEffect(
    () =>
      discussionRequests(store).subscribe((r, before) => {
        if (r.seq === before.seq) return;
        setBottom('discussion');
        setPanel({ shown: true });
      }),
    [store, setPanel],
  );
  return (
    <div className="tw-app">
      <Toolbar
        onOpenDesigns={() => setDesignsOpen(true)}
        onNewDesign={() => void designs.createNew()}
        onImport={() => setImporting({})}
        onUpdateFromDatabase={() => setUpdating(true)}
        onOpenProblems={() => setBottom('problems')}
        onShare={() => setDialog('share')}
        onExport={() => setDialog('export')}
        onShowShortcuts={() => setDialog('shortcuts')}
      />
      <SharedBanner />
      <PreviewBanner />
      <ConflictBanner />
      <main className="tw-main">
        <div className="tw-center">
          <FileDrop onFile={(file) => setImporting({ file })}>
            {part('the canvas', <Canvas />)}
          </FileDrop>
          {comparing ? (
            part('the comparison', <ComparisonPanel />, { lazy: true })
          ) : (
            <>
              {panel.shown && (
                <Splitter
                  label="Resize the bottom panel"
                  orientation="horizontal"
                  size={panel.size}
                  {...BOTTOM_BOUNDS}
                  direction={-1}
                  onResize={(size) => setPanel({ size })}
                />
              )}
              <Tabs<BottomTab>
                label="Panels"
                value={bottom}
                onChange={(tab) => {
                  setBottom(tab);
                  if (!panel.shown) setPanel({ shown: true });
                }}
                collapsed={!panel.shown}
                height={panel.size}
                actions={
                  <>
                    <button
                      type="button"
                      className="tw-icon-button"
                      onClick={() => setPanel({ shown: !panel.shown })}
                      aria-expanded={panel.shown}
                      aria-label={panel.shown ? 'Hide the bottom panel' : 'Show the bottom panel'}
                      title={panel.shown ? 'Hide the bottom panel' : 'Show the bottom panel'}
                    >
                      {panel.shown ? '▾' : '▴'}
                    </button>
                    <button
                      type="button"
                      className="tw-icon-button"
                      onClick={() => setSide({ shown: !side.shown })}
                      aria-expanded={side.shown}
                      aria-label={side.shown ? 'Hide the details panel' : 'Show the details panel'}
                      title={
                        side.shown ? 'Hide the inspector and DDL' : 'Show the inspector and DDL'
                      }
                    >
                      {side.shown ? '▸' : '◂'}
                    </button>
                  </>
                }
                tabs={[
                  {
                    id: 'problems',
                    label: 'Problems',
                    content: part('the Problems panel', <ProblemsPanel />),
                  },
                  {
                    id: 'review',
                    label: 'Review',
                    content: part('the Review panel', <ReviewPanel />, { lazy: true }),
                  },
                  {
                    id: 'discussion',
                    label: 'Discussion',
                    content: part('the Discussion panel', <DiscussionPanel />, { lazy: true }),
                  },
                  {
                    id: 'data',
                    label: 'Data',
                    content: part('the Data panel', <DataPanel />, { lazy: true }),
                  },
                  {
                    id: 'queries',
                    label: 'EXPLAIN lab',
                    content: part('the EXPLAIN lab', <QueryLab />, { lazy: true }),
                  },
                  {
                    id: 'console',
                    label: 'SQL console',
                    content: part('the SQL console', <ConsolePanel />),
                  },
                  {
                    id: 'versions',
                    label: 'Versions',
                    content: part('the Versions panel', <VersionsPanel />, { lazy: true }),
                  },
                ]}
              />
            </>
          )}
        </div>
        {side.shown && (
          <>
            <Splitter
              label="Resize the details panel"
              orientation="vertical"
              size={side.size}
              {...SIDE_BOUNDS}
              direction={-1}
              onResize={(size) => setSide({ size })}
            />
            <aside className="tw-side" aria-label="Details" style={{ width: side.size }}>
              {part('the inspector', <Inspector />)}
              {part('the DDL pane', <DdlPane />, { lazy: true })}
            </aside>
          </>
        )}
      </main>
      <Notices />
      <TypeSuggestions />
      {designsOpen && <DesignsDialog onClose={() => setDesignsOpen(false)} />}
      {importing && (
        <Loading what="the import dialog">
          <ImportDialog initialFile={importing.file} onClose={() => setImporting(null)} />
        </Loading>
      )}
      {updating && (
        <Loading what="the update dialog">
          <UpdateFromDatabaseDialog onClose={() => setUpdating(false)} />
        </Loading>
      )}
      {dialog === 'share' && <ShareDialog onClose={() => setDialog(null)} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && (
        <Loading what="the export dialog">
          <ExportDialog onClose={() => setDialog(null)} />
        </Loading>
      )}
    </div>
  );
}
