/** The command line, parsed: a command, its input, and options. Errors are sentences. */
export type Command =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'import'; input: string; output?: string; name?: string }
  | { command: 'export'; input: string; output?: string; to: 'sql' };

export const USAGE = `Usage:
  tablewright import <file.sql> [-o design.json] [--name <design name>]
      Read a SQL script (a pg_dump, a Rails structure.sql, hand-written DDL) with PostgreSQL
      (PGlite) and write the design as JSON (to stdout without -o). The import report (what was
      skipped or failed, and why) goes to stderr.
  tablewright export <design.json|file.sql> --to sql [-o out.sql]
      Write the design's DDL (to stdout without -o). A .sql input is imported first.
  tablewright --help | --version

Use - as the file to read standard input.
Exit codes: 0 done, 1 bad command line or input, 2 PostgreSQL could not read the script.
`;

export function parseArgs(
  argv: readonly string[],
): { ok: true; value: Command } | { ok: false; error: string } {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    return { ok: true, value: { command: 'help' } };
  }
  if (argv.includes('--version') || argv.includes('-v'))
    return { ok: true, value: { command: 'version' } };
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '-o' || arg === '--output' || arg === '--to' || arg === '--name') {
      const value = rest[i + 1];
      if (value === undefined) return { ok: false, error: `${arg} needs a value.` };
      options[arg === '--output' ? '-o' : arg] = value;
      i++;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, error: `Unknown option ${arg}.` };
    } else positional.push(arg);
  }
  if (command !== 'import' && command !== 'export') {
    return { ok: false, error: `Unknown command "${command}": use import or export.` };
  }
  const [input, ...extra] = positional;
  if (input === undefined) return { ok: false, error: `${command} needs a file to read.` };
  if (extra.length > 0)
    return { ok: false, error: `One file at a time (also got ${extra.join(', ')}).` };
  const output = options['-o'];
  if (command === 'import') {
    if (options['--to'] !== undefined)
      return { ok: false, error: 'import writes a design (JSON); --to is for export.' };
    return {
      ok: true,
      value: {
        command,
        input,
        ...(output ? { output } : {}),
        ...(options['--name'] ? { name: options['--name'] } : {}),
      },
    };
  }
  const to = options['--to'];
  if (to === undefined) return { ok: false, error: 'export needs --to sql.' };
  if (to !== 'sql') return { ok: false, error: `Cannot export to "${to}" yet: only --to sql.` };
  return { ok: true, value: { command, input, to, ...(output ? { output } : {}) } };
}
