import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // PGlite locates its .wasm and .data next to its module; pre-bundling would move it away from them.
  optimizeDeps: {
    exclude: ['@electric-sql/pglite'],
    // Discovered only when the layout worker first runs; listing it avoids a dev-server reload then.
    include: ['elkjs/lib/elk.bundled.js'],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
