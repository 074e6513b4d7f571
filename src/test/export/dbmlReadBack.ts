import { Parser, type Database } from '@dbml/core';
import { expect } from 'vitest';
import {
  displayName,
  foreignKeysOf,
  primaryKeyOf,
  type Design,
  type Table,
} from '../../core/model/index';
import { designFromDbml } from '../../core/export/dbmlImport';

/** Test-only: reading exported DBML back with the real @dbml/core parser. */

export function parseDbml(text: string): Database {
  return new Parser().parse(text, 'dbmlv2');
}

/** The tables DBML can hold: it refuses a table without columns. */
function exportable(design: Design): Table[] {
  return Object.values(design.tables).filter((t) => t.columns.length > 0);
}

const sorted = <T>(items: T[]) =>
  [...items].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));

/** @dbml/core's database has the design's tables, each with its column count, and its references. */
export function expectParsedLikeDesign(design: Design, text: string): void {
  const db = parseDbml(text);
  const tables = db.schemas.flatMap((s) =>
    s.tables.map((t) =>
      [`${s.name === 'public' ? '' : s.name + '.'}${t.name}`, t.fields.length].join(' | '),
    ),
  );
  expect(sorted(tables)).toEqual(
    sorted(exportable(design).map((t) => `${displayName(design, t)} | ${t.columns.length}`)),
  );
  const refs = db.schemas.flatMap((s) => s.refs);
  const fks = new Set(
    Object.values(design.tables).flatMap((t) =>
      foreignKeysOf(t)
        .filter((k) => design.tables[k.refTableId])
        .map((k) => `${t.id}${k.columnIds.join()}${k.refTableId}${k.refColumnIds.join()}`),
    ),
  );
  expect(refs).toHaveLength(fks.size);
}

/** What a round trip through DBML must keep: names, types, primary and foreign keys. */
function summary(design: Design) {
  const byId = new Map(Object.values(design.tables).map((t) => [t.id, t]));
  const names = (t: Table, ids: string[]) =>
    ids.map((id) => t.columns.find((c) => c.id === id)?.name);
  return sorted(
    exportable(design).map((t) =>
      JSON.stringify({
        table: displayName(design, t),
        columns: t.columns.map((c) => [c.name, c.type]),
        pk: names(t, primaryKeyOf(t)?.columnIds ?? []),
        fks: sorted(
          foreignKeysOf(t)
            .filter((k) => byId.has(k.refTableId))
            .map((k) => {
              const parent = byId.get(k.refTableId) as Table;
              return JSON.stringify([
                names(t, k.columnIds),
                displayName(design, parent),
                names(parent, k.refColumnIds),
              ]);
            }),
        ).filter((fk, i, all) => all.indexOf(fk) === i),
      }),
    ),
  );
}

/** design -> DBML -> designFromDbml keeps table and column names, types, PKs and FKs. */
export function expectRoundTrip(design: Design, text: string): void {
  const back = designFromDbml(text);
  if (!back.ok) throw new Error(back.error.message);
  expect(summary(back.value)).toEqual(summary(design));
}
