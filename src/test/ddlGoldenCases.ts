import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseBareDesign, parseDesign, type Design } from '../core/model/index';

/** A golden case: `<name>.json` (a DesignDocument or a bare Design) and the files expected from it. */
export interface GoldenCase {
  name: string;
  design: Design;
  /** The expected DDL text. */
  sqlPath: string;
  /** The expected problems, as JSON; only present for cases that have problems. */
  problemsPath: string;
}

export const GOLDEN_DIR = fileURLToPath(new URL('../core/sql/__golden__/', import.meta.url));

/** Every golden case of the DDL generator, validated the way the studio validates a document. */
export function loadGoldenCases(): GoldenCase[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.problems.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.json'.length);
      return {
        name,
        design: readDesign(join(GOLDEN_DIR, file)),
        sqlPath: join(GOLDEN_DIR, `${name}.sql`),
        problemsPath: join(GOLDEN_DIR, `${name}.problems.json`),
      };
    });
}

function readDesign(path: string): Design {
  const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof json === 'object' && json !== null && 'format' in json) {
    const parsed = parseDesign(json);
    if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message}`);
    return parsed.value.design;
  }
  const design = parseBareDesign(json, 1);
  if (!design.ok) throw new Error(`${path}: ${design.error.message}`);
  return design.value;
}
