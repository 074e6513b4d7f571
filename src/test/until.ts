/**
 * Polls until `check` holds: what a person waits on, not a fixed time. Fails after `timeoutMs`
 * with the thing that never came, so a stuck test says what it was waiting for.
 */
export async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
