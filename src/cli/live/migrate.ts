/**
 * `tablewright migrate <design> --against <postgres-url> [--safe|--simple] [-o file] [--apply]
 * [--yes]`: the migration from the live database to the design, planned and verified in PGlite
 * exactly as `tablewright diff` does (runDiff: the database's DDL, up, compare with the design's;
 * down, compare back), then written out. With --apply, and once confirmed, it runs on the
 * database in one transaction; an unverified migration is never applied.
 */
import { readCatalog } from '../../core/catalog';
import { planMigration, type MigrationStep } from '../../core/diff';
import type { Design } from '../../core/model';
import { toPgError } from '../../db/pgError';
import { BAD_INPUT, OK, type Io } from '../loadDocument';
import { compareWithDatabase } from './check';
import { alignedLiveDesign, findDrift, formatDrift, hasDrift } from './drift';
import type { LiveCommand } from './liveArgs';
import { DATABASE_FAILED, withLiveDatabase, type LiveDeps } from './liveDatabase';
import { err, ok } from '../../core/result';
import { writeAtomically } from './writeAtomically';

/** The migration was not verified by PostgreSQL (as for diff). */
export const NOT_VERIFIED = 1;

export async function runMigrate(
  command: Extract<LiveCommand, { command: 'migrate' }>,
  io: Io,
  deps: LiveDeps,
): Promise<number> {
  const compared = await compareWithDatabase(command.design, command.against, io, deps);
  if (typeof compared === 'number') return compared;
  const { design, aligned, drift, read } = compared;
  if (!hasDrift(drift)) {
    io.stderr(
      `tablewright: ${read.url.masked} already matches ${command.design}: nothing to migrate, nothing written.\n`,
    );
    return OK;
  }
  const steps = planMigration(aligned, design, { mode: command.mode }).up;
  if (command.apply) {
    const outside = steps.filter((s) => !s.transactional);
    if (outside.length > 0) {
      io.stderr(
        `tablewright: --apply runs the migration in one transaction, and ${outside.length} of its --safe steps cannot run inside one (${outside[0]!.description}, ...): ` +
          'apply with --simple, or write the file (-o) and run it with psql.\n',
      );
      return BAD_INPUT;
    }
  }
  // Loaded for migrate only, as for diff: the verifier is a good part of the CLI's start-up.
  const { runDiff } = await import('../diff');
  const result = await runDiff(aligned, design, {
    to: 'sql',
    mode: command.mode,
    log: (line) => io.stderr(line),
  });
  if (command.output === undefined || command.output === '-') io.stdout(result.output);
  else {
    const failed = await writeAtomically(command.output, result.output);
    if (failed) {
      io.stderr(`tablewright: ${failed}\n`);
      return BAD_INPUT;
    }
    io.stderr(`Wrote ${command.output}.\n`);
  }
  if (result.exitCode !== 0) {
    if (command.apply)
      io.stderr('tablewright: not applied: PostgreSQL (PGlite) did not verify the migration.\n');
    return NOT_VERIFIED;
  }
  if (!command.apply) return OK;

  const question = `Apply ${steps.length} ${steps.length === 1 ? 'statement' : 'statements'} to ${read.url.masked} in one transaction?`;
  const confirmed = command.yes || (deps.confirm ? await deps.confirm(question) : undefined);
  if (confirmed === undefined) {
    io.stderr(
      'tablewright: not applied: --apply asks for a confirmation, and there is no terminal to ask on; add --yes to apply without asking (CI).\n',
    );
    return BAD_INPUT;
  }
  if (!confirmed) {
    io.stderr('tablewright: not applied.\n');
    return BAD_INPUT;
  }
  const applied = await applyInOneTransaction(command.against, aligned, steps, deps);
  if (!applied.ok) {
    io.stderr(`tablewright: ${applied.error.message}\n`);
    return applied.error.exitCode;
  }
  io.stderr(
    `Applied ${steps.length} ${steps.length === 1 ? 'statement' : 'statements'} to ${read.url.masked}.\n`,
  );
  // Read back: the database should now be the design.
  const after = await compareWithDatabase(
    command.design,
    command.against,
    { stdout: () => undefined, stderr: () => undefined },
    deps,
  );
  if (typeof after === 'number') {
    io.stderr('tablewright: applied, but the database could not be read back to confirm it.\n');
    return after;
  }
  if (hasDrift(after.drift)) {
    io.stderr(
      `tablewright: applied, but the database still differs from the design:\n${formatDrift(after.drift, command.design, read.url.masked)}`,
    );
    return NOT_VERIFIED;
  }
  return OK;
}

/**
 * BEGIN, make sure the database is still what the migration was planned from, run the steps,
 * COMMIT; any failure rolls everything back.
 */
async function applyInOneTransaction(
  urlText: string,
  plannedFrom: Design,
  steps: readonly MigrationStep[],
  deps: LiveDeps,
) {
  return withLiveDatabase(urlText, deps, async ({ exec, url }) => {
    await exec.query('BEGIN');
    await exec.query('SET LOCAL search_path = "$user", public');
    const now = alignedLiveDesign(plannedFrom, await readCatalog(exec));
    if (hasDrift(findDrift(plannedFrom, now))) {
      await exec.query('ROLLBACK');
      return err({
        message: `not applied: ${url.masked} changed after it was read; run migrate again.`,
        exitCode: DATABASE_FAILED,
      });
    }
    for (const [i, step] of steps.entries()) {
      try {
        await exec.query(step.sql);
      } catch (thrown) {
        await exec.query('ROLLBACK').catch(() => undefined);
        const pgError = toPgError(thrown);
        return err({
          message: `not applied: ${url.masked} refused statement ${i + 1} (${step.description}): ${pgError.message}. Everything was rolled back.`,
          exitCode: DATABASE_FAILED,
        });
      }
    }
    await exec.query('COMMIT');
    return ok(undefined);
  });
}
