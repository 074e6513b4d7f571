import { isUniqueSet } from '../model/design';
import type { Design, ForeignKey, ReferentialAction, Table } from '../model/schema';
import { schemaNameOf } from '../sql/describe';
import { dbmlComment, dbmlName, dbmlQualified } from './dbmlSyntax';

const ACTIONS: Record<Exclude<ReferentialAction, 'noAction'>, string> = {
  restrict: 'restrict',
  cascade: 'cascade',
  setNull: 'set null',
  setDefault: 'set default',
};

/**
 * One `Ref` per foreign key: `>` many-to-one, `-` one-to-one when the referencing columns are
 * unique. DBML refuses two references with the same endpoints, which PostgreSQL allows (a
 * duplicated constraint): the second is written as a comment.
 */
export function renderRefs(design: Design, tables: Table[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const table of tables) {
    for (const fk of table.constraints) {
      if (fk.kind !== 'foreignKey') continue;
      const parent = design.tables[fk.refTableId];
      if (!parent) continue;
      const line = renderRef(design, table, fk, parent);
      const key = `${table.id}(${fk.columnIds.join()})${parent.id}(${fk.refColumnIds.join()})`;
      if (seen.has(key)) lines.push(...dbmlComment(`duplicate of an earlier reference: ${line}`));
      else lines.push(line);
      seen.add(key);
    }
  }
  return lines;
}

function renderRef(design: Design, table: Table, fk: ForeignKey, parent: Table): string {
  const endpoint = (t: Table, ids: string[]) => {
    const columns = ids.map((id) => dbmlName(columnName(t, id)));
    const owner = dbmlQualified(schemaNameOf(design, t.schemaId), t.name);
    return columns.length === 1 ? `${owner}.${columns[0]}` : `${owner}.(${columns.join(', ')})`;
  };
  const relation = isUniqueSet(table, fk.columnIds) ? '-' : '>';
  const settings: string[] = [];
  if (fk.onDelete !== 'noAction') settings.push(`delete: ${ACTIONS[fk.onDelete]}`);
  if (fk.onUpdate !== 'noAction') settings.push(`update: ${ACTIONS[fk.onUpdate]}`);
  const name = fk.name !== undefined ? ` ${dbmlName(fk.name)}` : '';
  const list = settings.length > 0 ? ` [${settings.join(', ')}]` : '';
  return `Ref${name}: ${endpoint(table, fk.columnIds)} ${relation} ${endpoint(parent, fk.refColumnIds)}${list}`;
}

export function renderTableGroups(design: Design, tables: Table[]): string[] {
  const bySchema = new Map<string, Table[]>();
  for (const t of tables) {
    const list = bySchema.get(t.schemaId) ?? [];
    list.push(t);
    bySchema.set(t.schemaId, list);
  }
  const groups: string[] = [];
  for (const [schemaId, members] of bySchema) {
    // Tables without columns were left out (DBML refuses them), so a group may be left empty.
    const names = members
      .filter((t) => t.columns.length > 0)
      .map((t) => `  ${dbmlQualified(schemaNameOf(design, t.schemaId), t.name)}`);
    if (names.length > 0)
      groups.push(
        `TableGroup ${dbmlName(schemaNameOf(design, schemaId))} {\n${names.join('\n')}\n}`,
      );
  }
  return groups;
}

function columnName(table: Table, columnId: string): string {
  return table.columns.find((c) => c.id === columnId)?.name ?? columnId;
}
