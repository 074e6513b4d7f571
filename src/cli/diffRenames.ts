/**
 * `tablewright diff --renames ask|auto|none --rename old=new`: which dropped-and-added tables and
 * columns are renames. Two SQL files have no stable ids, so without this a renamed column is
 * dropped (its values lost) and added again. The inference (core/diff/inferRenames) proposes;
 * this decides: `auto` applies what it is sure of, `ask` asks on a terminal, `none` applies only
 * what --rename gives. Without --renames: ask on a terminal, else none (a script or CI never
 * waits for an answer), with a notice of what was inferred and how to apply it.
 */
import { createInterface } from 'node:readline/promises';
import {
  applyRenames,
  describeRename,
  inferRenames,
  parseRenameRequest,
  renameFlag,
  resolveRenameRequests,
  type AmbiguousRename,
  type ColumnRename,
  type RenameInference,
  type RenameRequest,
  type Renames,
  type TableRename,
} from '../core/diff';
import type { Design } from '../core/model';
import type { Command } from './args';
import type { Io, LoadedInput } from './loadDocument';
import { err, ok, type Result } from '../core/result';
import { qualifiedName, quoteIdent } from '../core/sql/quote';

export type RenamesMode = 'ask' | 'auto' | 'none';

/** A question on the terminal; the answer without its line end. */
export type Prompt = (question: string) => Promise<string>;

export interface RenameChoice {
  /** Absent: ask on a terminal, none elsewhere. */
  mode?: RenamesMode;
  requests: readonly RenameRequest[];
  /**
   * Both sides are design documents, whose ids are stable: a rename made in the studio is one
   * already, and a column dropped and another added there are two, so nothing is inferred.
   */
  stableIds?: boolean;
}

export interface DecidedRenames {
  /** The new design with the renamed objects under their old ids. */
  design: Design;
  applied: (TableRename | ColumnRename)[];
}

type Rename = TableRename | ColumnRename;

/**
 * For `main`: the new side of `diff` with the renames the command line and the inference decide,
 * or undefined when a --rename names nothing (each problem said on stderr).
 */
export async function designWithRenames(
  before: LoadedInput,
  after: LoadedInput,
  command: Extract<Command, { command: 'diff' }>,
  io: Io,
): Promise<Design | undefined> {
  const decided = await decideRenames(
    before.document.design,
    after.document.design,
    {
      ...(command.renames !== undefined ? { mode: command.renames } : {}),
      requests: command.rename,
      // Two design documents: ids are stable, renames are renames already.
      stableIds: before.kind === 'json' && after.kind === 'json',
    },
    (line) => io.stderr(line),
  );
  if (decided.ok) return decided.value.design;
  for (const problem of decided.error) io.stderr(`tablewright: ${problem}\n`);
  return undefined;
}

/**
 * The renames to plan with, and the new design carrying them. Messages go to `log` (stderr);
 * `prompt` is the terminal, absent when there is none. Errors: --rename values that name nothing.
 */
export async function decideRenames(
  a: Design,
  b: Design,
  choice: RenameChoice,
  log: (line: string) => void,
  prompt: Prompt | undefined = terminalPrompt(),
): Promise<Result<DecidedRenames, string[]>> {
  const explicit = resolveRenameRequests(a, b, choice.requests);
  if (!explicit.ok) return explicit;
  const inferred = choice.stableIds
    ? { tables: [], columns: [], ambiguous: [], pairedByName: [] }
    : inferRenames(a, b, explicit.value);
  if (choice.stableIds && choice.mode !== undefined && choice.mode !== 'none')
    log(
      `tablewright: --renames ${choice.mode}: both files are design documents with stable ids, where a rename is already a rename: nothing is inferred (--rename still decides).\n`,
    );
  let mode = choice.mode ?? (prompt ? 'ask' : 'none');
  const found = [...inferred.tables, ...inferred.columns];
  if (mode === 'ask' && !prompt) {
    if (found.length > 0 || inferred.ambiguous.length > 0)
      log(
        'tablewright: --renames ask needs a terminal to ask on (standard input is not one): nothing was asked.\n',
      );
    mode = 'none';
  }
  let accepted: Renames;
  if (mode === 'auto') accepted = inferred;
  else if (mode === 'none') {
    accepted = { tables: [], columns: [] };
    reportNotApplied(inferred, choice.mode === undefined, log);
  } else {
    const asked = await ask(a, b, inferred, explicit.value, choice.requests, prompt!);
    if (!asked.ok) return asked;
    accepted = asked.value;
  }
  if (mode !== 'ask') reportAmbiguous(inferred.ambiguous, log);
  if (inferred.pairedByName.length > 0)
    log(
      `tablewright: ${inferred.pairedByName.length} ${inferred.pairedByName.length === 1 ? 'table has' : 'tables have'} the same name but another id in the two files: paired by name.\n`,
    );
  const renames: Renames = {
    tables: [...explicit.value.tables, ...inferred.pairedByName, ...accepted.tables],
    columns: [...explicit.value.columns, ...accepted.columns],
  };
  const applied: Rename[] = [
    ...renames.tables.filter((r) => !inferred.pairedByName.includes(r)),
    ...renames.columns,
  ];
  if (applied.length > 0) {
    log(`tablewright: renames applied (${applied.length}):\n`);
    for (const r of applied) log(`  ${describeRename(r)} (${r.reason})\n`);
  }
  return ok({ design: applyRenames(a, b, renames), applied });
}

function reportNotApplied(
  inferred: RenameInference,
  byDefault: boolean,
  log: (line: string) => void,
): void {
  const found: Rename[] = [...inferred.tables, ...inferred.columns];
  if (found.length === 0) return;
  const why = byDefault ? 'without a terminal the default is --renames none' : '--renames none';
  log(
    `tablewright: these look like renames, but are planned as drop and add (${why}; values in dropped columns are lost):\n`,
  );
  for (const r of found) log(`  ${describeRename(r)} (${r.reason})\n`);
  log(
    `  To apply them: --renames auto, or one by one: ${found.map((r) => `--rename ${shellWord(renameFlag(r))}`).join(' ')}\n`,
  );
}

function reportAmbiguous(ambiguous: readonly AmbiguousRename[], log: (line: string) => void) {
  if (ambiguous.length === 0) return;
  log(
    'tablewright: could not tell which of these are renames (none applied; say which with --rename):\n',
  );
  for (const m of ambiguous) log(`  ${ambiguityLine(m)}\n`);
}

function ambiguityLine(m: AmbiguousRename): string {
  const list = (names: string[]) => names.map(quoteIdent).join(', ');
  const where =
    m.entity === 'table'
      ? `tables${m.schema === 'public' ? '' : ` in schema ${quoteIdent(m.schema)}`}`
      : `columns of ${qualifiedName(m.schema, m.table ?? '')}`;
  const example =
    m.entity === 'table'
      ? `${qualifiedName(m.schema, m.dropped[0]!)}=${quoteIdent(m.added[0]!)}`
      : `${qualifiedName(m.schema, m.table ?? '')}.${quoteIdent(m.dropped[0]!)}=${quoteIdent(m.added[0]!)}`;
  return `${where}: ${list(m.dropped)} went away and ${list(m.added)} came, alike (e.g. --rename ${shellWord(example)})`;
}

/**
 * Asks about each inferred rename (Enter: yes), then for each ambiguous new name which old one it
 * is (Enter: none). A declined table rename takes the column renames inferred inside it along.
 */
async function ask(
  a: Design,
  b: Design,
  inferred: RenameInference,
  explicit: Renames,
  requests: readonly RenameRequest[],
  prompt: Prompt,
): Promise<Result<Renames, string[]>> {
  const yes = async (r: Rename) => {
    for (;;) {
      const answer = (await prompt(`Rename ${describeRename(r)}? (${r.reason}) [Y/n] `))
        .trim()
        .toLowerCase();
      if (answer === '' || answer === 'y' || answer === 'yes') return true;
      if (answer === 'n' || answer === 'no') return false;
    }
  };
  const tables: TableRename[] = [];
  for (const r of inferred.tables) if (await yes(r)) tables.push(r);
  const columns: ColumnRename[] = [];
  for (const r of inferred.columns) {
    const tableKept =
      r.tableFromId === r.tableToId ||
      [...tables, ...inferred.pairedByName].some((t) => t.fromId === r.tableFromId);
    if (tableKept && (await yes(r))) columns.push(r);
  }
  const chosen: RenameRequest[] = [];
  for (const m of inferred.ambiguous) {
    const open = [...m.dropped];
    for (const added of m.added) {
      if (open.length === 0) break;
      const where =
        m.entity === 'table' ? 'table' : `column of ${qualifiedName(m.schema, m.table ?? '')}`;
      const answer = await prompt(
        `${quoteIdent(added)} is a new ${where}: is it ${open.map(quoteIdent).join(' or ')} renamed? Type the old name, or Enter for none: `,
      );
      const old = open.find((n) => n === answer.trim() || quoteIdent(n) === answer.trim());
      if (!old) continue;
      open.splice(open.indexOf(old), 1);
      const path = m.entity === 'table' ? [m.schema, old] : [m.schema, m.table ?? '', old];
      chosen.push({ text: `${path.join('.')}=${added}`, path, to: added });
    }
  }
  if (chosen.length === 0) return ok({ tables, columns });
  const resolved = resolveRenameRequests(a, b, [...requests, ...chosen]);
  if (!resolved.ok) return err(resolved.error);
  const answered = <R extends Rename>(rs: readonly R[], given: readonly R[]): R[] =>
    rs
      .filter((r) => !given.some((g) => g.fromId === r.fromId))
      .map((r) => ({ ...r, reason: 'chosen when asked' }));
  return ok({
    tables: [...tables, ...answered(resolved.value.tables, explicit.tables)],
    columns: [...columns, ...answered(resolved.value.columns, explicit.columns)],
  });
}

/** The terminal to ask on: only when both standard input and standard error are one. */
function terminalPrompt(): Prompt | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}

/** A --rename value as a shell word: single-quoted when it holds anything a shell would read. */
function shellWord(text: string): string {
  return /^[\w.=-]+$/u.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Parses the --rename values of a command line; errors are sentences. */
export function parseRenameRequests(values: readonly string[]): Result<RenameRequest[], string> {
  const out: RenameRequest[] = [];
  for (const v of values) {
    const parsed = parseRenameRequest(v);
    if (!parsed.ok) return parsed;
    out.push(parsed.value);
  }
  return ok(out);
}
