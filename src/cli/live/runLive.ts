/**
 * The live-database commands (`pull`, `check`, `migrate`): parsed here and run; main.ts hands
 * them over. Whatever goes wrong ends as one line on stderr and an exit code, never a stack trace.
 */
import { createInterface } from 'node:readline/promises';
import { BAD_INPUT, type Io } from '../loadDocument';
import { USAGE } from '../args';
import { runCheck } from './check';
import { parseLiveArgs } from './liveArgs';
import type { LiveDeps } from './liveDatabase';
import { runMigrate } from './migrate';
import { runPull } from './pull';

export { isLiveCommand } from './liveArgs';

export async function runLiveCommand(
  argv: readonly string[],
  io: Io,
  deps: LiveDeps = defaultDeps(),
): Promise<number> {
  const parsed = parseLiveArgs(argv);
  if (!parsed.ok) {
    io.stderr(`tablewright: ${parsed.error}\n\n${USAGE}`);
    return BAD_INPUT;
  }
  const command = parsed.value;
  try {
    switch (command.command) {
      case 'pull':
        return await runPull(command, io, deps);
      case 'check':
        return await runCheck(command, io, deps);
      case 'migrate':
        return await runMigrate(command, io, deps);
    }
  } catch (thrown) {
    // A bug of ours rather than bad input: still one line (what failed), not a stack trace.
    const message = (thrown instanceof Error ? thrown.message : String(thrown)).split('\n')[0];
    io.stderr(`tablewright: ${command.command} failed: ${message}\n`);
    return BAD_INPUT;
  }
}

/** In a terminal, migrate --apply asks before it changes the database. */
function defaultDeps(): LiveDeps {
  if (!process.stdin.isTTY) return {};
  return {
    confirm: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const answer = await rl.question(`${question} Type "yes" to apply: `);
        return answer.trim().toLowerCase() === 'yes';
      } finally {
        rl.close();
      }
    },
  };
}
