/**
 * `tablewright import` and `tablewright export`: the studio's core in Node. Messages go to
 * stderr, results to stdout or the -o file; the exit code says how it went (see USAGE).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  emptyLayout,
  makeDocument,
  parseDesign,
  serializeDocument,
  type Design,
} from '../core/model';
import { generateDdl } from '../core/sql';
import { importSql } from '../db/import/importSql';
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutDesign } from '../layout/autoLayout';
import { parseArgs, USAGE } from './args';
import { formatReport } from './formatReport';
import { nodeScratch } from './scratch';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes. */
const OK = 0;
const BAD_INPUT = 1;
const IMPORT_FAILED = 2;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`tablewright: ${parsed.error}\n\n${USAGE}`);
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
      const text = await readInput(command.input, io);
      if (text === undefined) return BAD_INPUT;
      const name = command.name ?? designName(command.input);
      const imported = await importScript(text, command.input, name, io);
      if (!imported) return IMPORT_FAILED;
      // Laid out as the studio would, so the design opens readable rather than piled at the origin.
      const layout = emptyLayout();
      const tables = await layoutDesign(new ELK(), imported, layout);
      const json = serializeDocument(makeDocument(imported, { ...layout, tables }));
      return (await writeOutput(command.output, json, io)) ? OK : BAD_INPUT;
    }
    case 'export': {
      const text = await readInput(command.input, io);
      if (text === undefined) return BAD_INPUT;
      let design: Design | undefined;
      if (/\.json$/i.test(command.input) || text.trimStart().startsWith('{')) {
        const document = parseDesign(text);
        if (!document.ok) {
          io.stderr(`tablewright: ${command.input}: ${document.error.message}\n`);
          return BAD_INPUT;
        }
        design = document.value.design;
      } else {
        design = await importScript(text, command.input, designName(command.input), io);
        if (!design) return IMPORT_FAILED;
      }
      const ddl = generateDdl(design);
      for (const problem of ddl.problems)
        io.stderr(`tablewright: left out of the DDL: ${problem.message}\n`);
      return (await writeOutput(command.output, ddl.text, io)) ? OK : BAD_INPUT;
    }
  }
}

async function importScript(
  sql: string,
  source: string,
  name: string,
  io: Io,
): Promise<Design | undefined> {
  io.stderr(`Reading ${source} with PostgreSQL (PGlite)…\n`);
  const result = await importSql(sql, { designName: name }, { createScratch: nodeScratch() });
  if (!result.ok) {
    io.stderr(`tablewright: ${result.error.message}\n`);
    return undefined;
  }
  io.stderr(formatReport(source, result.design, result.report));
  return result.design;
}

async function readInput(path: string, io: Io): Promise<string | undefined> {
  try {
    return path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (thrown) {
    const code = (thrown as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : (thrown as Error).message;
    io.stderr(`tablewright: cannot read ${path}: ${why}.\n`);
    return undefined;
  }
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function designName(path: string): string {
  return path === '-' ? 'Imported design' : basename(path).replace(/\.(sql|psql|json)$/i, '');
}

async function version(): Promise<string> {
  const pkg = JSON.parse(
    await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return `tablewright ${pkg.version}`;
}
