import type { Column, Design, Table } from '../../model/schema';
import { quoteIdent } from '../../sql/quote';
import { addCheck, changeColumnType, referencedRoot } from '../fixOps';
import { typeInfo } from '../typeInfo';
import type { Fix } from '../types';

/** The length limit a varchar(n) or char(n) type carries: char alone is char(1). */
function lengthLimit(type: string): string | undefined {
  const t = typeInfo(type);
  if (t.base === 'char') return t.modifiers ?? '1';
  return t.base === 'varchar' && t.modifiers && /^\d+$/.test(t.modifiers) ? t.modifiers : undefined;
}

/**
 * The fix shared by the varchar(n) and char(n) rules: text, with the length limit kept as a named
 * CHECK so the data allowed stays the same. On a foreign key column the key it copies changes
 * instead, and with it every column referencing that key, so the foreign keys keep matching.
 */
export function toTextFix(table: Table, column: Column): Fix {
  const n = lengthLimit(column.type);
  return {
    label: n
      ? `Change ${column.name} to text with CHECK (char_length(${column.name}) <= ${n})`
      : `Change ${column.name} to text`,
    apply: (d: Design) => {
      const [rootTable, rootColumn] = referencedRoot(d, table.id, column.id);
      const root = d.tables[rootTable]?.columns.find((c) => c.id === rootColumn);
      if (!root) return d;
      const limit = lengthLimit(root.type);
      const next = changeColumnType(d, rootTable, rootColumn, 'text');
      return limit
        ? addCheck(next, rootTable, root.name, `char_length(${quoteIdent(root.name)}) <= ${limit}`)
        : next;
    },
  };
}
