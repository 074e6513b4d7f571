import { describe, expect, it } from 'vitest';
import { exampleDocument, type Design } from '../core/model';
import { runDiff } from '../cli/diff';

const a = exampleDocument().design;
const b: Design = structuredClone(a);
b.tables.t_customers!.columns.push({
  id: 'c_nick',
  name: 'nickname',
  type: 'text',
  nullable: true,
});

describe('runDiff (the CLI diff command)', () => {
  it('prints the verified migration as SQL, down commented out, after booting its own PGlite', async () => {
    const lines: string[] = [];
    const result = await runDiff(a, b, {
      to: 'sql',
      mode: 'safe',
      log: (line) => lines.push(line),
    });
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('\nALTER TABLE customers ADD COLUMN nickname text;\n');
    expect(result.output).toContain('\n-- ALTER TABLE customers DROP COLUMN nickname;\n');
    expect(lines.at(-1)).toBe(
      'tablewright: verified: up turns the old design into the new one, down turns it back.\n',
    );
  });

  it('writes a Sequelize migration', async () => {
    const result = await runDiff(a, b, { to: 'sequelize', mode: 'simple' });
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain(
      'await queryInterface.sequelize.query("ALTER TABLE customers ADD COLUMN nickname text;", { transaction });',
    );
  });
});
