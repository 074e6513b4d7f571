import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBareDesign, type Design } from '../../core/model/index';

/**
 * Test-only: the designs the exporters' golden files are made from (shared by the Mermaid, DBML
 * and Markdown tests; the name only says which file came first).
 */

/** The golden files' folder, as a path (under jsdom the global URL is jsdom's, not Node's). */
export const EXPORT_GOLDEN_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../core/export/__golden__',
);

/**
 * Names with spaces, dots, quotes, `#`, `%`, emoji and reserved words, a composite foreign key,
 * a self-reference, a one-to-one key, an empty table, checks, an exclusion constraint, partial
 * and expression indexes, an enum in another schema.
 */
export function loadNastyDesign(): Design {
  const json: unknown = JSON.parse(
    readFileSync(join(EXPORT_GOLDEN_DIR, 'nasty-names.json'), 'utf8'),
  );
  const design = parseBareDesign(json, 1);
  if (!design.ok) throw new Error(design.error.message);
  return design.value;
}
