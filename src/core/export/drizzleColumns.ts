import type { Column } from '../model/schema';
import { jsString, jsTemplateBody, postgresDefaultName, type OrmNote } from './ormNames';
import { classifyDefault, type OrmType } from './ormTypes';
import type { ForeignKeyIndexes } from './drizzleKeyIndexes';

/** What a drizzle column needs from the rest of the module: imports, custom types, enum bindings. */
export interface DrizzleColumnContext {
  imports: Set<string>;
  /** SQL type -> the binding of its customType, created on first use. */
  customType(sqlType: string): string;
  /** Custom types the current table uses (schema-qualified ones defeat drizzle-kit's quoting). */
  customUsed: string[];
  /** enum id -> the binding of its pgEnum. */
  enumBinding(enumId: string): string | undefined;
  notes: OrmNote[];
  object: string;
  /** The table's name, for the names PostgreSQL gives its constraints. */
  table: string;
  /** Unique indexes foreign keys reference, and the keys onto them (see foreignKeyIndexes). */
  keyIndexes: ForeignKeyIndexes;
}

const INTEGERS: Record<string, string> = {
  integer: 'integer',
  smallint: 'smallint',
  bigint: 'bigint',
};
const SERIALS: Record<string, string> = {
  integer: 'serial',
  smallint: 'smallserial',
  bigint: 'bigserial',
};

/** `name` plus drizzle's config object, e.g. `varchar('code', { length: 3 })`. */
function builder(fn: string, name: string, config: string[] = []): string {
  return `${fn}(${jsString(name)}${config.length > 0 ? `, { ${config.join(', ')} }` : ''})`;
}

/** The column's builder call without modifiers; undefined args fall back to a custom type. */
function baseBuilder(column: Column, type: OrmType, ctx: DrizzleColumnContext): string {
  const use = (fn: string, config: string[] = []) => {
    ctx.imports.add(fn);
    return builder(fn, column.name, config);
  };
  if (type.enumType) {
    const binding = ctx.enumBinding(type.enumType.id);
    if (binding) return `${binding}(${jsString(column.name)})`;
  }
  const [a, b] = type.args;
  switch (type.base) {
    case 'integer':
    case 'smallint':
    case 'bigint': {
      const mode = type.base === 'bigint' ? ["mode: 'number'"] : [];
      return type.serial
        ? use(SERIALS[type.base] as string, mode)
        : use(INTEGERS[type.base] as string, mode);
    }
    case 'boolean':
    case 'text':
    case 'uuid':
    case 'json':
    case 'jsonb':
    case 'inet':
    case 'cidr':
    case 'macaddr':
    case 'macaddr8':
    case 'date':
    case 'real':
    case 'point':
    case 'line':
      return use(type.base === 'json' || type.base === 'jsonb' ? type.base : type.base);
    case 'double precision':
      return use('doublePrecision');
    case 'interval':
      return type.args.length === 0 ? use('interval') : custom(column, type, ctx);
    case 'varchar':
    case 'char':
      return use(type.base, a === undefined ? [] : [`length: ${a}`]);
    case 'numeric':
      return use(
        'numeric',
        a === undefined
          ? []
          : b === undefined
            ? [`precision: ${a}`]
            : [`precision: ${a}`, `scale: ${b}`],
      );
    case 'timestamptz':
    case 'timestamp':
    case 'timetz':
    case 'time': {
      const config = type.base.endsWith('tz') ? ['withTimezone: true'] : [];
      if (a !== undefined) config.push(`precision: ${a}`);
      return use(type.base.startsWith('timestamp') ? 'timestamp' : 'time', config);
    }
    default:
      return custom(column, type, ctx);
  }
}

/** Types drizzle has no builder for (tsvector, bytea, domains...) as a customType named after them. */
function custom(column: Column, type: OrmType, ctx: DrizzleColumnContext): string {
  const sqlType = customTypeName(type.element);
  ctx.customUsed.push(sqlType);
  return `${ctx.customType(sqlType)}(${jsString(column.name)})`;
}

/**
 * The type as drizzle-kit wants it from a customType: it puts double quotes around any type it
 * does not know, so a quoted name is unquoted (`"Name"` -> `Name`), and `public.` is dropped
 * (public is on the search path). Other schema-qualified names cannot be written correctly.
 */
export function customTypeName(element: string): string {
  const t = element.replace(/^(public|"public")\./, '');
  return /^"([^"]|"")+"$/.test(t) ? t.slice(1, -1).replaceAll('""', '"') : t;
}

/** The whole column definition: builder, array dimensions, NOT NULL, identity, generation, default. */
export function drizzleColumn(
  column: Column,
  type: OrmType,
  ctx: DrizzleColumnContext,
  primaryKey: boolean,
): string {
  let out = baseBuilder(column, type, ctx);
  for (let i = 0; i < type.dims; i++) out += '.array()';
  if (primaryKey) out += '.primaryKey()';
  if (!column.nullable && !primaryKey) out += '.notNull()';
  const note = (message: string) =>
    ctx.notes.push({ object: ctx.object, what: 'column', name: column.name, message });
  if (column.identity) {
    const integer = INTEGERS[type.base] !== undefined && type.dims === 0 && !type.serial;
    if (integer)
      out +=
        column.identity === 'always'
          ? '.generatedAlwaysAsIdentity()'
          : '.generatedByDefaultAsIdentity()';
    if (column.identityOptions)
      note(
        `identity options (${column.identityOptions}) are not written; drizzle-kit uses the sequence defaults`,
      );
  }
  if (column.generated !== undefined) {
    ctx.imports.add('sql');
    if (column.generatedKind === 'virtual')
      note('a VIRTUAL generated column: drizzle-kit writes generated columns as STORED');
    out += `.generatedAlwaysAs(sql\`${jsTemplateBody(column.generated)}\`)`;
  } else if (column.default !== undefined) {
    out += drizzleDefault(column.default, type, ctx);
  }
  if (column.notNullName && !column.nullable) {
    // A constraint note, so the catalog comparison knows both names: drizzle-kit's NOT NULL gets
    // PostgreSQL's default name (philomena's renamed table keeps its old table's names).
    const renamedTo = postgresDefaultName(ctx.table, [column.name], 'not_null');
    ctx.notes.push({
      object: ctx.object,
      what: 'constraint',
      name: column.notNullName,
      renamedTo,
      message: `the NOT NULL constraint's name cannot be declared in drizzle: drizzle-kit's is ${renamedTo}`,
    });
  }
  if (column.collation) note(`COLLATE ${column.collation} cannot be declared in drizzle`);
  return out;
}

/**
 * `.default(...)`: plain values where drizzle-kit writes them back exactly as PostgreSQL printed
 * them (so the column's default reads the same after a round trip), `sql` for everything else.
 */
function drizzleDefault(sqlText: string, type: OrmType, ctx: DrizzleColumnContext): string {
  const d = classifyDefault(sqlText, type);
  if (d.kind === 'now' && /^now\(\)$/i.test(sqlText.trim())) return '.defaultNow()';
  if (d.kind === 'boolean') return `.default(${d.value})`;
  const bare = /^-?\d+$/.test(sqlText.trim());
  if (d.kind === 'number' && bare && INTEGERS[type.base] !== undefined)
    return `.default(${d.value})`;
  // drizzle-kit's DEFAULT 'x' becomes `'x'::text` on a text column and `'x'::character varying`
  // on a varchar one; a literal cast to another type (danbooru's varchar `'active'::text`,
  // philomena's citext `''::character varying`) is kept as it is.
  const cast = /::(text|character varying|"?[^:]+"?)$/.exec(sqlText.trim())?.[1];
  const plain =
    type.dims === 0 &&
    ((cast === 'text' && type.base === 'text') ||
      (cast === 'character varying' && type.base === 'varchar'));
  if (d.kind === 'string' && (type.enumType || plain)) return `.default(${jsString(d.value)})`;
  ctx.imports.add('sql');
  return `.default(sql\`${jsTemplateBody(sqlText)}\`)`;
}
