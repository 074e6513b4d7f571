import { createRequire } from 'node:module';
import {
  emptyDesign,
  emptyLayout,
  type Column,
  type Constraint,
  type Design,
  type Layout,
  type Table,
} from '../../core/model/index';
import { NODE_WIDTH } from '../../core/geometry/tableGeometry';

/**
 * Designs and helpers for the SVG export tests. XML is checked with jsdom's DOMParser, created
 * here rather than through `@vitest-environment jsdom`: the fixture loader resolves paths with
 * Node's URL, which the jsdom environment replaces. (jsdom ships no types, hence the cast.)
 */
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } };
};
const parser = new new JSDOM('').window.DOMParser();

/** The parsed SVG document; throws with the parser's message when it is not well-formed XML. */
export function parseSvg(svg: string): Document {
  const doc = parser.parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`SVG is not well-formed: ${error.textContent ?? ''}`);
  return doc;
}

const col = (id: string, name: string, type = 'bigint', nullable = false): Column => ({
  id,
  name,
  type,
  nullable,
});

function table(
  id: string,
  name: string,
  columns: Column[],
  constraints: Constraint[],
  schemaId = 's_public',
): Table {
  return {
    id,
    schemaId,
    name,
    columns,
    constraints,
    indexes: [],
    inherits: [],
    storageParameters: [],
  };
}

function fk(id: string, columnId: string, refTableId: string, refColumnId: string): Constraint {
  return {
    id,
    kind: 'foreignKey',
    columnIds: [columnId],
    refTableId,
    refColumnIds: [refColumnId],
    onDelete: 'noAction',
    onUpdate: 'noAction',
    deferrable: 'notDeferrable',
  };
}

export const LONG_NAME = 'a_very_long_table_name_that_goes_on_'.repeat(12);

/**
 * Names a careless export would break on (markup, entities, quotes, emoji, control characters, a
 * lone surrogate, line breaks, a name far wider than a box), a second schema, a table far to the
 * upper left and one far to the lower right, a collapsed table and a self-reference.
 */
export function nastyDesign(): { design: Design; layout: Layout } {
  const design = emptyDesign('<b>Nasty</b> & "quoted" \u0001 design', 'd_nasty');
  design.schemas.s_odd = { id: 's_odd', name: `o<&>"s'` };
  const pk = (id: string, columnId: string): Constraint => ({
    id,
    kind: 'primaryKey',
    columnIds: [columnId],
    include: [],
  });
  const tables = [
    table(
      't_script',
      '<script>alert("x")</script>',
      [col('c_s_id', 'id'), col('c_s_amp', 'a & b <c>', 'text', true)],
      [pk('k_s', 'c_s_id')],
    ),
    table(
      't_quotes',
      `it's "quoted" & <odd>`,
      [col('c_q_id', 'id'), col('c_q_ref', 'script_id\u0001', 'bigint', true)],
      [pk('k_q', 'c_q_id'), fk('k_q_fk', 'c_q_ref', 't_script', 'c_s_id')],
    ),
    table(
      't_emoji',
      'elephant 🐘 👩‍💻 table',
      [col('c_e_id', 'id 🐘'), col('c_e_q', 'quotes_id', `character varying(40) "x" <y>`)],
      [pk('k_e', 'c_e_id'), fk('k_e_fk', 'c_e_q', 't_quotes', 'c_q_id')],
      's_odd',
    ),
    table(
      't_control',
      'ctl\u0001\u0008\u000b\u001f\ufffe\ud800 name\nwith\tbreaks',
      [col('c_c_id', 'id\u0000')],
      [pk('k_c', 'c_c_id')],
    ),
    table(
      't_long',
      LONG_NAME,
      [
        col('c_l_id', 'id'),
        col('c_l_long', LONG_NAME, LONG_NAME),
        col('c_l_parent', 'parent_id', 'bigint', true),
      ],
      [
        pk('k_l', 'c_l_id'),
        fk('k_l_self', 'c_l_parent', 't_long', 'c_l_id'),
        fk('k_l_emoji', 'c_l_long', 't_emoji', 'c_e_id'),
      ],
    ),
  ];
  design.tables = Object.fromEntries(tables.map((t) => [t.id, t]));
  design.extras = [
    {
      id: 'v_odd',
      kind: 'view',
      schemaId: 's_odd',
      name: 'view <&> "v"',
      sql: 'CREATE VIEW v AS SELECT 1;',
      columns: [{ name: 'x & y', type: 'integer' }],
      dependsOn: [],
    },
  ];
  const layout = emptyLayout();
  layout.tables = {
    t_script: { x: -5000, y: -3000, color: 'red' },
    t_quotes: { x: 0, y: 0, color: 'constructor' },
    t_emoji: { x: 400, y: 200 },
    t_control: { x: 800, y: 0, collapsed: true },
    t_long: { x: 30000, y: 20000, width: 320 },
    v_odd: { x: 400, y: 600 },
  };
  return { design, layout };
}

/** A synthetic design of `n` tables in a grid, each referencing the one before it. */
export function chainDesign(n: number): { design: Design; layout: Layout } {
  const design = emptyDesign(`${n} tables`, 'd_chain');
  for (let i = 0; i < n; i++) {
    const columns = [col(`c${i}_id`, 'id'), col(`c${i}_prev`, 'prev_id', 'bigint', true)];
    for (let j = 0; j < 8; j++)
      columns.push(col(`c${i}_${j}`, `column_${j}`, j % 2 ? 'text' : 'timestamp with time zone'));
    const constraints: Constraint[] = [
      { id: `k${i}`, kind: 'primaryKey', columnIds: [`c${i}_id`], include: [] },
    ];
    if (i > 0) constraints.push(fk(`k${i}_fk`, `c${i}_prev`, `t${i - 1}`, `c${i - 1}_id`));
    design.tables[`t${i}`] = table(`t${i}`, `table_${i}`, columns, constraints);
  }
  return { design, layout: gridLayout(design) };
}

/** Imported designs have no positions: a plain grid, rows as tall as their tallest table. */
export function gridLayout(design: Design): Layout {
  const layout = emptyLayout();
  const perRow = Math.ceil(Math.sqrt(Object.keys(design.tables).length + design.extras.length));
  const ids = [
    ...Object.values(design.tables)
      .filter((t) => !t.partitionOf)
      .map((t) => ({ id: t.id, rows: t.columns.length })),
  ];
  for (const v of design.extras) if (v.columns) ids.push({ id: v.id, rows: v.columns.length });
  let y = 0;
  for (let i = 0; i < ids.length; i += perRow) {
    const row = ids.slice(i, i + perRow);
    row.forEach((t, j) => (layout.tables[t.id] = { x: j * (NODE_WIDTH + 120), y }));
    y += Math.max(...row.map((t) => t.rows)) * 24 + 36 + 28 + 80;
  }
  return layout;
}
