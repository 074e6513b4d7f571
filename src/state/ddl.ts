import type { Design } from '../core/model';
import { generateDdl } from '../core/sql/generateDdl';
import type { DdlOutput } from '../core/sql/types';

const cache = new WeakMap<Design, DdlOutput>();

/** DDL for a design, computed once per design object (designs are immutable). */
export function ddlFor(design: Design): DdlOutput {
  let out = cache.get(design);
  if (!out) {
    out = generateDdl(design);
    cache.set(design, out);
  }
  return out;
}

/** The statement whose text contains `offset`, or the nearest one before it. */
export function statementAt(ddl: DdlOutput, offset: number) {
  let found = undefined as DdlOutput['statements'][number] | undefined;
  for (const s of ddl.statements) {
    if (s.from <= offset) found = s;
    if (s.from > offset) break;
  }
  return found && offset <= found.to + 1 ? found : undefined;
}
