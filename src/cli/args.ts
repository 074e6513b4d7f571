import { parseRenameRequest, type RenameRequest } from '../core/diff/explicitRenames';
import { TEXT_EXPORTS } from '../core/export';
import { MAX_IMPORT_BYTES } from '../core/import';
import { err, ok, type Result } from '../core/result';
import { COMFORTABLE_LINK_CHARS, MAX_OPENABLE_LINK_CHARS } from '../core/share';

/** The command line, parsed: a command, its inputs, and options. Errors are sentences. */
export type Command =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'import'; input: string; output?: string; name?: string }
  | { command: 'export'; input: string; output?: string; to: string }
  | { command: 'share'; input: string; baseUrl: string }
  | { command: 'lint'; input: string; format: 'text' | 'json' | 'sarif' }
  | {
      command: 'diff';
      old: string;
      new: string;
      output?: string;
      to: 'sql' | 'sequelize';
      mode: 'safe' | 'simple';
      /** Absent: ask on a terminal, none elsewhere (see cli/diffRenames.ts). */
      renames?: 'ask' | 'auto' | 'none';
      rename: RenameRequest[];
    };

export const EXPORT_FORMATS = TEXT_EXPORTS.map((f) => f.id);
export const DEFAULT_BASE_URL = 'http://localhost:5173/';

export const USAGE = `Usage:
  tablewright import <file> [-o design.json] [--name <design name>]
      Read a SQL script (a pg_dump, a Rails structure.sql, hand-written DDL) with PostgreSQL
      (PGlite), or DBML, and write the design as JSON (to stdout without -o). The import report
      (what was skipped or failed, and why) goes to stderr.
  tablewright export <file> --to <format> [-o file]
      Write the design in a format: ${EXPORT_FORMATS.join(', ')}.
      A SQL or DBML input is imported first.
  tablewright share <file> [--base-url URL]
      Print a share link that carries the whole design (default base ${DEFAULT_BASE_URL}).
      Refused past ${MAX_OPENABLE_LINK_CHARS.toLocaleString('en')} characters (browsers do not open it); a warning past ${COMFORTABLE_LINK_CHARS.toLocaleString('en')}.
  tablewright lint <file> [--format text|json|sarif]
      Review the design as a database architect would. Exit code 1 when an error-level finding exists.
  tablewright diff <old> <new> [--to sql|sequelize] [--safe|--simple] [-o file]
                   [--renames ask|auto|none] [--rename old=new ...]
      The migration from old to new, verified by PostgreSQL (PGlite).
      --safe (default) follows zero-downtime practice; --simple runs in a single transaction.
      Renames: two files have no stable ids, so a table or column gone from old while one alike
      (same columns; same type, nullability, default and keys) is new in new is inferred to be
      renamed. --renames auto applies what is inferred; none applies nothing (values of dropped
      columns are lost); ask asks: the default on a terminal, elsewhere the default is none with
      a notice of what was inferred. What fits more than one way is never decided: say which
      with --rename (repeatable): table=new_table, table.column=new_column, schema.table=...,
      schema.table.column=...; old names on the left, the new name on the right; a name with
      . = " or spaces in double quotes, " doubled: '"order.lines"."Qty ""net"""=qty'.
      PostgreSQL cannot reorder columns: where the migrated table's order differs from new's,
      the output says so.
  tablewright pull <postgres-url> [-o design.json] [--into design.json] [--schema <name> ...]
      Read a running PostgreSQL server's schema (13 or newer) into a design, laid out (to stdout
      without -o). --into refreshes that design file instead (written back unless -o): what is
      still there keeps its ids, place, colour, notes and comments; new tables are placed beside
      their neighbours; removed ones are listed. --schema (repeatable) reads only those schemas.
  tablewright check <design> --against <postgres-url> [--json]
      Drift: what the database has that the design does not, and the reverse. Exit code 0 when
      none, 1 on drift.
  tablewright migrate <design> --against <postgres-url> [--safe|--simple] [-o file] [--apply [--yes]]
      The migration from the database to the design, verified in PGlite as diff does. --apply
      runs it on the database in one transaction after asking (--yes: without asking, for CI);
      never when it was not verified.
      URLs are shown with the password masked (postgres://user:***@host/db); PGPASSWORD works too.
  tablewright relay [--port N] [--host] [--db rooms.sqlite | --postgres <url>]
      Run the live-collaboration relay (end-to-end encrypted rooms). tablewright relay --help.
  tablewright --help | --version

Files: a design (.json), DBML (.dbml), SQL (.sql, .psql), a Prisma schema (.prisma), a Drizzle
module (.ts) or a Rails db/schema.rb (.rb), by extension, else by content; UTF-8,
or UTF-16 with a byte-order mark; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Use - as the file to read standard input.
Exit codes:
  0  done.
  1  bad command line; an input that cannot be read (missing, too large, not text, not valid
     UTF-8/UTF-16, empty, an invalid design file or DBML, DBML with nothing in it); an output that
     cannot be written; a share link too long to open; an error-level lint finding; a migration
     PostgreSQL did not verify; drift found by check; migrate --apply not confirmed.
  2  PostgreSQL could not read a SQL input. Nothing came out of it (no statement, every statement
     failed, or none created anything the studio keeps): nothing is written. Or some statements
     failed: import, export, share and lint still write what PostgreSQL read (the report on stderr
     lists what is missing); diff writes nothing.
  3  pull, check, migrate: the database could not be read or changed: a URL that is not one, a
     refused login, a host that does not answer within 10 s, a server older than PostgreSQL 13,
     a --schema it does not have, the connection lost part-way, a statement refused by --apply
     (rolled back). Nothing is written.
  4  pull, check, migrate: the user may not use some schemas (no USAGE privilege), listed on
     stderr. pull writes the design without them; check and migrate compare nothing.
`;

const VALUE_OPTIONS = new Set([
  '-o',
  '--output',
  '--to',
  '--name',
  '--base-url',
  '--format',
  '--renames',
]);
/** Options that may come more than once, each with a value. */
const REPEATED_OPTIONS = new Set(['--rename']);
const FLAG_OPTIONS = new Set(['--safe', '--simple']);
const COMMANDS = ['import', 'export', 'share', 'lint', 'diff'];

/** A command line that cannot run: the sentence says what is wrong with it (the usage follows it). */
export interface UsageError {
  message: string;
}

const fail = (message: string) => err<UsageError>({ message });

export function parseArgs(argv: readonly string[]): Result<Command, UsageError> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    return ok({ command: 'help' });
  }
  if (argv.includes('--version') || argv.includes('-v')) return ok({ command: 'version' });
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  const repeated: Record<string, string[]> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (REPEATED_OPTIONS.has(arg)) {
      const value = rest[i + 1];
      if (value === undefined) return fail(`${arg} needs a value.`);
      (repeated[arg] ??= []).push(value);
      i++;
    } else if (VALUE_OPTIONS.has(arg)) {
      const value = rest[i + 1];
      if (value === undefined) return fail(`${arg} needs a value.`);
      options[arg === '--output' ? '-o' : arg] = value;
      i++;
    } else if (FLAG_OPTIONS.has(arg)) flags.add(arg);
    else if (arg.startsWith('-') && arg !== '-') return fail(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  if (!command || !COMMANDS.includes(command))
    return fail(`Unknown command "${command}": use ${COMMANDS.join(', ')}.`);
  const wanted = command === 'diff' ? 2 : 1;
  if (positional.length < wanted)
    return fail(
      command === 'diff'
        ? 'diff needs two files: the old design and the new one.'
        : `${command} needs a file to read.`,
    );
  if (positional.length > wanted)
    return fail(`Too many files (also got ${positional.slice(wanted).join(', ')}).`);
  const allowed: Record<string, string[]> = {
    import: ['-o', '--name'],
    export: ['-o', '--to'],
    share: ['--base-url'],
    lint: ['--format'],
    diff: ['-o', '--to', '--safe', '--simple', '--renames', '--rename'],
  };
  for (const o of [...Object.keys(options), ...flags, ...Object.keys(repeated)]) {
    if (!allowed[command]!.includes(o)) return fail(`${command} does not take ${o}.`);
  }
  const input = positional[0] as string;
  const output = options['-o'];
  const out = output ? { output } : {};
  switch (command) {
    case 'import':
      return ok({
        command,
        input,
        ...out,
        ...(options['--name'] ? { name: options['--name'] } : {}),
      });
    case 'export': {
      const to = options['--to'];
      if (to === undefined)
        return fail(`export needs --to <format>: ${EXPORT_FORMATS.join(', ')}.`);
      if (!EXPORT_FORMATS.includes(to))
        return fail(`Cannot export to "${to}": the formats are ${EXPORT_FORMATS.join(', ')}.`);
      return ok({ command, input, to, ...out });
    }
    case 'share': {
      const baseUrl = options['--base-url'] ?? DEFAULT_BASE_URL;
      try {
        if (!/^https?:$/.test(new URL(baseUrl).protocol))
          return fail('--base-url must be an http or https URL.');
      } catch {
        return fail(`--base-url "${baseUrl}" is not a URL.`);
      }
      return ok({ command, input, baseUrl });
    }
    case 'lint': {
      const format = options['--format'] ?? 'text';
      if (format !== 'text' && format !== 'json' && format !== 'sarif')
        return fail(`--format must be text, json or sarif (not "${format}").`);
      return ok({ command, input, format });
    }
    default: {
      const to = options['--to'] ?? 'sql';
      if (to !== 'sql' && to !== 'sequelize')
        return fail(`diff writes --to sql or --to sequelize (not "${to}").`);
      if (flags.has('--safe') && flags.has('--simple'))
        return fail('Choose --safe or --simple, not both.');
      const renames = options['--renames'];
      if (renames !== undefined && renames !== 'ask' && renames !== 'auto' && renames !== 'none')
        return fail(`--renames must be ask, auto or none (not "${renames}").`);
      const rename: RenameRequest[] = [];
      for (const value of repeated['--rename'] ?? []) {
        const parsed = parseRenameRequest(value);
        if (!parsed.ok) return fail(parsed.error);
        rename.push(parsed.value);
      }
      return ok({
        command: 'diff',
        old: input,
        new: positional[1] as string,
        to,
        mode: flags.has('--simple') ? 'simple' : 'safe',
        ...(renames !== undefined ? { renames } : {}),
        rename,
        ...out,
      });
    }
  }
}
