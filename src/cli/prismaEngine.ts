import { createRequire } from 'node:module';
import type { PrismaSchemaEngine } from '../core/import/prisma';

/**
 * Prisma's schema engine in Node. Loaded on first use: the WebAssembly module is 3 MB and only a
 * .prisma input needs it.
 */
let engine: PrismaSchemaEngine | undefined;

export function nodePrismaEngine(): PrismaSchemaEngine {
  if (engine) return engine;
  // The engine reports a Rust panic through this global; without it the panic's message is lost.
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  registry.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`Prisma's schema engine failed: ${message}`);
    },
  };
  engine = createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as PrismaSchemaEngine;
  return engine;
}
