import { KNOWN_EXTENSION_OBJECTS } from './extensions';
import {
  field,
  listField,
  names,
  rangeVarName,
  stringField,
  type StatementTree,
} from './parseTree';

/**
 * When a statement is skipped or fails, what it would have created is missing for the statements
 * after it. This module names those objects, and explains a later failure ("relation ... does
 * not exist") by the statement or extension it depends on, so that the report says "skipped
 * because line 503 was skipped" rather than showing a mysterious error.
 */

/** Something that was not created, and why. */
export interface LostObject {
  /** Names it goes by: `name` and `schema.name`. */
  names: string[];
  /** The first line of the statement that would have created it. */
  line: number;
  /**
   * The root cause, as a clause that completes "which does not exist: …", e.g. `PGlite does not
   * ship the extension "vector" (line 489)`. Objects lost because of other lost objects share it.
   */
  cause: string;
}

/** Names of the objects a statement creates, as `name` and `schema.name`. */
export function createdNames(tree: StatementTree): string[] {
  const { type, fields } = tree;
  const qualified = (parts: string[]) => {
    const last = parts[parts.length - 1];
    return last === undefined ? [] : [last, parts.join('.')];
  };
  const relation = (node: unknown) => {
    const name = rangeVarName(node);
    return name === undefined ? [] : [...new Set([name.split('.').pop() as string, name])];
  };
  switch (type) {
    case 'CreateStmt':
    case 'CreateForeignTableStmt':
      return relation(fields.relation ?? field(fields.base, 'relation'));
    case 'ViewStmt':
      return relation(fields.view);
    case 'CreateTableAsStmt':
      return relation(field(fields.into, 'rel'));
    case 'CreateSeqStmt':
      return relation(fields.sequence);
    case 'IndexStmt':
      return stringField(fields, 'idxname') === undefined
        ? []
        : [stringField(fields, 'idxname') as string];
    case 'CompositeTypeStmt':
      return relation(fields.typevar);
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return qualified(names(fields.typeName));
    case 'CreateDomainStmt':
      return qualified(names(fields.domainname));
    case 'CreateFunctionStmt':
    case 'DefineStmt':
      return qualified(names(fields.funcname ?? fields.defnames));
    case 'CreateSchemaStmt':
      return stringField(fields, 'schemaname') === undefined
        ? []
        : [stringField(fields, 'schemaname') as string];
    case 'CreateExtensionStmt':
      return [stringField(fields, 'extname') ?? ''];
    case 'CreateTrigStmt':
      return [stringField(fields, 'trigname') ?? ''];
    case 'CreateCastStmt':
    case 'CreateOpClassStmt':
    case 'CreateOpFamilyStmt':
      return qualified(names(fields.opclassname ?? fields.opfamilyname));
    default:
      return listField(fields, 'defnames').length ? qualified(names(fields.defnames)) : [];
  }
}

/** SQLSTATEs of "does not exist" errors that a skipped statement or extension explains. */
const MISSING_OBJECT_CODES = new Set([
  '42P01',
  '42704',
  '42883',
  '3F000',
  '42703',
  '42P02',
  '42725',
]);

/** The name a "does not exist" message is about: the first quoted name, or `function name(`. */
export function missingName(message: string): string | undefined {
  const quoted = /"((?:[^"]|"")+)"/.exec(message);
  if (quoted?.[1]) return quoted[1].replace(/""/g, '"');
  const fn = /^(?:function|procedure|operator|aggregate)\s+([^\s(]+)\s*\(/.exec(message);
  return fn?.[1];
}

/** How a failure is explained: by a lost object, by a skipped extension, or not at all. */
export type Explanation =
  | { kind: 'lost'; object: LostObject; name: string }
  | { kind: 'extension'; extension: string; name: string; certain: boolean };

/**
 * Explains a failed statement by what was skipped before it. `skippedExtensions` maps the
 * extensions skipped so far to the schema they were to be created in, if one was given.
 */
export function explainFailure(
  error: { code?: string; message: string },
  lost: readonly LostObject[],
  skippedExtensions: ReadonlyMap<string, string | undefined>,
): Explanation | undefined {
  if (error.code === undefined || !MISSING_OBJECT_CODES.has(error.code)) return undefined;
  const name = missingName(error.message);
  if (name === undefined) return undefined;
  const lower = name.toLowerCase();
  const last = lower.split('.').pop() as string;
  for (let i = lost.length - 1; i >= 0; i--) {
    const object = lost[i] as LostObject;
    if (object.names.some((n) => n.toLowerCase() === lower || n.toLowerCase() === last)) {
      return { kind: 'lost', object, name };
    }
  }
  if (skippedExtensions.size === 0) return undefined;
  const schema = lower.includes('.') ? lower.slice(0, lower.lastIndexOf('.')) : undefined;
  for (const [extension, extensionSchema] of skippedExtensions) {
    const known = KNOWN_EXTENSION_OBJECTS[extension];
    const byName = last === extension.toLowerCase() || (known?.test(last) ?? false);
    // An extension installed into a schema of its own (WITH SCHEMA pgsodium) owns what is in it.
    const bySchema =
      schema !== undefined &&
      extensionSchema !== undefined &&
      schema === extensionSchema.toLowerCase() &&
      schema !== 'public';
    if (byName || bySchema) return { kind: 'extension', extension, name, certain: true };
  }
  return {
    kind: 'extension',
    extension: [...skippedExtensions.keys()].join('", "'),
    name,
    certain: false,
  };
}
