import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectGolden, updatingGoldens } from './golden';

const dir = mkdtempSync(join(tmpdir(), 'golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expectGolden', () => {
  it('is not in update mode in a normal test run', () => {
    expect(updatingGoldens).toBe(false);
  });

  it('fails when the golden file is missing, and does not write it', () => {
    const path = join(dir, 'missing.txt');
    expect(() => expectGolden(path, 'anything')).toThrow(/missing.*UPDATE_GOLDEN=1/);
    expect(() => expectGolden(path, 'anything')).toThrow(/missing/);
  });

  it('fails when the output differs and passes when it is equal', () => {
    const path = join(dir, 'present.txt');
    writeFileSync(path, 'expected\n');
    expect(() => expectGolden(path, 'different\n')).toThrow();
    expect(() => expectGolden(path, 'expected\n')).not.toThrow();
  });
});
