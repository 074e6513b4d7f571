/**
 * The `ws` package's WebSocket class, for Hocuspocus clients in Node (no global WebSocket there).
 * ws has no types here (@types/ws is not installed): the provider only needs the class.
 */
export const { default: NodeWebSocket } = (await import('ws' as string)) as { default: unknown };
