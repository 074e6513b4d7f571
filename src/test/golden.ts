import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { expect } from 'vitest';

/** Golden files are rewritten only on request: `UPDATE_GOLDEN=1 npx vitest run <test file>`. */
export const updatingGoldens = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `actual` with the golden file at `path`. A missing golden file fails the test: a file
 * written by the code under test on its first run would pass whatever that code produced.
 */
export function expectGolden(path: string, actual: string): void {
  if (updatingGoldens) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) {
    throw new Error(
      `golden file ${relative(process.cwd(), path)} is missing; review the output and write it with UPDATE_GOLDEN=1`,
    );
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
