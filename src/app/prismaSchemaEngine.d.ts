/** Served by vite.config.ts: Prisma's schema engine, instantiated on call. */
declare module 'virtual:prisma-schema-engine' {
  export function instantiate(): Promise<unknown>;
}
