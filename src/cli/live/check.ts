/**
 * `tablewright check <design> --against <postgres-url> [--json]`: does the database still match
 * the design? For CI: exit 0 when it does, 1 on drift, 2-4 when the comparison could not be made.
 */
import type { Design } from '../../core/model';
import { IMPORT_FAILED, inputLabel, loadDocument, OK, type Io } from '../loadDocument';
import { alignedLiveDesign, findDrift, formatDrift, hasDrift, type Drift } from './drift';
import type { LiveCommand } from './liveArgs';
import {
  readLiveDesign,
  SCHEMAS_UNREADABLE,
  unreadableMessage,
  type LiveDeps,
  type LiveRead,
} from './liveDatabase';

export const DRIFT = 1;

export async function runCheck(
  command: Extract<LiveCommand, { command: 'check' }>,
  io: Io,
  deps: LiveDeps,
): Promise<number> {
  const compared = await compareWithDatabase(command.design, command.against, io, deps);
  if (typeof compared === 'number') return compared;
  const { drift, read } = compared;
  const label = inputLabel(command.design);
  if (command.json) {
    io.stdout(
      `${JSON.stringify({ design: label, database: read.url.masked, drift: hasDrift(drift), ...drift }, null, 2)}\n`,
    );
  } else io.stdout(formatDrift(drift, label, read.url.masked));
  return hasDrift(drift) ? DRIFT : OK;
}

/** The design file and the database it is compared with, read; or the exit code of a failure. */
export interface Comparison {
  design: Design;
  /** The database's design, with the design's ids where names match. */
  aligned: Design;
  drift: Drift;
  read: LiveRead;
}

export async function compareWithDatabase(
  designPath: string,
  urlText: string,
  io: Io,
  deps: LiveDeps,
): Promise<Comparison | number> {
  const loaded = await loadDocument(designPath, io, { layout: false });
  if (!loaded.ok) {
    io.stderr(`tablewright: ${loaded.error.input}: ${loaded.error.message}\n`);
    return loaded.error.exitCode;
  }
  if (loaded.value.failedStatements > 0) {
    io.stderr(
      `tablewright: ${inputLabel(designPath)}: ${loaded.value.failedStatements} statements failed (listed above), so the design lacks what they create; comparing it with a database would report it all as drift. Fix the script first.\n`,
    );
    return IMPORT_FAILED;
  }
  const read = await readLiveDesign(urlText, {}, deps);
  if (!read.ok) {
    io.stderr(`tablewright: ${read.error.message}\n`);
    return read.error.exitCode;
  }
  if (read.value.unreadableSchemas.length > 0) {
    // Comparing without them would call everything the design has there missing (and a
    // migration would create or drop it): refuse rather than guess.
    io.stderr(
      `tablewright: ${unreadableMessage(read.value)} The database cannot be compared with the design.\n`,
    );
    return SCHEMAS_UNREADABLE;
  }
  const design = loaded.value.document.design;
  const aligned = alignedLiveDesign(design, read.value.design);
  return { design, aligned, drift: findDrift(design, aligned), read: read.value };
}
