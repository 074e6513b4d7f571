#!/usr/bin/env node
// The command-line studio: the same core as the browser, run from TypeScript sources through tsx
// (Node 20 cannot run .ts by itself).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
