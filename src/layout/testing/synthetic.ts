import type { Column, Constraint, Design, Layout, Table } from '../../core/model';
import { emptyDesign } from '../../core/model';

/**
 * Synthetic designs shaped like a large real schema (musicbrainz: 375 tables, ~760 foreign keys,
 * a few hub tables referenced by dozens, many "link" tables joining two entities, a handful of
 * tables with no relations), for layout tests and benchmarks. Seeded, so runs repeat exactly.
 */
export interface SyntheticOptions {
  tables: number;
  /** Spread the tables over this many schemas (contiguous ranges, a few cross-schema keys). */
  schemas?: number;
  seed?: number;
}

export function syntheticDesign(options: SyntheticOptions): { design: Design; layout: Layout } {
  const random = mulberry32(options.seed ?? 1);
  const n = options.tables;
  const schemaCount = Math.max(1, options.schemas ?? 1);
  const schemaIds = Array.from({ length: schemaCount }, (_, s) =>
    s === 0 ? 's_public' : `s_${s}`,
  );
  const schemaOf = (i: number) =>
    schemaIds[Math.min(schemaCount - 1, Math.floor((i * schemaCount) / n))] as string;
  const hubs = Math.max(1, Math.round(n * 0.04));
  const tables: Record<string, Table> = {};
  const layoutTables: Layout['tables'] = {};
  const perRow = Math.ceil(Math.sqrt(n));

  for (let i = 0; i < n; i++) {
    const id = `t_${i}`;
    const columns: Column[] = [{ id: `c_${i}_id`, name: 'id', type: 'integer', nullable: false }];
    const constraints: Constraint[] = [
      { id: `k_${i}_pk`, kind: 'primaryKey', columnIds: [`c_${i}_id`], include: [] },
    ];
    const parents = new Set<number>();
    const isolated = i > 0 && random() < 0.02;
    if (i > 0 && !isolated) {
      const sameSchema = (j: number) => schemaOf(j) === schemaOf(i) || random() < 0.05;
      const pick = (from: number, to: number) =>
        from + Math.floor(random() * Math.max(1, to - from));
      if (i >= hubs && random() < 0.25) {
        // A link table between two entities, like musicbrainz's l_artist_release.
        parents.add(pick(0, hubs));
        parents.add(pick(0, hubs));
      } else {
        const count = 1 + Math.floor(random() * 2.5);
        for (let f = 0; f < count; f++) {
          const hub = random() < 0.4;
          const j = hub ? pick(0, Math.min(i, hubs)) : pick(Math.max(0, i - 12), i);
          if (sameSchema(j)) parents.add(j);
        }
        if (parents.size === 0) parents.add(pick(Math.max(0, i - 12), i));
      }
    }
    [...parents].forEach((p, f) => {
      const cid = `c_${i}_fk${f}`;
      columns.push({ id: cid, name: `ref_${p}_id`, type: 'integer', nullable: f > 0 });
      constraints.push({
        id: `k_${i}_fk${f}`,
        kind: 'foreignKey',
        columnIds: [cid],
        refTableId: `t_${p}`,
        refColumnIds: [`c_${p}_id`],
        onDelete: 'noAction',
        onUpdate: 'noAction',
        deferrable: 'notDeferrable',
      });
    });
    const extra = 2 + Math.floor(random() * 12);
    for (let c = 0; c < extra; c++)
      columns.push({ id: `c_${i}_x${c}`, name: `field_${c}`, type: 'text', nullable: true });
    tables[id] = {
      id,
      schemaId: schemaOf(i),
      name: `table_${i}`,
      columns,
      constraints,
      indexes: [],
      inherits: [],
      storageParameters: [],
    };
    layoutTables[id] = { x: (i % perRow) * 340, y: Math.floor(i / perRow) * 560 };
  }
  const schemas = Object.fromEntries(
    schemaIds.map((id, s) => [id, { id, name: s === 0 ? 'public' : `schema_${s}` }]),
  );
  return {
    design: { ...emptyDesign(`Synthetic ${n}`, `d_synthetic_${n}`), schemas, tables },
    layout: { tables: layoutTables, notes: {}, viewport: { x: 0, y: 0, zoom: 1 } },
  };
}

/** A small, fast, seedable PRNG (public domain), so synthetic designs are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
