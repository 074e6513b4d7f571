import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { createStudio } from './app/services';
import { App } from './ui/App';
import { applyTheme, initialTheme } from './ui/common/theme';
import { StudioContext } from './ui/StudioContext';

applyTheme(initialTheme());
const studio = createStudio();
void studio.services.designs.start();
// Tests and benchmarks reach the store through this handle; people never need it.
(window as unknown as { __tablewright?: typeof studio }).__tablewright = studio;

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <StudioContext.Provider value={studio}>
      <ReactFlowProvider>
        <App />
      </ReactFlowProvider>
    </StudioContext.Provider>
  </StrictMode>,
);
