import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';

/**
 * `tablewright relay` as a person starts it: its own process, from bin/. Call `useRelayCli()` at
 * the top of a test file; after each test it kills any relay process still running.
 */
const BIN = new URL('../../bin/tablewright.mjs', import.meta.url).pathname;

export interface RelayProcess {
  child: ChildProcess;
  url: string;
  /** All it printed so far, stdout and stderr. */
  output: () => string;
}

export function useRelayCli() {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });
  const spawnRelay = (args: string[]) => {
    const child = spawn(process.execPath, [BIN, 'relay', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  };
  return {
    /** Starts the relay; resolves with its URL once it listens, rejects if it exits first. */
    start(args: string[]): Promise<RelayProcess> {
      const child = spawnRelay(args);
      let output = '';
      return new Promise((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1];
          if (url) resolve({ child, url, output: () => output });
        });
        child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`relay exited (${code}): ${output}`)));
      });
    },
    /** Runs the relay command to its end: exit code and what it printed. */
    run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
      const child = spawnRelay(args);
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      return new Promise((resolve) =>
        child.on('exit', (code) => resolve({ code, stdout, stderr })),
      );
    },
  };
}

/** Resolves with the exit code when the process ends. Take it before the signal is sent. */
export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
