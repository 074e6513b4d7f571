/**
 * `tablewright lint`: the design review in Node. The CLI wiring (arguments, reading the file)
 * lives in main.ts; this turns a design into the report and the exit code.
 */
import type { Design } from '../core/model';
import { formatFindings, lintDesign, type FindingsFormat } from '../core/lint';

/** Exit 1 when any finding is an error, so CI can fail on them and only on them. */
export async function runLint(
  design: Design,
  format: FindingsFormat,
): Promise<{ output: string; exitCode: 0 | 1 }> {
  const findings = lintDesign(design);
  return {
    output: formatFindings(findings, format),
    exitCode: findings.some((f) => f.severity === 'error') ? 1 : 0,
  };
}
