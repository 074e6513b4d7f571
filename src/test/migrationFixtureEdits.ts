import type { Column, Design, Table } from '../core/model';

/**
 * Realistic edits of a real-world design for migration tests: rename a column, widen a type, add
 * an index, drop a table. B stays valid the way the studio would keep it: renamed and retyped
 * columns are ones no SQL kept verbatim names (a view's text would still say the old name; a view
 * on a column blocks ALTER TYPE), and a dropped table takes along the raw objects that use it
 * (its triggers, the views on it), as a person would delete them first.
 */
export interface FixtureEdit {
  description: string;
  apply(b: Design): void;
}

const wordRe = (name: string) => new RegExp(`\\b${name.replace(/[^A-Za-z0-9_]/g, '.')}\\b`, 'i');

/** Tables outside partition trees and inheritance (a rename there goes down to every child). */
function plainTables(design: Design): Table[] {
  const tables = Object.values(design.tables);
  const related = new Set(
    tables
      .flatMap((t) => [t.partitionOf?.tableId, ...t.inherits])
      .filter((x): x is string => x !== undefined),
  );
  return tables.filter(
    (t) => !t.partitionBy && !t.partitionOf && !related.has(t.id) && !t.inherits.length,
  );
}

/** A column nothing written as SQL names: raw objects, checks, index expressions. */
function freeColumn(design: Design, t: Table, c: Column): boolean {
  const re = wordRe(c.name);
  const texts = [
    ...design.extras.map((x) => x.sql),
    ...t.constraints.map((k) =>
      k.kind === 'check' ? k.expression : k.kind === 'exclude' ? k.definition : '',
    ),
    ...t.indexes.flatMap((ix) => [
      ix.where ?? '',
      ...ix.elements.map((e) => (e.kind === 'expression' ? e.expression : '')),
    ]),
  ];
  const inForeignKey = Object.values(design.tables).some((o) =>
    o.constraints.some(
      (k) =>
        k.kind === 'foreignKey' && (k.columnIds.includes(c.id) || k.refColumnIds.includes(c.id)),
    ),
  );
  return !c.generated && !c.identity && !inForeignKey && !texts.some((s) => re.test(s));
}

/** Raw objects that use a table (by its name or by dependency), and those that use them. */
function dependents(design: Design, t: Table): Set<string> {
  const out = new Set<string>();
  const re = wordRe(t.name);
  for (const x of design.extras) {
    if (
      x.tableId === t.id ||
      x.dependsOn.includes(t.id) ||
      re.test(x.sql) ||
      x.dependsOn.some((d) => out.has(d))
    )
      out.add(x.id);
  }
  return out;
}

const WIDER: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(?:character varying|varchar)\((\d+)\)$/, (m) => `character varying(${Number(m[1]) + 50})`],
  [/^numeric\((\d+),(\d+)\)$/, (m) => `numeric(${Number(m[1]) + 2},${m[2]})`],
  [/^smallint$/, () => 'integer'],
  [/^integer$/, () => 'bigint'],
  // Binary coercible: PostgreSQL changes the type without rewriting the table.
  [/^text$/, () => 'character varying'],
];

export function fixtureEdits(design: Design): FixtureEdit[] {
  const edits: FixtureEdit[] = [];
  const tables = plainTables(design);
  const referenced = (id: string) =>
    Object.values(design.tables).some(
      (o) =>
        o.id !== id && o.constraints.some((k) => k.kind === 'foreignKey' && k.refTableId === id),
    );
  const dropped = tables.find((t) => !referenced(t.id));
  const rest = tables.filter((t) => t !== dropped);
  const free = rest.flatMap((t) =>
    t.columns.filter((c) => freeColumn(design, t, c)).map((c) => [t, c] as const),
  );

  const [renameIn, renamed] = free[0] ?? [];
  if (renameIn && renamed) {
    edits.push({
      description: `rename ${renameIn.name}.${renamed.name}`,
      apply: (b) =>
        (b.tables[renameIn.id]!.columns.find((c) => c.id === renamed.id)!.name =
          `${renamed.name}_renamed`),
    });
  }
  for (const [t, c] of free.slice(1)) {
    const rule = WIDER.find(([re]) => re.test(c.type));
    if (!rule) continue;
    const to = rule[1](rule[0].exec(c.type)!);
    edits.push({
      description: `widen ${t.name}.${c.name} from ${c.type} to ${to}`,
      apply: (b) => (b.tables[t.id]!.columns.find((x) => x.id === c.id)!.type = to),
    });
    break;
  }
  const indexIn = rest.find((t) => t.columns.length > 1);
  if (indexIn) {
    const key = indexIn.columns[indexIn.columns.length - 1]!;
    edits.push({
      description: `add an index on ${indexIn.name}.${key.name}`,
      apply: (b) =>
        b.tables[indexIn.id]!.indexes.push({
          id: 'i_fixture_edit',
          name: `${indexIn.name}_edit_idx`,
          unique: false,
          method: 'btree',
          elements: [{ kind: 'column', columnId: key.id }],
          include: [],
        }),
    });
  }
  if (dropped) {
    const gone = dependents(design, dropped);
    edits.push({
      description: `drop table ${dropped.name}${gone.size > 0 ? ` and ${gone.size} raw objects using it` : ''}`,
      apply: (b) => {
        delete b.tables[dropped.id];
        b.extras = b.extras.filter((x) => !gone.has(x.id));
      },
    });
  }
  return edits;
}
