import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy of the built studio. Everything is same-origin and nothing is
 * fetched from elsewhere; WebAssembly (PGlite, libpg-query) needs 'wasm-unsafe-eval'; Monaco and
 * React Flow set inline styles. A live room talks to the relay its team runs, which a built page
 * cannot know (ws:/wss:): what it sends there is end-to-end encrypted. No inline or remote scripts, no plugins, no forms, no <base>.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob: ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * frame-ancestors only works as a header: the studio may not be framed (clickjacking), the
 * `?embed` diagram may be framed anywhere (that is what it is for).
 */
const frameAncestors = (url: string | undefined) =>
  new URL(url ?? '/', 'http://x').searchParams.has('embed') ? '*' : "'none'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tablewright-csp',
    // In the built page (the dev server injects an inline React Refresh script, so not there).
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) =>
        ctx.server
          ? html
          : html.replace(
              '<head>',
              `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
            ),
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        res.setHeader(
          'Content-Security-Policy',
          `${CSP}; frame-ancestors ${frameAncestors(req.url)}`,
        );
        next();
      });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        res.setHeader('Content-Security-Policy', `frame-ancestors ${frameAncestors(req.url)}`);
        next();
      });
    },
  };
}

/** The module id the studio imports Prisma's schema engine by (src/app/prismaEngine.ts). */
const PRISMA_ENGINE_ID = 'virtual:prisma-schema-engine';

/**
 * Prisma's schema engine for the browser. `@prisma/prisma-schema-wasm` ships wasm-bindgen's
 * Node glue only: CommonJS that reads its .wasm with `fs` and compiles it synchronously (which
 * browsers refuse for large modules on the main thread). This serves the same glue as an ES
 * module, up to where it loads the .wasm, and instantiates the .wasm (emitted as an asset)
 * asynchronously instead. Nothing is evaluated from a string, so the page's CSP holds.
 */
function prismaSchemaEngine(): Plugin {
  return {
    name: 'tablewright-prisma-schema-engine',
    enforce: 'pre',
    resolveId: (source) => (source === PRISMA_ENGINE_ID ? `\0${PRISMA_ENGINE_ID}` : undefined),
    load(id) {
      if (id !== `\0${PRISMA_ENGINE_ID}`) return undefined;
      const path = createRequire(import.meta.url).resolve('@prisma/prisma-schema-wasm');
      const glue = readFileSync(path, 'utf8');
      const cut = glue.indexOf('const wasmPath');
      if (cut < 0) this.error(`${path} no longer loads its .wasm as this plugin expects`);
      return [
        "import wasmUrl from '@prisma/prisma-schema-wasm/src/prisma_schema_build_bg.wasm?url';",
        'const module = { exports: {} };',
        'const exports = module.exports;',
        'let wasm;',
        glue.slice(0, cut),
        'export async function instantiate() {',
        '  const bytes = await (await fetch(wasmUrl)).arrayBuffer();',
        '  const { instance } = await WebAssembly.instantiate(bytes, imports);',
        '  wasm = exports.__wasm = instance.exports;',
        '  wasm.__wbindgen_start();',
        '  return module.exports;',
        '}',
      ].join('\n');
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), prismaSchemaEngine()],
  // PGlite (and pgvector's bundle) locate their .wasm, .data and .tar.gz next to their module;
  // pre-bundling would move them away from them.
  optimizeDeps: {
    exclude: ['@electric-sql/pglite', '@electric-sql/pglite-pgvector'],
    // Discovered only when the layout worker first runs; listing them avoids a dev-server reload then.
    include: ['elkjs/lib/elk.bundled.js', 'elkjs/lib/elk-api.js', 'elkjs/lib/elk-worker.min.js'],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
