import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addColumn, renameTable } from '../ops';
import {
  applyEdits,
  shareUnchanged,
  buildDesign,
  designRecipe,
  editsRecipe,
  type DesignRecipe,
} from '../../test/migrationArbitraries';
import { propertyParameters } from '../../test/propertySeed';
import { planSteps } from './plan';
import { planChangedSteps, tablesReached } from './planChanges';
import type { MigrationMode } from './types';

const MODES: MigrationMode[] = ['safe', 'simple'];

type TableRecipe = DesignRecipe[number];
const table = (over: Partial<TableRecipe> = {}): TableRecipe => ({
  columns: [{ type: 0, nullable: true, defaulted: false }],
  pkNamed: false,
  uniques: [],
  indexes: [],
  fks: [],
  ...over,
});

describe('planChangedSteps', () => {
  it('plans only what changed, and nothing for the same design', () => {
    const { design: a } = buildDesign([
      table(),
      table({ fks: [{ ref: 0, named: false }] }),
      table(),
    ]);
    expect(planChangedSteps(a, a, 'safe')).toEqual([]);
    expect(tablesReached(a, a).size).toBe(0);
    const last = Object.keys(a.tables).at(-1) as string;
    const b = addColumn(a, last, {
      id: 'c_new',
      name: 'added',
      type: 'text',
      nullable: true,
    } as never);
    expect(tablesReached(a, b)).toEqual(new Set([last]));
    expect(planChangedSteps(a, b, 'safe').map((s) => s.sql)).toEqual(
      planSteps(a, b, 'safe').map((s) => s.sql),
    );
    const renamed = renameTable(b, last, 'renamed_table');
    expect(tablesReached(b, renamed)).toEqual(new Set([last]));
    expect(planChangedSteps(b, renamed, 'safe')).toEqual(planSteps(b, renamed, 'safe'));
  });

  it('a foreign key ties its two tables: editing the referenced table reaches the other', () => {
    const { design: a } = buildDesign([table(), table({ fks: [{ ref: 0, named: false }] })]);
    const [first, second] = Object.keys(a.tables) as [string, string];
    const hasFk = Object.values(a.tables).some((t) =>
      t.constraints.some((k) => k.kind === 'foreignKey'),
    );
    expect(hasFk).toBe(true);
    const b = renameTable(a, first, 'parent_renamed');
    expect(tablesReached(a, b)).toEqual(new Set([first, second]));
  });

  it('equals the whole plan for random designs and random edits, in both modes', () => {
    let reachedLess = 0;
    fc.assert(
      fc.property(designRecipe, editsRecipe, (recipe, edits) => {
        const { design: a, names } = buildDesign(recipe);
        const b = shareUnchanged(a, applyEdits(a, edits, names));
        if (tablesReached(a, b).size < Object.keys(b.tables).length) reachedLess++;
        for (const mode of MODES) {
          expect(planChangedSteps(a, b, mode)).toEqual(planSteps(a, b, mode));
          expect(planChangedSteps(b, a, mode)).toEqual(planSteps(b, a, mode));
        }
      }),
      propertyParameters({ numRuns: 300 }),
    );
    // The property says something only if some cases left tables out of the plan.
    expect(reachedLess).toBeGreaterThan(30);
  });
});
