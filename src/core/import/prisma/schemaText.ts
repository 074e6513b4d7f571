/**
 * What Prisma's DMMF leaves out of a schema that Prisma has already validated, read from the
 * schema's own lines: the order of fields (Unsupported ones included), `Unsupported("…")` fields
 * (the DMMF drops them: the client cannot read them, but they are columns), the `map:` names of
 * foreign keys, the schema of each enum, and @@ignore'd models (absent from the DMMF). Prisma
 * fields and attributes are one to a line, so a line reader is enough once the engine accepted
 * the text.
 */

export interface UnsupportedField {
  name: string;
  /** The column name (`@map`), or the field name. */
  column: string;
  /** The PostgreSQL type inside `Unsupported("…")`, with `[]` for a list. */
  type: string;
  optional: boolean;
  /** The expression of `@default(dbgenerated("…"))`. */
  defaultExpression?: string;
}

export interface ModelText {
  /** Every field name in the order written. */
  fieldOrder: string[];
  unsupported: UnsupportedField[];
  /** Relation field name → the foreign key name its `map:` gives. */
  foreignKeyNames: Map<string, string>;
  ignored: boolean;
}

export interface SchemaText {
  models: Map<string, ModelText>;
  /** Enum name → the schema its `@@schema` gives. */
  enumSchemas: Map<string, string>;
}

export function readSchemaText(text: string): SchemaText {
  const models = new Map<string, ModelText>();
  const enumSchemas = new Map<string, string>();
  let block: { kind: string; name: string } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!block) {
      const open = /^(model|enum|view|type)\s+(\w+)\s*\{/.exec(line);
      if (open?.[1] && open[2]) {
        block = { kind: open[1], name: open[2] };
        if (block.kind === 'model')
          models.set(block.name, {
            fieldOrder: [],
            unsupported: [],
            foreignKeyNames: new Map(),
            ignored: false,
          });
      }
      continue;
    }
    if (line.startsWith('}')) {
      block = undefined;
      continue;
    }
    if (line === '' || line.startsWith('//')) continue;
    if (block.kind === 'enum') {
      const schema = /^@@schema\(\s*("(?:[^"\\]|\\.)*")\s*\)/.exec(line)?.[1];
      if (schema) enumSchemas.set(block.name, JSON.parse(schema) as string);
      continue;
    }
    const model = models.get(block.name);
    if (!model) continue;
    if (line.startsWith('@@')) {
      if (/^@@ignore\b/.test(line)) model.ignored = true;
      continue;
    }
    readField(line, model);
  }
  return { models, enumSchemas };
}

function readField(line: string, model: ModelText): void {
  const name = /^(\w+)\s+/.exec(line);
  if (!name?.[1]) return;
  model.fieldOrder.push(name[1]);
  const rest = line.slice(name[0].length);
  if (rest.startsWith('Unsupported(')) {
    const args = balanced(rest, 'Unsupported('.length - 1);
    if (!args) return;
    const after = rest.slice(args.end);
    const type = firstString(args.inside) ?? '';
    const mapped = attributeArgs(after, '@map');
    const dflt = attributeArgs(after, '@default');
    const generated = dflt ? attributeArgs(dflt, 'dbgenerated') : undefined;
    model.unsupported.push({
      name: name[1],
      column: (mapped && firstString(mapped)) ?? name[1],
      type: after.startsWith('[]') ? `${type}[]` : type,
      optional: after.startsWith('?'),
      ...(generated && firstString(generated) !== undefined
        ? { defaultExpression: firstString(generated) }
        : {}),
    });
    return;
  }
  const relation = attributeArgs(rest, '@relation');
  if (relation) {
    const map = /(?:^|[,(\s])map\s*:\s*("(?:[^"\\]|\\.)*")/.exec(stringsBlanked(relation));
    if (map?.index !== undefined) {
      const at = relation.indexOf('"', map.index);
      const value = firstString(relation.slice(at));
      if (value !== undefined) model.foreignKeyNames.set(name[1], value);
    }
  }
}

/** The text between the parentheses of `name(…)` in `text`, if the attribute is there. */
function attributeArgs(text: string, name: string): string | undefined {
  const blanked = stringsBlanked(text);
  const re = new RegExp(`${name.replace(/[@]/g, '\\$&')}\\(`, 'g');
  for (let m = re.exec(blanked); m; m = re.exec(blanked)) {
    // `@map(` must not match inside `@@map(`; `dbgenerated(` may follow `(`.
    if (name.startsWith('@') && blanked[m.index - 1] === '@') continue;
    const found = balanced(text, m.index + m[0].length - 1);
    if (found) return found.inside;
  }
  return undefined;
}

/** From the `(` at `open`: what is inside up to its `)`, strings skipped, and the index after. */
function balanced(text: string, open: number): { inside: string; end: number } | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return { inside: text.slice(open + 1, i), end: i + 1 };
  }
  return undefined;
}

/** The index of the `"` closing the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/** The value of the first string literal in `text` (Prisma strings escape as JSON does). */
function firstString(text: string): string | undefined {
  const start = text.indexOf('"');
  if (start < 0) return undefined;
  try {
    return JSON.parse(text.slice(start, stringEnd(text, start) + 1)) as string;
  } catch {
    return undefined;
  }
}

/** `text` with the contents of its string literals replaced by spaces (same length). */
function stringsBlanked(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') {
      out += text[i];
      continue;
    }
    const end = stringEnd(text, i);
    out += '"' + ' '.repeat(Math.max(0, end - i - 1)) + (end < text.length ? '"' : '');
    i = end;
  }
  return out;
}
