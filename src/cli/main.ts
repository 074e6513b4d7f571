/**
 * `tablewright import | export | share | lint | diff`: the studio's core in Node. Messages go to
 * stderr, results to stdout or the -o file; the exit code says how it went (see USAGE).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { emptyLayout, makeDocument, parseDesign, serializeDocument, type Design, type DesignDocument } from '../core/model';
import { textExport } from '../core/export';
import { COMFORTABLE_LINK_CHARS, shareLink } from '../core/share';
import { generateDdl } from '../core/sql';
import { runDiff } from './diff';
import { runLint } from './lint';
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
      const json = serializeDocument(await laidOut(imported));
      return (await writeOutput(command.output, json, io)) ? OK : BAD_INPUT;
    }
    case 'export': {
      const loaded = await loadDocument(command.input, io);
      if (typeof loaded === 'number') return loaded;
      const format = textExport(command.to);
      if (!format) return BAD_INPUT;
      if (command.to === 'sql') {
        for (const problem of generateDdl(loaded.design).problems) io.stderr(`tablewright: left out of the DDL: ${problem.message}\n`);
      }
      return (await writeOutput(command.output, format.render(loaded), io)) ? OK : BAD_INPUT;
    }
    case 'share': {
      const loaded = await loadDocument(command.input, io);
      if (typeof loaded === 'number') return loaded;
      const link = shareLink(command.baseUrl, loaded);
      io.stdout(`${link}\n`);
      io.stderr(`${link.length.toLocaleString('en')} characters.${link.length > COMFORTABLE_LINK_CHARS ? ' Long links open in browsers but chat apps and mail may cut them: consider sending the design file.' : ''}\n`);
      return OK;
    }
    case 'lint': {
      const loaded = await loadDocument(command.input, io);
      if (typeof loaded === 'number') return loaded;
      const result = await runLint(loaded.design, command.format);
      io.stdout(result.output);
      return result.exitCode;
    }
    case 'diff': {
      const before = await loadDocument(command.old, io);
      if (typeof before === 'number') return before;
      const after = await loadDocument(command.new, io);
      if (typeof after === 'number') return after;
      const result = await runDiff(before.design, after.design, { to: command.to, mode: command.mode, log: (line) => io.stderr(line) });
      if (!(await writeOutput(command.output, result.output, io))) return BAD_INPUT;
      return result.exitCode;
    }
  }
}

/** A design JSON file, or a SQL script imported (and laid out) first. Numbers are exit codes. */
async function loadDocument(path: string, io: Io): Promise<DesignDocument | number> {
  const text = await readInput(path, io);
  if (text === undefined) return BAD_INPUT;
  if (/\.json$/i.test(path) || text.trimStart().startsWith('{')) {
    const document = parseDesign(text);
    if (!document.ok) {
      io.stderr(`tablewright: ${path}: ${document.error.message}\n`);
      return BAD_INPUT;
    }
    return document.value;
  }
  const design = await importScript(text, path, designName(path), io);
  return design ? laidOut(design) : IMPORT_FAILED;
}

/** Laid out as the studio would, so the design opens readable rather than piled at the origin. */
async function laidOut(design: Design): Promise<DesignDocument> {
  const layout = emptyLayout();
  const tables = await layoutDesign(new ELK(), design, layout);
  return makeDocument(design, { ...layout, tables });
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
