import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleDocument, parseBareDesign, type Design } from '../core/model';
import { expectGolden as expectGoldenFile } from './golden';

/**
 * The ORM exporters' golden cases: the studio's example and `orm-nasty-names.json` (names no ORM
 * takes as they are, composite keys, a self-reference, two keys to one table, a table without a
 * key). Run with UPDATE_GOLDEN=1 to rewrite the expected files.
 */
export const ORM_GOLDEN_DIR = fileURLToPath(new URL('../core/export/__golden__/', import.meta.url));

export interface OrmGoldenCase {
  name: string;
  design: Design;
}

export function ormGoldenCases(): OrmGoldenCase[] {
  return [
    { name: 'example', design: exampleDocument().design },
    { name: 'orm-nasty-names', design: readGoldenDesign('orm-nasty-names.json') },
  ];
}

/**
 * The other exporters' nasty design (`nasty-names.json`, owned by the Mermaid exporter's tests):
 * verified here too, without golden files of ours, since it may change under us.
 */
export function sharedNastyDesign(): Design {
  return readGoldenDesign('nasty-names.json');
}

function readGoldenDesign(file: string): Design {
  const json: unknown = JSON.parse(readFileSync(join(ORM_GOLDEN_DIR, file), 'utf8'));
  const design = parseBareDesign(json, 1);
  if (!design.ok) throw new Error(`${file}: ${design.error.message}`);
  return design.value;
}

/** Compares `actual` with the golden file `<case>.<suffix>`, rewriting it first under UPDATE_GOLDEN=1. */
export function expectGolden(file: string, actual: string): void {
  expectGoldenFile(join(ORM_GOLDEN_DIR, file), actual);
}
