import { err, ok, type Result } from '../../core/result';

/** The live-database commands' command lines, parsed; errors are sentences. */
export type LiveCommand =
  | { command: 'pull'; url: string; output?: string; into?: string; schemas?: string[] }
  | { command: 'check'; design: string; against: string; json: boolean }
  | {
      command: 'migrate';
      design: string;
      against: string;
      mode: 'safe' | 'simple';
      output?: string;
      apply: boolean;
      yes: boolean;
    };

export const LIVE_COMMANDS = ['pull', 'check', 'migrate'] as const;

export const isLiveCommand = (name: string | undefined): name is LiveCommand['command'] =>
  (LIVE_COMMANDS as readonly string[]).includes(name ?? '');

const VALUE_OPTIONS: Record<string, LiveCommand['command'][]> = {
  '-o': ['pull', 'migrate'],
  '--output': ['pull', 'migrate'],
  '--into': ['pull'],
  '--schema': ['pull'],
  '--against': ['check', 'migrate'],
};
const FLAGS: Record<string, LiveCommand['command'][]> = {
  '--json': ['check'],
  '--safe': ['migrate'],
  '--simple': ['migrate'],
  '--apply': ['migrate'],
  '--yes': ['migrate'],
};

export function parseLiveArgs(argv: readonly string[]): Result<LiveCommand, string> {
  const [command, ...rest] = argv;
  if (!isLiveCommand(command)) return err(`Unknown command "${command}".`);
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg in VALUE_OPTIONS) {
      if (!VALUE_OPTIONS[arg]!.includes(command)) return err(`${command} does not take ${arg}.`);
      const value = rest[i + 1];
      if (value === undefined || (value.startsWith('-') && value !== '-'))
        return err(`${arg} needs a value.`);
      const name = arg === '--output' ? '-o' : arg;
      if (name !== '--schema' && values.has(name)) return err(`${arg} is given twice.`);
      values.set(name, [...(values.get(name) ?? []), value]);
      i++;
    } else if (arg in FLAGS) {
      if (!FLAGS[arg]!.includes(command)) return err(`${command} does not take ${arg}.`);
      flags.add(arg);
    } else if (arg.startsWith('-') && arg !== '-') return err(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  const one = (name: string) => values.get(name)?.[0];
  const output = one('-o');
  if (positional.length > 1)
    return err(`Too many arguments (also got ${positional.slice(1).join(', ')}).`);
  const [first] = positional;
  if (command === 'pull') {
    if (first === undefined)
      return err('pull needs the database URL (postgres://user:password@host:5432/database).');
    const into = one('--into');
    const schemas = values.get('--schema');
    return ok({
      command,
      url: first,
      ...(output !== undefined ? { output } : {}),
      ...(into !== undefined ? { into } : {}),
      ...(schemas ? { schemas } : {}),
    });
  }
  if (first === undefined) return err(`${command} needs the design file.`);
  const against = one('--against');
  if (against === undefined)
    return err(
      `${command} needs --against <postgres-url>: the database to compare the design with.`,
    );
  if (command === 'check')
    return ok({ command, design: first, against, json: flags.has('--json') });
  if (flags.has('--safe') && flags.has('--simple'))
    return err('Choose --safe or --simple, not both.');
  if (flags.has('--yes') && !flags.has('--apply'))
    return err('--yes confirms --apply: give both, or neither.');
  return ok({
    command,
    design: first,
    against,
    mode: flags.has('--simple') ? 'simple' : 'safe',
    ...(output !== undefined ? { output } : {}),
    apply: flags.has('--apply'),
    yes: flags.has('--yes'),
  });
}
