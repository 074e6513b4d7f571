import type {
  Column,
  Constraint,
  Design,
  EnumType,
  Namespace,
  Table,
} from '../../core/model/schema';
import { quoteIdent } from '../../core/sql/quote';
import { emptyDesign } from '../../core/model';
import type { DesignRecipe, TableRecipe } from './arbitraries';
import { addIndexes } from './buildIndexes';
import { NameSupply } from './names';
import { BASE_TYPES, enumTypeSpecs, type TypeSpec } from './typeCatalog';

/**
 * A design built from a recipe, and the same design as PostgreSQL should hand it back: types as
 * format_type prints them, defaults and expressions as pg_get_expr does, nullability as Postgres
 * enforces it (primary key, identity and serial columns are NOT NULL). Ids are shared.
 */
export interface BuiltDesign {
  design: Design;
  expected: Design;
}

const INTEGER = BASE_TYPES.find((t) => t.written === 'integer') as TypeSpec;

/** A table being built, its expected read-back twin, and each column's type. */
export interface TableBuild {
  table: Table;
  expected: Table;
  specs: Map<string, TypeSpec>;
}

/**
 * @param pgCatalogTypes names of pg_catalog types: an enum in `public` must not share one, or the
 *   column type would resolve to the built-in type
 */
export function buildDesign(
  recipe: DesignRecipe,
  pgCatalogTypes: ReadonlySet<string>,
): BuiltDesign {
  const names = new NameSupply(recipe.names);
  const schemas: Namespace[] = [{ id: 's_public', name: 'public' }];
  if (recipe.extraSchema) schemas.push({ id: 's_extra', name: names.take() });
  // The comment goes on the extra schema, or on public when there is none.
  const commented = schemas[schemas.length - 1] as Namespace;
  if (recipe.schemaComment !== undefined) commented.comment = recipe.schemaComment;

  const enums: EnumType[] = [];
  const specs: TypeSpec[] = [...BASE_TYPES];
  recipe.enums.forEach((r, i) => {
    const schema = schemas[r.schema % schemas.length] as Namespace;
    const name = names.take(schema.name === 'public' ? pgCatalogTypes : new Set());
    enums.push({
      id: `e_${i}`,
      schemaId: schema.id,
      name,
      values: r.labels,
      ...(r.comment !== undefined ? { comment: r.comment } : {}),
    });
    specs.push(...enumTypeSpecs(schema.name, name, r.labels[0]));
  });

  const builds = recipe.tables.map((r, t) => buildTable(r, t, schemas, specs, names));
  recipe.tables.forEach((r, t) => addForeignKeys(r, builds[t] as TableBuild, builds, names));
  recipe.tables.forEach((r, t) => addIndexes(r.indexes, builds[t] as TableBuild, names));

  const design = (tables: Table[]): Design => ({
    ...emptyDesign('property', 'd_prop'),
    schemas: Object.fromEntries(schemas.map((s) => [s.id, s])),
    enums: Object.fromEntries(enums.map((e) => [e.id, e])),
    tables: Object.fromEntries(tables.map((t) => [t.id, t])),
  });
  return {
    design: design(builds.map((b) => b.table)),
    expected: design(builds.map((b) => b.expected)),
  };
}

function buildTable(
  recipe: TableRecipe,
  t: number,
  schemas: Namespace[],
  specs: TypeSpec[],
  names: NameSupply,
): TableBuild {
  const schema = schemas[recipe.schema % schemas.length] as Namespace;
  const table: Table = {
    id: `t_${t}`,
    schemaId: schema.id,
    name: names.take(),
    columns: [],
    constraints: [],
    indexes: [],
    inherits: [],
    storageParameters: [],
  };
  if (recipe.comment !== undefined) table.comment = recipe.comment;
  const expected: Table = { ...table, columns: [], constraints: [], indexes: [] };
  const build: TableBuild = { table, expected, specs: new Map() };

  // At most one column with a sequence per table: PostgreSQL names sequences by truncating
  // table_column_seq to 63 bytes, and two long column names with a common prefix collide within
  // one CREATE TABLE ("relation ... already exists"), a limit of Postgres rather than of the DDL.
  let hasSequence = false;
  recipe.columns.forEach((r, c) => {
    let spec = specs[r.type % specs.length] as TypeSpec;
    if (spec.family === 'serial' && hasSequence) spec = INTEGER;
    const column: Column = {
      id: `c_${t}_${c}`,
      name: names.take(),
      type: spec.written,
      nullable: r.nullable,
    };
    const want: Column = {
      id: column.id,
      name: column.name,
      type: spec.formatted,
      nullable: r.nullable,
    };
    if (spec.family === 'serial') hasSequence = true;
    if (r.identity && spec.identity && !hasSequence) {
      hasSequence = true;
      column.identity = want.identity = r.identity;
      want.nullable = false;
    } else if (r.generated && spec.generated) {
      column.generated = spec.generated[0];
      want.generated = spec.generated[1];
    } else if (r.defaultPick !== undefined && spec.defaults.length > 0) {
      const [written, printed] = spec.defaults[r.defaultPick % spec.defaults.length] as readonly [
        string,
        string,
      ];
      column.default = written;
      want.default = printed;
    }
    if (spec.family === 'serial') want.nullable = false;
    if (r.collate && spec.collatable) column.collation = want.collation = 'C';
    if (r.comment !== undefined) column.comment = want.comment = r.comment;
    table.columns.push(column);
    expected.columns.push(want);
    build.specs.set(column.id, spec);
  });

  // Keys stay off generated columns: Postgres restricts foreign key actions on them.
  const keyable = table.columns.filter((c) => !c.generated);
  const pickColumns = (picks: number[]) => [
    ...new Set(picks.map((p) => keyable[p % keyable.length] as Column)),
  ];
  let k = 0;
  const nextKey = (named: boolean) => ({
    id: `k_${t}_${k++}`,
    ...(named ? { name: names.take() } : {}),
  });
  const add = (constraint: Constraint, printed: Constraint = constraint) => {
    table.constraints.push(constraint);
    expected.constraints.push(printed);
  };
  if (recipe.primaryKey && keyable.length > 0) {
    const columnIds = pickColumns(recipe.primaryKey.picks).map((c) => c.id);
    add({ ...nextKey(recipe.primaryKey.named), kind: 'primaryKey', columnIds, include: [] });
    for (const c of expected.columns) if (columnIds.includes(c.id)) c.nullable = false;
  }
  const primaryKey = table.constraints.find((k) => k.kind === 'primaryKey');
  const samePrimaryKey = (ids: string[]) =>
    primaryKey?.kind === 'primaryKey' && primaryKey.columnIds.join() === ids.join();
  if (recipe.unique && keyable.length > 0) {
    const columnIds = pickColumns(recipe.unique.picks).map((c) => c.id);
    const nullsNotDistinct = recipe.unique.nullsNotDistinct;
    // CREATE TABLE silently merges a UNIQUE with the same columns as the primary key into it.
    if (nullsNotDistinct || !samePrimaryKey(columnIds)) {
      add({
        ...nextKey(recipe.unique.named),
        kind: 'unique',
        columnIds,
        include: [],
        ...(nullsNotDistinct ? { nullsNotDistinct: true } : {}),
      });
    }
  }
  if (recipe.check) {
    const column = table.columns[recipe.check.pick % table.columns.length] as Column;
    const [written, printed] = checkTemplate(
      column,
      build.specs.get(column.id) as TypeSpec,
      recipe.check.template,
    );
    const check = { ...nextKey(recipe.check.named), kind: 'check' as const, expression: written };
    add(check, { ...check, expression: printed });
  }
  const range = table.columns.find((c) => build.specs.get(c.id)?.family === 'range');
  if (recipe.exclude && range) {
    add({
      ...nextKey(recipe.exclude.named),
      kind: 'exclude',
      definition: `USING gist (${quoteIdent(range.name)} WITH &&)`,
    });
  }
  return build;
}

function checkTemplate(column: Column, spec: TypeSpec, pick: number): [string, string] {
  const q = quoteIdent(column.name);
  const templates: Array<[string, string]> = [[`${q} IS NOT NULL`, `${q} IS NOT NULL`]];
  if (spec.family === 'integer' || spec.family === 'int2or8') {
    templates.push([`${q} > 0`, `${q} > 0`]);
  }
  if (spec.written === 'text') templates.push([`length(${q}) < 100`, `length(${q}) < 100`]);
  return templates[pick % templates.length] as [string, string];
}

/** Foreign keys get fresh columns of the referenced key's types, so they always type-check. */
function addForeignKeys(
  recipe: TableRecipe,
  build: TableBuild,
  builds: TableBuild[],
  names: NameSupply,
): void {
  recipe.foreignKeys.forEach((r, f) => {
    const target = builds[r.target % builds.length] as TableBuild;
    const key =
      target.table.constraints.find((k) => k.kind === 'primaryKey') ??
      target.table.constraints.find((k) => k.kind === 'unique');
    if (!key || !('columnIds' in key)) return;
    const columnIds: string[] = [];
    key.columnIds.forEach((refId, i) => {
      const spec = target.specs.get(refId) as TypeSpec;
      const written =
        spec.written === 'serial'
          ? 'integer'
          : spec.written === 'bigserial'
            ? 'bigint'
            : spec.written;
      const formatted =
        spec.written === 'serial'
          ? 'integer'
          : spec.written === 'bigserial'
            ? 'bigint'
            : spec.formatted;
      const column: Column = {
        id: `${build.table.id}_f${f}_${i}`,
        name: names.take(),
        type: written,
        nullable: r.nullable,
      };
      build.table.columns.push(column);
      build.expected.columns.push({ ...column, type: formatted });
      build.specs.set(column.id, {
        ...spec,
        written,
        formatted,
        family: spec.family === 'serial' ? 'integer' : spec.family,
      });
      columnIds.push(column.id);
    });
    const fk: Constraint = {
      id: `${build.table.id}_fk${f}`,
      ...(r.named ? { name: names.take() } : {}),
      kind: 'foreignKey',
      columnIds,
      refTableId: target.table.id,
      refColumnIds: [...key.columnIds],
      onDelete: r.onDelete,
      onUpdate: r.onUpdate,
      deferrable: r.deferrable,
      ...(r.matchFull ? { matchFull: true } : {}),
    };
    build.table.constraints.push(fk);
    build.expected.constraints.push(fk);
  });
}
