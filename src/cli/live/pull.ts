/**
 * `tablewright pull <postgres-url> [-o design.json] [--into design.json] [--schema s ...]`: a
 * running database's catalog as a design, or an existing design refreshed from it. The file is
 * written at the very end and all at once: a run that fails writes nothing.
 */
import { emptyLayout, makeDocument, serializeDocument, type Design } from '../../core/model';
import { layoutDesign } from '../../layout/autoLayout';
import { versionName } from '../../core/catalog';
import { BAD_INPUT, loadDocument, OK, type Io } from '../loadDocument';
import type { LiveCommand } from './liveArgs';
import {
  readLiveDesign,
  SCHEMAS_UNREADABLE,
  unreadableMessage,
  type LiveDeps,
} from './liveDatabase';
import { refreshInto } from './refreshDesign';
import { writeAtomically } from './writeAtomically';

export async function runPull(
  command: Extract<LiveCommand, { command: 'pull' }>,
  io: Io,
  deps: LiveDeps,
): Promise<number> {
  // The design to refresh is read first: a bad file is found before the database is bothered.
  const previous = command.into
    ? await loadDocument(command.into, io, { layout: false })
    : undefined;
  if (previous && !previous.ok) {
    io.stderr(`tablewright: ${previous.error.input}: ${previous.error.message}\n`);
    return previous.error.exitCode;
  }
  if (previous && previous.value.kind !== 'json') {
    io.stderr(
      `tablewright: ${command.into}: --into refreshes a design file (.json), so the layout it keeps is there; import this file first (tablewright import ${command.into} -o design.json).\n`,
    );
    return BAD_INPUT;
  }
  const read = await readLiveDesign(
    command.url,
    { ...(command.schemas ? { schemas: command.schemas } : {}) },
    deps,
  );
  if (!read.ok) {
    io.stderr(`tablewright: ${read.error.message}\n`);
    return read.error.exitCode;
  }
  const { design, notes, url, serverVersion, unreadableSchemas } = read.value;
  const tables = Object.keys(design.tables).length;
  io.stderr(
    `Read ${tables} ${tables === 1 ? 'table' : 'tables'} and ${design.extras.length} other ${design.extras.length === 1 ? 'object' : 'objects'} from ${url.masked} (PostgreSQL ${versionName(serverVersion)}).\n`,
  );
  for (const note of notes) io.stderr(`  note: ${note.message}\n`);

  if (previous) {
    // Refreshing from a partial read would drop the design's tables in the schemas not read.
    const notRead = (name: string) =>
      unreadableSchemas.includes(name) ||
      (command.schemas !== undefined && !command.schemas.includes(name));
    const prev = previous.value.document.design;
    const skipped = [
      ...new Set(
        Object.values(prev.tables)
          .map((t) => prev.schemas[t.schemaId]?.name ?? 'public')
          .filter(notRead),
      ),
    ].sort();
    if (skipped.length > 0) {
      io.stderr(
        `tablewright: ${command.into} has tables in ${skipped.length === 1 ? 'schema' : 'schemas'} ${skipped.map((s) => `"${s}"`).join(', ')}, which this pull did not read ` +
          `(${unreadableSchemas.some((s) => skipped.includes(s)) ? 'no USAGE privilege' : 'not named by --schema'}); refreshing would drop them, so nothing was written.\n`,
      );
      return unreadableSchemas.some((s) => skipped.includes(s)) ? SCHEMAS_UNREADABLE : BAD_INPUT;
    }
  }

  let text: string;
  if (previous) {
    const refreshed = refreshInto(previous.value.document, design);
    text = serializeDocument(refreshed.document);
    io.stderr(
      `Refreshed ${command.into}: ${refreshed.kept} ${refreshed.kept === 1 ? 'table keeps its' : 'tables keep their'} place, ids, colours and notes; ` +
        `${refreshed.added.length} new${refreshed.added.length > 0 ? ` (placed beside their neighbours): ${refreshed.added.join(', ')}` : ''}; ` +
        `${refreshed.removed.length} removed${refreshed.removed.length > 0 ? ` (no longer in the database): ${refreshed.removed.join(', ')}` : ''}.\n`,
    );
  } else {
    text = serializeDocument(await laidOut(design));
  }

  const target = command.output ?? command.into;
  if (target === undefined || target === '-') io.stdout(text);
  else {
    const failed = await writeAtomically(target, text);
    if (failed) {
      io.stderr(`tablewright: ${failed}\n`);
      return BAD_INPUT;
    }
    io.stderr(`Wrote ${target}.\n`);
  }
  if (unreadableSchemas.length > 0) {
    io.stderr(`tablewright: ${unreadableMessage(read.value)} The design lacks them.\n`);
    return SCHEMAS_UNREADABLE;
  }
  return OK;
}

/** A new design laid out as import lays one out, so it opens readable. */
async function laidOut(design: Design) {
  const layout = emptyLayout();
  // Loaded only here: ELK takes seconds to load.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  return makeDocument(design, { ...layout, tables: await layoutDesign(new ELK(), design, layout) });
}
