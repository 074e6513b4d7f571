import { useState } from 'react';
import { useStore } from 'zustand';
import { Canvas } from './canvas/Canvas';
import { Notices } from './common/Notices';
import { TypeSuggestions } from './common/TypeSuggestions';
import { useShortcuts } from './common/useShortcuts';
import { DdlPane } from './ddl/DdlPane';
import { DesignsDialog } from './designs/DesignsDialog';
import { ImportDialog } from './designs/ImportDialog';
import { FileDrop } from './common/FileDrop';
import { Inspector } from './inspector/Inspector';
import { ConsolePanel } from './panels/ConsolePanel';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { Tabs } from './common/Tabs';
import { Toolbar } from './toolbar/Toolbar';
import { ConflictBanner } from './designs/ConflictBanner';
import { useServices } from './StudioContext';

type BottomTab = 'problems' | 'console';

/** The studio's frame: toolbar; canvas with the problems/console panel; inspector and DDL. */
export function App() {
  const { designs } = useServices();
  const ready = useStore(designs.state, (s) => s.ready);
  // The canvas mounts once the stored design is loaded, so it opens at the saved viewport.
  if (!ready) return <p className="tw-pad" role="status">Opening your design…</p>;
  return <Studio />;
}

function Studio() {
  useShortcuts();
  const { designs } = useServices();
  const [bottom, setBottom] = useState<BottomTab>('problems');
  const [designsOpen, setDesignsOpen] = useState(false);
  const [importing, setImporting] = useState<{ file?: File } | null>(null);
  return (
    <div className="tw-app">
      <Toolbar
        onOpenDesigns={() => setDesignsOpen(true)}
        onNewDesign={() => void designs.createNew()}
        onImport={() => setImporting({})}
        onOpenProblems={() => setBottom('problems')}
      />
      <ConflictBanner />
      <main className="tw-main">
        <div className="tw-center">
          <FileDrop onFile={(file) => setImporting({ file })}>
            <Canvas />
          </FileDrop>
          <Tabs<BottomTab>
            label="Panels"
            value={bottom}
            onChange={setBottom}
            tabs={[
              { id: 'problems', label: 'Problems', content: <ProblemsPanel /> },
              { id: 'console', label: 'SQL console', content: <ConsolePanel /> },
            ]}
          />
        </div>
        <aside className="tw-side" aria-label="Details">
          <Inspector />
          <DdlPane />
        </aside>
      </main>
      <Notices />
      <TypeSuggestions />
      {designsOpen && <DesignsDialog onClose={() => setDesignsOpen(false)} />}
      {importing && <ImportDialog initialFile={importing.file} onClose={() => setImporting(null)} />}
    </div>
  );
}
