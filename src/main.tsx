import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { createStudio } from './app/services';
import { readLocation } from './app/shareLocation';
import { sharePayload } from './core/share';
import { App } from './ui/App';
import { EmbedApp } from './ui/share/EmbedApp';
import { isRoomFragment } from './app/relayConfig';
import { applyTheme, initialTheme } from './ui/common/theme';
import { StudioContext } from './ui/StudioContext';

applyTheme(initialTheme());
const request = readLocation(window.location);
const studio = createStudio({ embed: request.embed });
if (request.embed) {
  // Only the diagram: nothing is read from or written to the user's stored designs.
  if (request.shared) studio.store.getState().load(request.shared, undefined, { readOnly: true });
} else {
  // A room invite (`#room=…`) joins the room once the person's own designs are open.
  const invite = isRoomFragment(window.location.hash) ? window.location.hash : undefined;
  void studio.services.designs
    .start(request)
    .then(() => (invite ? studio.services.collab.join(invite) : undefined));
  // A hot reload replaces this module: the old session stores its work and stops listening first.
  import.meta.hot?.dispose(() => studio.services.designs.dispose());
}
// A link pasted into the address bar of an open studio changes only the hash: open it properly.
window.addEventListener('hashchange', () => {
  const hash = window.location.hash;
  if (sharePayload(hash) !== undefined || isRoomFragment(hash)) window.location.reload();
});
// Benchmarks reach the store through this handle. Only the benchmarks' own build (`--mode bench`)
// has it: Vite replaces MODE at build time, so the production bundle does not contain it at all.
if (import.meta.env.MODE === 'bench')
  (window as unknown as { __tablewright?: typeof studio }).__tablewright = studio;

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <StudioContext.Provider value={studio}>
      <ReactFlowProvider>
        {request.embed ? (
          <EmbedApp
            error={
              request.shareError ??
              (request.shared ? undefined : 'This embed link carries no design.')
            }
          />
        ) : (
          <App />
        )}
      </ReactFlowProvider>
    </StudioContext.Provider>
  </StrictMode>,
);
