import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes `text` to `path` all at once: into a file beside it, then renamed over it, so a run that
 * fails part-way (or a reader at the wrong moment) never sees half a design. The error, if any,
 * is a sentence; the temporary file is removed.
 */
export async function writeAtomically(path: string, text: string): Promise<string | undefined> {
  const tmp = `${path}.tablewright-${process.pid}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
    return undefined;
  } catch (thrown) {
    await rm(tmp, { force: true }).catch(() => undefined);
    return `cannot write ${path}: ${(thrown as Error).message}`;
  }
}
