import type { Constraint, Design, Index, ReferentialAction, Table } from '../model/schema';
import { schemaNameOf } from '../sql/describe';
import { drizzleColumn, type DrizzleColumnContext } from './drizzleColumns';
import {
  camelCase,
  claimIdentifier,
  columnNameOf,
  isPlainIdentifier,
  JS_RESERVED,
  jsString,
  jsTemplateBody,
  modelNameCandidate,
  modelTables,
  postgresDefaultName,
  qualifiedLabel,
  type OrmExport,
  type OrmNote,
} from './ormNames';
import { quotingProblem, tableOptionNotes } from './drizzleNotes';
import {
  BLOCKED_FOREIGN_KEY_NOTE,
  foreignKeyIndexes,
  UNIQUE_FOR_FOREIGN_KEY_NOTE,
} from './drizzleKeyIndexes';
import { keptIndexNotes } from './ormKeptIndexes';
import { enumLookup, parseOrmType } from './ormTypes';

/** Options for {@link exportDrizzle}; none yet, kept for symmetry with the other exporters. */
export type DrizzleExportOptions = Record<string, never>;

const ACTIONS: Record<ReferentialAction, string> = {
  noAction: 'no action',
  restrict: 'restrict',
  cascade: 'cascade',
  setNull: 'set null',
  setDefault: 'set default',
};

/** Every name the module may import from drizzle: bindings of the design must not shadow them. */
const BUILDERS = (
  'pgTable pgSchema pgEnum customType primaryKey unique foreignKey index uniqueIndex check integer ' +
  'smallint bigint serial smallserial bigserial boolean text varchar char numeric real doublePrecision ' +
  'timestamp time date interval uuid json jsonb inet cidr macaddr macaddr8 point line'
).split(' ');

/** The design as a TypeScript module of drizzle-orm/pg-core tables (what drizzle-kit reads). */
export function exportDrizzle(design: Design, _options: DrizzleExportOptions = {}): string {
  return exportDrizzleWithNotes(design).text;
}

/** The module and what drizzle cannot declare (also written into it as comments). */
export function exportDrizzleWithNotes(design: Design): OrmExport {
  const notes: OrmNote[] = [];
  const imports = new Set<string>();
  const taken = new Set<string>();
  const reserved = new Set([...JS_RESERVED, ...BUILDERS]);
  const bind = (name: string, fallback: string) =>
    claimIdentifier(camelCase(name), taken, reserved, fallback);
  const body: string[] = [];

  // pgSchema for every schema but public (drizzle-kit refuses pgSchema('public')).
  const schemaBindings = new Map<string, string>();
  const schemaOf = (schemaId: string) => {
    const name = schemaNameOf(design, schemaId);
    if (name === 'public') return undefined;
    let binding = schemaBindings.get(name);
    if (!binding) {
      binding = bind(name + '_schema', 'schema');
      schemaBindings.set(name, binding);
      imports.add('pgSchema');
      body.push(`export const ${binding} = pgSchema(${jsString(name)});`);
    }
    return binding;
  };
  for (const table of Object.values(design.tables)) schemaOf(table.schemaId);

  const enumBindings = new Map<string, string>();
  const enumLines: string[] = [];
  for (const type of Object.values(design.enums)) {
    const schema = schemaOf(type.schemaId);
    const binding = bind(type.name, 'enumType');
    enumBindings.set(type.id, binding);
    if (!schema) imports.add('pgEnum');
    const values = type.values.map(jsString).join(', ');
    enumLines.push(
      `export const ${binding} = ${schema ? `${schema}.enum` : 'pgEnum'}(${jsString(type.name)}, [${values}]);`,
    );
  }

  const customTypes = new Map<string, string>();
  const customLines: string[] = [];
  const tables = modelTables(design, notes);
  notes.push(...keptIndexNotes(design, 'drizzle'));
  const tableBindings = new Map(
    tables.map((t) => [t.id, bind(modelNameCandidate(design, t, tables), 'table')]),
  );
  // Property keys per table: camelCase, unique within the table; foreign keys read other tables' keys.
  const columnKeys = new Map<string, string>();
  for (const t of tables) {
    const takenKeys = new Set<string>();
    for (const c of t.columns)
      columnKeys.set(c.id, claimIdentifier(camelCase(c.name), takenKeys, NO_KEYS, 'column'));
  }
  const tableLines: string[] = [];
  const unquotable = new Set<string>();
  const keyIndexes = foreignKeyIndexes(design);
  for (const table of tables) {
    const object = qualifiedLabel(design, table.schemaId, table.name);
    const ctx: DrizzleColumnContext = {
      customUsed: [],
      imports,
      notes,
      object,
      table: table.name,
      keyIndexes,
      enumBinding: (id) => enumBindings.get(id),
      customType(sqlType) {
        let binding = customTypes.get(sqlType);
        if (!binding) {
          binding = bind(sqlType.replace(/^.*\./, '') + '_type', 'customType');
          customTypes.set(sqlType, binding);
          imports.add('customType');
          customLines.push(
            `const ${binding} = customType<{ data: string }>({ dataType: () => ${jsString(sqlType)} });`,
          );
        }
        return binding;
      },
    };
    tableLines.push(
      '',
      ...renderTable(
        design,
        table,
        { tables: tableBindings, columns: columnKeys },
        ctx,
        schemaOf(table.schemaId),
      ),
    );
    const problem = quotingProblem(design, table, ctx.customUsed);
    if (problem) {
      notes.push({
        object,
        what: 'table',
        message: `drizzle-kit 0.31 cannot create this table: ${problem}`,
      });
      unquotable.add(table.id);
    }
  }
  // A foreign key to a table drizzle-kit cannot create fails with it.
  for (const table of tables) {
    for (const k of table.constraints) {
      if (k.kind === 'foreignKey' && unquotable.has(k.refTableId) && !unquotable.has(table.id)) {
        const name =
          k.name ||
          postgresDefaultName(
            table.name,
            k.columnIds.map((id) => columnNameOf(table, id)),
            'fkey',
          );
        notes.push({
          object: qualifiedLabel(design, table.schemaId, table.name),
          what: 'constraint',
          name,
          message: 'references a table drizzle-kit cannot create',
        });
      }
    }
  }

  const out = [
    '// ' + design.name.replace(/\s+/g, ' ') + ': generated by Tablewright from the design.',
  ];
  const coreImports = [...imports].filter((i) => i !== 'sql').sort();
  if (imports.has('sql')) out.push("import { sql } from 'drizzle-orm';");
  out.push(`import { ${coreImports.join(', ')} } from 'drizzle-orm/pg-core';`);
  if (body.length > 0) out.push('', ...body);
  if (enumLines.length > 0) out.push('', ...enumLines);
  if (customLines.length > 0) out.push('', ...customLines);
  out.push(...tableLines);
  if (notes.length > 0) {
    out.push('', '// Not declared here (PostgreSQL keeps them; drizzle cannot express them):');
    for (const n of notes)
      out.push(`// - ${n.object}${n.name ? ` ${n.name}` : ''}: ${n.message}`.replace(/\n/g, ' '));
  }
  return { text: out.join('\n') + '\n', notes };
}

/** Table bindings by table id, column property keys by column id. */
interface Bindings {
  tables: ReadonlyMap<string, string>;
  columns: ReadonlyMap<string, string>;
}

const NO_KEYS: ReadonlySet<string> = new Set(['__proto__']);

function renderTable(
  design: Design,
  table: Table,
  { tables: bindings, columns: keys }: Bindings,
  ctx: DrizzleColumnContext,
  schema: string | undefined,
): string[] {
  const lookup = enumLookup(design);
  const key = (id: string) => keys.get(id) ?? id;
  const ref = (v: string, id: string) =>
    isPlainIdentifier(key(id)) ? `${v}.${key(id)}` : `${v}[${jsString(key(id))}]`;
  const pk = table.constraints.find((k) => k.kind === 'primaryKey');
  // A one-column key with PostgreSQL's default name is written on the column, as people write it.
  const inlinePk =
    pk &&
    pk.columnIds.length === 1 &&
    !pk.include?.length &&
    !pk.deferrable &&
    (!pk.name || pk.name === `${table.name}_pkey`)
      ? pk.columnIds[0]
      : undefined;
  const lines = [
    `export const ${bindings.get(table.id)} = ${schema ? `${schema}.table` : 'pgTable'}(${jsString(table.name)}, {`,
  ];
  if (!schema) ctx.imports.add('pgTable');
  for (const column of table.columns) {
    const def = drizzleColumn(
      column,
      parseOrmType(column.type, lookup),
      ctx,
      column.id === inlinePk,
    );
    lines.push(
      `  ${isPlainIdentifier(key(column.id)) ? key(column.id) : jsString(key(column.id))}: ${def},`,
    );
  }
  const extras: string[] = [];
  const note = (what: OrmNote['what'], name: string | undefined, message: string) =>
    ctx.notes.push({ object: ctx.object, what, name, message });
  const cols = (ids: readonly string[]) => ids.map((id) => ref('t', id)).join(', ');
  const names = (ids: readonly string[]) => ids.map((id) => columnNameOf(table, id));
  for (const k of table.constraints) {
    const c = constraintConfig(table, k, cols, names, bindings, ref, ctx, note);
    if (c && k.id !== pk?.id) extras.push(c);
    else if (c && !inlinePk) extras.push(c);
  }
  for (const index of table.indexes) {
    const c = indexConfig(index, (id) => ref('t', id), ctx, note, table);
    if (c) extras.push(c);
  }
  tableOptionNotes(table, note);
  if (table.comment || table.columns.some((c) => c.comment))
    note('comment', undefined, 'table and column comments have no place in drizzle');
  if (extras.length === 0) return [...lines, '});'];
  return [...lines, '}, (t) => [', ...extras.map((e) => `  ${e},`), ']);'];
}

function constraintConfig(
  table: Table,
  k: Constraint,
  cols: (ids: readonly string[]) => string,
  names: (ids: readonly string[]) => string[],
  bindings: ReadonlyMap<string, string>,
  ref: (v: string, id: string) => string,
  ctx: DrizzleColumnContext,
  note: (what: OrmNote['what'], name: string | undefined, message: string) => void,
): string | undefined {
  const name = (columns: readonly string[], label: string) =>
    jsString(k.name || postgresDefaultName(table.name, names(columns), label));
  // Notes name the constraint as PostgreSQL does, so the catalog comparison can match them.
  const label = {
    primaryKey: 'pkey',
    unique: 'key',
    foreignKey: 'fkey',
    check: 'check',
    exclude: 'excl',
  }[k.kind];
  const effective =
    k.name || postgresDefaultName(table.name, 'columnIds' in k ? names(k.columnIds) : [], label);
  const inner = note;
  note = (what, _name, message) => inner(what, effective, message);
  switch (k.kind) {
    case 'primaryKey':
    case 'unique': {
      if (k.include?.length)
        note('constraint', k.name, 'INCLUDE columns of a key cannot be declared in drizzle');
      if (k.deferrable)
        note('constraint', k.name, 'a DEFERRABLE key cannot be declared in drizzle');
      ctx.imports.add(k.kind);
      if (k.kind === 'primaryKey')
        return `primaryKey({ name: ${jsString(k.name || `${table.name}_pkey`)}, columns: [${cols(k.columnIds)}] })`;
      return `unique(${name(k.columnIds, 'key')}).on(${cols(k.columnIds)})${k.nullsNotDistinct ? '.nullsNotDistinct()' : ''}`;
    }
    case 'check': {
      if (k.noInherit || k.notValid)
        note(
          'constraint',
          k.name,
          'NO INHERIT / NOT VALID cannot be declared in drizzle: the check is written as a plain one',
        );
      ctx.imports.add('check');
      ctx.imports.add('sql');
      return `check(${jsString(k.name || `${table.name}_check`)}, sql\`${jsTemplateBody(k.expression)}\`)`;
    }
    case 'exclude':
      note('constraint', k.name, 'drizzle has no exclusion constraints');
      return undefined;
    case 'foreignKey': {
      const target = bindings.get(k.refTableId);
      if (!target) {
        note(
          'constraint',
          k.name,
          'references a table that is not exported (a partition): not declared',
        );
        return undefined;
      }
      if (ctx.keyIndexes.blocked.has(k.id)) {
        note('constraint', k.name, BLOCKED_FOREIGN_KEY_NOTE);
        return undefined;
      }
      if (k.deferrable !== 'notDeferrable' || k.matchFull || k.notValid)
        note(
          'constraint',
          k.name,
          'DEFERRABLE / MATCH FULL / NOT VALID cannot be declared in drizzle',
        );
      ctx.imports.add('foreignKey');
      const self = k.refTableId === table.id;
      const foreign = k.refColumnIds.map((id) => ref(self ? 't' : target, id)).join(', ');
      let out = `foreignKey({ name: ${name(k.columnIds, 'fkey')}, columns: [${cols(k.columnIds)}], foreignColumns: [${foreign}] })`;
      if (k.onDelete !== 'noAction') out += `.onDelete(${jsString(ACTIONS[k.onDelete])})`;
      if (k.onUpdate !== 'noAction') out += `.onUpdate(${jsString(ACTIONS[k.onUpdate])})`;
      return out;
    }
  }
}

function indexConfig(
  index: Index,
  ref: (id: string) => string,
  ctx: DrizzleColumnContext,
  note: (what: OrmNote['what'], name: string | undefined, message: string) => void,
  table: Table,
): string | undefined {
  const name =
    index.name ||
    postgresDefaultName(
      table.name,
      index.elements.map((e) => (e.kind === 'column' ? columnNameOf(table, e.columnId) : 'expr')),
      'idx',
    );
  if (ctx.keyIndexes.indexes.has(index.id)) {
    note('constraint', name, UNIQUE_FOR_FOREIGN_KEY_NOTE);
    ctx.imports.add('unique');
    const columns = index.elements.map((e) => (e.kind === 'column' ? ref(e.columnId) : ''));
    return `unique(${jsString(name)}).on(${columns.join(', ')})${index.nullsNotDistinct ? '.nullsNotDistinct()' : ''}`;
  }
  if (index.include.length > 0) {
    note(
      'index',
      index.name,
      'INCLUDE columns cannot be declared in drizzle: the index is left out',
    );
    return undefined;
  }
  if (index.nullsNotDistinct)
    note('index', index.name, 'NULLS NOT DISTINCT on an index cannot be declared in drizzle');
  const elements: string[] = [];
  for (const e of index.elements) {
    if (e.collation) {
      note(
        'index',
        index.name,
        'a collation on an index key cannot be declared in drizzle: the index is left out',
      );
      return undefined;
    }
    let out: string;
    if (e.kind === 'column') out = ref(e.columnId);
    else {
      ctx.imports.add('sql');
      out = `sql\`${jsTemplateBody(e.expression)}\``;
    }
    if (e.kind === 'column') {
      if (e.descending) out += '.desc()';
      // drizzle-kit writes NULLS LAST unless told otherwise; PostgreSQL's default for DESC is FIRST.
      if ((e.nulls ?? (e.descending ? 'first' : 'last')) === 'first') out += '.nullsFirst()';
      if (e.opclass) out += `.op(${jsString(e.opclass)})`;
    } else if (e.descending || e.nulls || e.opclass) {
      note(
        'index',
        index.name,
        'ordering or operator classes on an expression key cannot be declared in drizzle: the index is left out',
      );
      return undefined;
    }
    elements.push(out);
  }
  const fn = index.unique ? 'uniqueIndex' : 'index';
  ctx.imports.add(fn);
  let out = `${fn}(${jsString(name)})`;
  out +=
    index.method === 'btree'
      ? `.on(${elements.join(', ')})`
      : `.using(${jsString(index.method)}, ${elements.join(', ')})`;
  if (index.where) {
    ctx.imports.add('sql');
    out += `.where(sql\`${jsTemplateBody(index.where)}\`)`;
  }
  return out;
}
