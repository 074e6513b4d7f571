import type { Column, Constraint, Design, Index } from '../model/schema';
import { canonicalType, isSerial, parsePgType } from '../model/pgType';
import { qualifiedName, quoteIdent } from '../sql/quote';

/**
 * Comparisons shared by the diff and the planner: what counts as "the same" for each entity once
 * names are set aside (names are compared apart, so a rename is never a change of definition).
 */

/** Pairs of entities present in both lists (by id), and those only in one. */
export function pairById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
): { kept: [T, T][]; removed: T[]; added: T[] } {
  const afterById = new Map(after.map((x) => [x.id, x]));
  const beforeIds = new Set(before.map((x) => x.id));
  const kept: [T, T][] = [];
  const removed: T[] = [];
  for (const x of before) {
    const y = afterById.get(x.id);
    if (y) kept.push([x, y]);
    else removed.push(x);
  }
  return { kept, removed, added: after.filter((y) => !beforeIds.has(y.id)) };
}

/**
 * A column type as a comparable key: an enum type becomes its id (so renaming or moving the enum
 * does not change the columns using it), other types their normalized spelling.
 */
export function typeKey(design: Design, type: string): string {
  const t = parsePgType(type);
  const enumId = enumIdOf(design, t.element);
  return enumId ? `enum:${enumId}${t.arrayDims > 0 ? '[]' : ''}` : canonicalType(type);
}

/** The enum a type spelling names, in any of the ways a design may write it. */
export function enumIdOf(design: Design, base: string): string | undefined {
  for (const e of Object.values(design.enums)) {
    const schema = design.schemas[e.schemaId]?.name ?? 'public';
    const spellings = [
      qualifiedName(schema, e.name),
      quoteIdent(schema) + '.' + quoteIdent(e.name),
      schema === 'public' ? e.name : `${schema}.${e.name}`,
    ];
    if (spellings.includes(base)) return e.id;
  }
  return undefined;
}

/** The parts of a column that the planner alters one by one. */
export function columnFieldsChanged(a: Design, b: Design, x: Column, y: Column): string[] {
  const out: string[] = [];
  if (typeKey(a, x.type) !== typeKey(b, y.type) || (x.collation ?? '') !== (y.collation ?? ''))
    out.push('type');
  if (isSerial(x.type) !== isSerial(y.type)) out.push('serial');
  if (x.nullable !== y.nullable) out.push('nullable');
  if ((x.default ?? '') !== (y.default ?? '')) out.push('default');
  if (x.identity !== y.identity || (x.identityOptions ?? '') !== (y.identityOptions ?? ''))
    out.push('identity');
  if (
    (x.generated ?? '') !== (y.generated ?? '') ||
    (x.generatedKind ?? 'stored') !== (y.generatedKind ?? 'stored')
  ) {
    out.push('generated');
  }
  if ((x.comment ?? '') !== (y.comment ?? '')) out.push('comment');
  return out;
}

/** A constraint's definition without its name and comment, with column ids (stable across renames). */
export function constraintDefinition(k: Constraint): string {
  switch (k.kind) {
    case 'primaryKey':
    case 'unique':
      return JSON.stringify([
        k.kind,
        k.columnIds,
        k.include,
        k.deferrable ?? 'notDeferrable',
        k.kind === 'unique' ? (k.nullsNotDistinct ?? false) : false,
      ]);
    case 'check':
      return JSON.stringify([k.kind, k.expression, k.noInherit ?? false]);
    case 'foreignKey':
      return JSON.stringify([
        k.kind,
        k.columnIds,
        k.refTableId,
        k.refColumnIds,
        k.onDelete,
        k.onUpdate,
        k.deferrable,
        k.matchFull ?? false,
      ]);
    case 'exclude':
      return JSON.stringify([k.kind, k.definition]);
  }
}

/** NOT VALID, apart from the definition: turning it off is a VALIDATE, not a rebuild. */
export function isNotValid(k: Constraint): boolean {
  return (k.kind === 'check' || k.kind === 'foreignKey') && k.notValid === true;
}

/** An index's definition without its name and comment. */
export function indexDefinition(ix: Index): string {
  return JSON.stringify([
    ix.unique,
    ix.method,
    ix.elements,
    ix.include,
    ix.where ?? '',
    ix.nullsNotDistinct ?? false,
  ]);
}

/** Column ids a constraint or index uses (its own table's columns). */
export function columnsUsed(entity: Constraint | Index): string[] {
  if ('kind' in entity) {
    if (entity.kind === 'check' || entity.kind === 'exclude') return [];
    return [...entity.columnIds, ...('include' in entity ? entity.include : [])];
  }
  return [
    ...entity.elements.flatMap((e) => (e.kind === 'column' ? [e.columnId] : [])),
    ...entity.include,
  ];
}
