import type { Design, Table } from '../core/model';
import {
  addForeignKey,
  addIndex,
  addUnique,
  column,
  DEFAULTS,
  newTable,
  pick,
  RETYPES,
  TYPES,
  type Edit,
  type Names,
} from './migrationArbitraries';

/**
 * Applies random edits to a copy of design A, giving B. Each edit keeps the design valid the way
 * the studio's ops would (a dropped column takes its keys along, a retyped column loses a default
 * that no longer fits, a renamed column's checks are rewritten); an edit that does not apply
 * (no such column) does nothing.
 */
export function applyEdits(a: Design, edits: readonly Edit[], names: Names): Design {
  const b: Design = structuredClone(a);
  for (const edit of edits) applyEdit(b, edit, names);
  return b;
}

const tablesOf = (d: Design) => Object.values(d.tables);

/**
 * Recipes name the enum by its first name, `mood`; after a `renameEnum` it is called something
 * else, and a column of type `mood` would name a type that no longer exists. These translate
 * between the recipe's name and the design's current one.
 */
const currentType = (d: Design, type: string) => (type === 'mood' ? d.enums.e_mood!.name : type);
const recipeType = (d: Design, type: string) => (type === d.enums.e_mood!.name ? 'mood' : type);
const defaultFor = (d: Design, type: string) =>
  DEFAULTS[recipeType(d, type)]?.replace('::mood', `::${d.enums.e_mood!.name}`);
/** Columns an edit may touch: not the id, not one a foreign key uses (their types must match). */
const plainColumns = (t: Table) =>
  t.columns.filter(
    (c) =>
      c.name !== 'id' &&
      !t.constraints.some((k) => k.kind === 'foreignKey' && k.columnIds.includes(c.id)),
  );

function applyEdit(d: Design, e: Edit, names: Names): void {
  const t = 't' in e ? pick(tablesOf(d), e.t) : undefined;
  const c = t && 'c' in e ? pick(plainColumns(t), e.c) : undefined;
  switch (e.kind) {
    case 'renameTable':
      if (t) t.name = names.fresh('rt');
      return;
    case 'renameColumn':
      if (t && c) {
        const to = names.fresh('rc');
        for (const k of t.constraints)
          if (k.kind === 'check') k.expression = k.expression.replaceAll(c.name, to);
        c.name = to;
      }
      return;
    case 'addColumn':
      if (t) t.columns.push(column(names, currentType(d, TYPES[e.type]!), e.nullable, false));
      return;
    case 'dropColumn':
      if (t && c) {
        t.columns = t.columns.filter((x) => x !== c);
        t.constraints = t.constraints.filter(
          (k) =>
            !('columnIds' in k && k.columnIds.includes(c.id)) &&
            !(k.kind === 'check' && k.expression.includes(c.name)),
        );
        t.indexes = t.indexes.filter(
          (ix) => !ix.elements.some((el) => el.kind === 'column' && el.columnId === c.id),
        );
      }
      return;
    case 'retype': {
      const to = c && RETYPES[recipeType(d, c.type)];
      if (
        !t ||
        !c ||
        !to ||
        t.constraints.some((k) => k.kind === 'check' && k.expression.includes(c.name))
      )
        return;
      c.type = to;
      delete c.default;
      return;
    }
    case 'toggleNull':
      if (c) c.nullable = !c.nullable;
      return;
    case 'addIndex':
      if (t && c) addIndex(names, t, c, e.named, e.unique);
      return;
    case 'dropIndex': {
      const ix = t && pick(t.indexes, e.i);
      if (t && ix) t.indexes = t.indexes.filter((x) => x !== ix);
      return;
    }
    case 'addForeignKey': {
      const ref = pick(tablesOf(d), e.ref);
      if (t && ref) addForeignKey(names, t, ref, e.named);
      return;
    }
    case 'dropConstraint': {
      const k =
        t &&
        pick(
          t.constraints.filter((x) => x.kind !== 'primaryKey'),
          e.k,
        );
      if (t && k) t.constraints = t.constraints.filter((x) => x !== k);
      return;
    }
    case 'addUnique':
      if (t && c) addUnique(names, t, c, e.named);
      return;
    case 'addCheck':
      if (t && c && (c.type === 'integer' || c.type === 'bigint')) {
        const k = names.fresh('ck');
        t.constraints.push({
          id: `k_${k}`,
          kind: 'check',
          expression: `(${c.name} >= 0)`,
          ...(e.named ? { name: k } : {}),
        });
      }
      return;
    case 'renameKey': {
      const k = t && pick([...t.constraints, ...t.indexes], e.k);
      if (k) k.name = names.fresh('rk');
      return;
    }
    case 'addTable': {
      const u = newTable(names, false);
      u.columns.push(column(names, 'text', true, false));
      const ref = pick(tablesOf(d), 0);
      if (e.fk && ref) addForeignKey(names, u, ref, false);
      d.tables[u.id] = u;
      return;
    }
    case 'dropTable':
      if (t && tablesOf(d).length > 1) {
        delete d.tables[t.id];
        for (const o of tablesOf(d))
          o.constraints = o.constraints.filter(
            (k) => k.kind !== 'foreignKey' || k.refTableId !== t.id,
          );
      }
      return;
    case 'addEnumValue': {
      const mood = d.enums.e_mood!;
      const at = e.at % (mood.values.length + 1);
      mood.values.splice(at, 0, names.fresh('v'));
      return;
    }
    case 'setDefault':
      if (c) {
        if (c.default) delete c.default;
        else if (defaultFor(d, c.type)) c.default = defaultFor(d, c.type);
      }
      return;
    case 'moveTable':
      if (t) {
        d.schemas.s_app ??= { id: 's_app', name: 'app' };
        t.schemaId = t.schemaId === 's_app' ? 's_public' : 's_app';
      }
      return;
    case 'renameEnum': {
      const mood = d.enums.e_mood!;
      const to = names.fresh('en');
      for (const o of tablesOf(d)) {
        for (const x of o.columns) {
          if (x.type === mood.name) x.type = to;
          if (x.default) x.default = x.default.replace(`::${mood.name}`, `::${to}`);
        }
      }
      mood.name = to;
      return;
    }
    case 'foreignKeyAction': {
      const k =
        t &&
        pick(
          t.constraints.filter((x) => x.kind === 'foreignKey'),
          e.k,
        );
      if (k?.kind === 'foreignKey') k.onDelete = k.onDelete === 'cascade' ? 'noAction' : 'cascade';
      return;
    }
    case 'addCompositeIndex': {
      const other = t && pick(t.columns, e.c + 1);
      if (t && c && other && other !== c) {
        const i = names.fresh('ix');
        t.indexes.push({
          id: `i_${i}`,
          unique: false,
          method: 'btree',
          elements: [
            { kind: 'column', columnId: c.id },
            { kind: 'column', columnId: other.id, descending: true },
          ],
          include: [],
          ...(e.named ? { name: i } : {}),
        });
      }
      return;
    }
    case 'comment':
      if (t && c) c.comment = c.comment ? undefined : `note ${names.fresh('n')}`;
      else if (t) t.comment = `table ${names.fresh('n')}`;
      return;
  }
}
