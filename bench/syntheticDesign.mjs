// A synthetic design of N tables (10 columns, a primary key, 1-2 foreign keys, an index each),
// laid out on a grid: the shape of a large real schema, for benchmarks only. A document of the
// current format version (3): benchmarks load it into the store as it is, without parseDesign.

/** @param {number} n @returns {{ format: string, version: number, design: any, layout: any }} */
export function syntheticDocument(n) {
  const tables = {};
  const layoutTables = {};
  const perRow = Math.ceil(Math.sqrt(n));
  for (let i = 0; i < n; i++) {
    const id = `t_${i}`;
    const columns = [
      { id: `c_${i}_id`, name: 'id', type: 'bigint', nullable: false, identity: 'always' },
    ];
    const types = [
      'text',
      'integer',
      'timestamptz',
      'numeric(12,2)',
      'boolean',
      'jsonb',
      'uuid',
      'date',
    ];
    for (let c = 1; c < 8; c++)
      columns.push({
        id: `c_${i}_${c}`,
        name: `field_${c}`,
        type: types[c % types.length],
        nullable: c % 3 === 0,
      });
    const constraints = [
      {
        id: `k_${i}_pk`,
        kind: 'primaryKey',
        name: `table_${i}_pkey`,
        columnIds: [`c_${i}_id`],
        include: [],
      },
    ];
    const indexes = [];
    const parents = i === 0 ? [] : i % 3 === 0 ? [i - 1, Math.floor(i / 2)] : [i - 1];
    parents.forEach((p, j) => {
      const cid = `c_${i}_ref${j}`;
      columns.push({ id: cid, name: `parent_${j}_id`, type: 'bigint', nullable: j > 0 });
      constraints.push({
        id: `k_${i}_fk${j}`,
        kind: 'foreignKey',
        name: `table_${i}_parent_${j}_fkey`,
        columnIds: [cid],
        refTableId: `t_${p}`,
        refColumnIds: [`c_${p}_id`],
        onDelete: 'cascade',
        onUpdate: 'noAction',
        deferrable: 'notDeferrable',
      });
      indexes.push({
        id: `i_${i}_${j}`,
        name: `table_${i}_parent_${j}_idx`,
        unique: false,
        method: 'btree',
        elements: [{ kind: 'column', columnId: cid }],
        include: [],
      });
    });
    while (columns.length < 10)
      columns.push({
        id: `c_${i}_x${columns.length}`,
        name: `extra_${columns.length}`,
        type: 'text',
        nullable: true,
      });
    tables[id] = {
      id,
      schemaId: 's_public',
      name: `table_${i}`,
      columns,
      constraints,
      indexes,
      inherits: [],
      storageParameters: [],
    };
    layoutTables[id] = { x: (i % perRow) * 340, y: Math.floor(i / perRow) * 380 };
  }
  return {
    format: 'tablewright.design',
    version: 3,
    design: {
      id: `d_bench_${n}`,
      name: `Bench ${n}`,
      schemas: { s_public: { id: 's_public', name: 'public' } },
      enums: {},
      tables,
      notes: {},
      extras: [],
      review: { disabledRules: [] },
      queries: [],
      areas: [],
      threads: [],
    },
    layout: { tables: layoutTables, notes: {}, viewport: { x: 0, y: 0, zoom: 1 } },
  };
}
