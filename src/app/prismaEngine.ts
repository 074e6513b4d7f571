import type { PrismaSchemaEngine } from '../core/import/prisma';

/**
 * Prisma's schema engine in the browser, loaded on first use: 3 MB of WebAssembly that only a
 * Prisma import needs (served by vite.config.ts).
 */
let loading: Promise<PrismaSchemaEngine> | undefined;

export function browserPrismaEngine(): Promise<PrismaSchemaEngine> {
  loading ??= (async () => {
    const registry = globalThis as {
      PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void };
    };
    // The engine reports a Rust panic through this global; without it the panic's message is lost.
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        throw new Error(`Prisma's schema engine failed: ${message}`);
      },
    };
    const { instantiate } = await import('virtual:prisma-schema-engine');
    return (await instantiate()) as PrismaSchemaEngine;
  })();
  // A failed load (network, a stopped page) is tried again next time.
  loading.catch(() => (loading = undefined));
  return loading;
}
