/** The browser's localStorage, or undefined where reading it throws (sandboxed frames, some private modes). */
export function browserLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
