/**
 * `tablewright import | export | share | lint | diff`: the studio's core in Node. Messages go to
 * stderr, results to stdout or the -o file; the exit code says how it went (see USAGE).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { serializeDocument } from '../core/model';
import { textExport } from '../core/export';
import {
  COMFORTABLE_LINK_CHARS,
  linkReach,
  MAX_OPENABLE_LINK_CHARS,
  shareLink,
} from '../core/share';
import { generateDdl } from '../core/sql';
import { runLint } from './lint';
import { parseArgs, USAGE } from './args';
import { isLiveCommand } from './live/liveArgs';
import {
  BAD_INPUT,
  IMPORT_FAILED,
  inputLabel,
  loadDocument,
  OK,
  type Io,
  type LoadedInput,
  type LoadError,
} from './loadDocument';

export type { Io } from './loadDocument';

export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (isLiveCommand(argv[0]) && !argv.includes('--help') && !argv.includes('-h')) {
    // Loaded for the live-database commands only (pg, the migration verifier).
    const { runLiveCommand } = await import('./live/runLive');
    return runLiveCommand(argv, io);
  }
  // A server, not a one-shot command: its own options and lifetime (loaded only when run).
  if (argv[0] === 'relay') return (await import('./relay')).runRelayCommand(argv.slice(1), io);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`tablewright: ${parsed.error.message}\n\n${USAGE}`);
    return BAD_INPUT;
  }
  const command = parsed.value;
  switch (command.command) {
    case 'help':
      io.stdout(USAGE);
      return OK;
    case 'version':
      io.stdout(`${await version()}\n`);
      return OK;
    case 'import': {
      const loaded = await loadDocument(
        command.input,
        io,
        command.name ? { name: command.name } : {},
      );
      if (!loaded.ok) return refused(loaded.error, io);
      if (!(await writeOutput(command.output, serializeDocument(loaded.value.document), io)))
        return BAD_INPUT;
      return partly(loaded.value, command.input, io);
    }
    case 'export': {
      const loaded = await loadDocument(command.input, io);
      if (!loaded.ok) return refused(loaded.error, io);
      const format = textExport(command.to);
      if (!format) return BAD_INPUT;
      if (command.to === 'sql') {
        for (const problem of generateDdl(loaded.value.document.design).problems)
          io.stderr(`tablewright: left out of the DDL: ${problem.message}\n`);
      }
      if (!(await writeOutput(command.output, format.render(loaded.value.document), io)))
        return BAD_INPUT;
      return partly(loaded.value, command.input, io);
    }
    case 'share': {
      const loaded = await loadDocument(command.input, io);
      if (!loaded.ok) return refused(loaded.error, io);
      const link = shareLink(command.baseUrl, loaded.value.document);
      const chars = `${link.length.toLocaleString('en')} characters`;
      const reach = linkReach(link.length);
      if (reach === 'tooLong') {
        io.stderr(
          `tablewright: the link would be ${chars} long, and browsers do not open links over ${MAX_OPENABLE_LINK_CHARS.toLocaleString('en')} characters (Chromium's limit): ` +
            `send the design file instead (tablewright export ${command.input} --to json -o design.json; it opens through Import).\n`,
        );
        return BAD_INPUT;
      }
      io.stdout(`${link}\n`);
      io.stderr(
        reach === 'browsersOnly'
          ? `${chars}. Warning: links over ${COMFORTABLE_LINK_CHARS.toLocaleString('en')} characters open in browsers but chat apps and mail may cut them: consider sending the design file (--to json).\n`
          : `${chars}.\n`,
      );
      return partly(loaded.value, command.input, io);
    }
    case 'lint': {
      // The review reads the design only: laying it out would be time for nothing.
      const loaded = await loadDocument(command.input, io, { layout: false });
      if (!loaded.ok) return refused(loaded.error, io);
      const result = await runLint(loaded.value.document.design, command.format);
      io.stdout(result.output);
      const read = partly(loaded.value, command.input, io);
      return read !== OK ? read : result.exitCode;
    }
    case 'diff': {
      // The migration is planned from the designs only: no layout.
      const before = await loadDocument(command.old, io, { layout: false });
      if (!before.ok) return refused(before.error, io);
      const after = await loadDocument(command.new, io, { layout: false });
      if (!after.ok) return refused(after.error, io);
      for (const [side, path] of [
        [before.value, command.old],
        [after.value, command.new],
      ] as const) {
        if (side.failedStatements > 0) {
          io.stderr(
            `tablewright: ${inputLabel(path)}: ${failedStatements(side.failedStatements)}, so the design lacks what ${side.failedStatements === 1 ? 'it creates' : 'they create'}; ` +
              'a migration planned from it would drop or re-create those objects. Fix the script and run diff again.\n',
          );
          return IMPORT_FAILED;
        }
      }
      // Loaded for diff only: the migration verifier is a good part of the CLI's start-up.
      const { runDiff } = await import('./diff');
      const { designWithRenames } = await import('./diffRenames');
      const renamed = await designWithRenames(before.value, after.value, command, io);
      if (!renamed) return BAD_INPUT;
      const result = await runDiff(before.value.document.design, renamed, {
        to: command.to,
        mode: command.mode,
        log: (line) => io.stderr(line),
      });
      if (!(await writeOutput(command.output, result.output, io))) return BAD_INPUT;
      return result.exitCode;
    }
  }
}

/**
 * After the output of a SQL input some of whose statements failed: it was written (it is what
 * PostgreSQL read, and the report lists what is missing), but the run did not fully succeed.
 */
function partly(loaded: LoadedInput, path: string, io: Io): number {
  if (loaded.failedStatements === 0) return OK;
  io.stderr(
    `tablewright: ${inputLabel(path)}: ${failedStatements(loaded.failedStatements)}: the output lacks what ${loaded.failedStatements === 1 ? 'it creates' : 'they create'}.\n`,
  );
  return IMPORT_FAILED;
}

/** An input that gave no design: its sentence, after its name, and the exit code it calls for. */
function refused(error: LoadError, io: Io): number {
  io.stderr(`tablewright: ${error.input}: ${error.message}\n`);
  return error.exitCode;
}

async function writeOutput(path: string | undefined, text: string, io: Io): Promise<boolean> {
  if (path === undefined || path === '-') {
    io.stdout(text);
    return true;
  }
  try {
    await writeFile(path, text);
    io.stderr(`Wrote ${path}.\n`);
    return true;
  } catch (thrown) {
    io.stderr(`tablewright: cannot write ${path}: ${(thrown as Error).message}\n`);
    return false;
  }
}

const failedStatements = (n: number) =>
  `${n} ${n === 1 ? 'statement' : 'statements'} failed (listed above)`;

async function version(): Promise<string> {
  const pkg = JSON.parse(
    await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return `tablewright ${pkg.version}`;
}
