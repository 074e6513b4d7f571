import { it } from 'vitest';
import { lintDesign } from '../src/core/lint';
import { RULES } from '../src/core/lint/rules';
import { createLintContext } from '../src/core/lint/context';
import { fixtureDesign } from '../src/test/fixtureDesigns';

/**
 * lintDesign on musicbrainz (375 tables, ~3,000 columns, ~760 foreign keys), the largest real
 * fixture. Prints median and p95 over 30 runs after a warm-up, and the slowest rules.
 */

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

it('lintDesign on musicbrainz', async () => {
  const design = await fixtureDesign('musicbrainz');
  for (let i = 0; i < 10; i++) lintDesign(design); // warm up the JIT
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    count = lintDesign(design).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const perRule = RULES.map((rule) => {
    const context = createLintContext(design);
    const start = performance.now();
    for (let i = 0; i < 10; i++) rule.check(design, context);
    return [rule.id, (performance.now() - start) / 10] as const;
  }).sort((a, b) => b[1] - a[1]);
  console.log(
    `lintDesign, musicbrainz (${Object.keys(design.tables).length} tables, ${count} findings), 30 runs: ` +
      `median ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms\n` +
      'slowest rules: ' +
      perRule
        .slice(0, 5)
        .map(([id, ms]) => `${id} ${ms.toFixed(2)} ms`)
        .join(', '),
  );
});
