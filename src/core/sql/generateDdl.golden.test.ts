import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGoldenCases } from '../../test/ddlGoldenCases';
import { generateDdl } from './generateDdl';

/** Run with UPDATE_GOLDEN=1 to rewrite the expected files from the current generator. */
const update = process.env.UPDATE_GOLDEN === '1';

describe('generateDdl golden files', () => {
  for (const golden of loadGoldenCases()) {
    it(golden.name, () => {
      const out = generateDdl(golden.design);
      const problems =
        out.problems.length > 0 ? JSON.stringify(out.problems, null, 2) + '\n' : undefined;
      if (update) {
        writeFileSync(golden.sqlPath, out.text);
        if (problems) writeFileSync(golden.problemsPath, problems);
        else rmSync(golden.problemsPath, { force: true });
      }
      expect(out.text).toBe(readFileSync(golden.sqlPath, 'utf8'));
      expect(problems).toBe(
        existsSync(golden.problemsPath) ? readFileSync(golden.problemsPath, 'utf8') : undefined,
      );
      // The source map covers exactly the statements, in order, with nothing but blank lines between.
      for (const s of out.statements) expect(out.text.slice(s.from, s.to)).toBe(s.sql);
      expect(
        out.statements.map((s) => s.sql).join('\n\n') + (out.statements.length ? '\n' : ''),
      ).toBe(out.text);
    });
  }
});
