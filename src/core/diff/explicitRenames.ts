import type { Design, Table } from '../model/schema';
import { err, ok, type Result } from '../result';
import { qualifiedName, quoteIdent } from '../sql/quote';
import type { ColumnRename, Renames, TableRename } from './renames';

/**
 * Renames a person decides (`tablewright diff --rename`), written `old=new`:
 * `table=new_table`, `table.column=new_column`, `schema.table=new_table`,
 * `schema.table.column=new_column`. Names are as the files spell them after PostgreSQL read them
 * (unquoted, exactly as they are; no case folding); a name with `.`, `=`, `"` or spaces goes in
 * double quotes with `"` doubled, as in SQL: `"order.lines"."Qty ""net"""=quantity`.
 * On the left, the old file's names; on the right, the one new name (same table, same schema).
 */
export interface RenameRequest {
  /** The flag as given, for messages. */
  text: string;
  /** The old path: [table], [table, column] or [schema, table], [schema, table, column]. */
  path: string[];
  to: string;
}

/** Parses one `--rename` value; the error is a sentence. */
export function parseRenameRequest(text: string): Result<RenameRequest, string> {
  const parts: string[] = [];
  let sides = 0;
  let to: string | undefined;
  let i = 0;
  const bad = (why: string) => err(`--rename ${text}: ${why}`);
  while (i <= text.length) {
    let name = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return bad('a quoted name is not closed (end it with ").');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            name += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += text[i];
        i++;
      }
    } else {
      while (i < text.length && text[i] !== '.' && text[i] !== '=' && text[i] !== '"')
        name += text[i++];
      if (text[i] === '"') return bad('a quote inside a name: quote the whole name ("a""b").');
    }
    if (name === '') return bad('a name is empty (write old=new, e.g. album.title=name).');
    const sep = text[i];
    if (sides === 0) parts.push(name);
    else to = name;
    if (sep === undefined) break;
    if (sep === '=') {
      if (sides === 1) return bad('more than one "=" outside quotes.');
      sides = 1;
    } else if (sep === '.') {
      if (sides === 1) return bad('the new name is one name (same table, same schema).');
    } else return bad(`unexpected ${sep} after a quoted name.`);
    i++;
  }
  if (to === undefined) return bad('write old=new, e.g. album.title=name or album=record.');
  if (parts.length > 3) return bad('at most schema.table.column on the left.');
  return ok({ text, path: parts, to });
}

/**
 * The renames the requests name, checked against the designs: the old names must be in the old
 * design and gone from the new one, the new names new. Table renames are resolved first, so a
 * column of a renamed table is found in its renamed table. Every problem is reported, not only
 * the first.
 */
export function resolveRenameRequests(
  a: Design,
  b: Design,
  requests: readonly RenameRequest[],
): Result<Renames, string[]> {
  // Each problem at its request's place, so they read in the order given.
  const problems = new Map<RenameRequest, string>();
  const tables: TableRename[] = [];
  const columnRequests: { r: RenameRequest; schema?: string; table: string; column: string }[] = [];
  for (const r of requests) {
    const [p, q, s] = r.path as [string, string?, string?];
    if (s !== undefined) columnRequests.push({ r, schema: p, table: q!, column: s });
    else if (q === undefined) {
      const found = resolveTable(a, b, r, undefined, p);
      if (typeof found === 'string') problems.set(r, found);
      else tables.push(found);
    } else {
      // table.column or schema.table: whichever the old design has.
      const asColumn = tablesNamed(a, p).some((t) => t.columns.some((c) => c.name === q));
      const asTable = tablesNamed(a, q, p).length > 0;
      if (asColumn && asTable)
        problems.set(
          r,
          `--rename ${r.text}: the old file has both a column ${quoteIdent(p)}.${quoteIdent(q)} and a table ${qualifiedName(p, q)}; for the column write its schema first (schema.table.column); a table of that name cannot be told apart here, rename it in a run of its own.`,
        );
      else if (asTable) {
        const found = resolveTable(a, b, r, p, q);
        if (typeof found === 'string') problems.set(r, found);
        else tables.push(found);
      } else columnRequests.push({ r, table: p, column: q });
    }
  }
  const columns: ColumnRename[] = [];
  for (const { r, schema, table, column } of columnRequests) {
    const found = resolveColumn(a, b, r, tables, schema, table, column);
    if (typeof found === 'string') problems.set(r, found);
    else columns.push(found);
  }
  const messages = [
    ...requests.flatMap((r) => (problems.has(r) ? [problems.get(r)!] : [])),
    ...duplicates(tables, columns),
  ];
  return messages.length > 0 ? err(messages) : ok({ tables, columns });
}

function tablesNamed(d: Design, name: string, schema?: string): Table[] {
  return Object.values(d.tables).filter(
    (t) =>
      t.name === name && (schema === undefined || (d.schemas[t.schemaId]?.name ?? '') === schema),
  );
}

const schemaOf = (d: Design, t: Table) => d.schemas[t.schemaId]?.name ?? 'public';

/** The one old table a path names, or why there is none. */
function oldTable(a: Design, r: RenameRequest, schema: string | undefined, name: string) {
  const found = tablesNamed(a, name, schema);
  const label = schema === undefined ? quoteIdent(name) : qualifiedName(schema, name);
  if (found.length === 0) return `--rename ${r.text}: the old file has no table ${label}.`;
  if (found.length > 1)
    return `--rename ${r.text}: the old file has a table ${label} in several schemas (${found.map((t) => schemaOf(a, t)).join(', ')}): write schema.table.`;
  return found[0]!;
}

function resolveTable(
  a: Design,
  b: Design,
  r: RenameRequest,
  schema: string | undefined,
  name: string,
): TableRename | string {
  const t = oldTable(a, r, schema, name);
  if (typeof t === 'string') return t;
  const s = schemaOf(a, t);
  const where = s === 'public' ? '' : ` in schema ${quoteIdent(s)}`;
  if (tablesNamed(b, t.name, s).length > 0)
    return `--rename ${r.text}: the new file still has table ${qualifiedName(s, t.name)}, so it was not renamed.`;
  const u = tablesNamed(b, r.to, s)[0];
  if (!u) return `--rename ${r.text}: the new file has no table ${quoteIdent(r.to)}${where}.`;
  if (tablesNamed(a, r.to, s).length > 0)
    return `--rename ${r.text}: the old file already has a table ${qualifiedName(s, r.to)}.`;
  return {
    fromId: t.id,
    toId: u.id,
    schema: s,
    from: t.name,
    to: u.name,
    source: 'explicit',
    reason: 'given with --rename',
  };
}

function resolveColumn(
  a: Design,
  b: Design,
  r: RenameRequest,
  tables: readonly TableRename[],
  schema: string | undefined,
  table: string,
  column: string,
): ColumnRename | string {
  const t = oldTable(a, r, schema, table);
  if (typeof t === 'string') return t;
  const s = schemaOf(a, t);
  const label = qualifiedName(s, t.name);
  const c = t.columns.find((x) => x.name === column);
  if (!c)
    return `--rename ${r.text}: table ${label} of the old file has no column ${quoteIdent(column)}.`;
  // Its renamed table, else itself: by id, or by name under another id.
  const u =
    b.tables[tables.find((x) => x.fromId === t.id)?.toId ?? t.id] ?? tablesNamed(b, t.name, s)[0];
  if (!u)
    return `--rename ${r.text}: the new file has no table ${label}; if it was renamed, say so too: --rename ${label}=<new name>.`;
  const newLabel = qualifiedName(s, u.name);
  if (u.columns.some((x) => x.name === column))
    return `--rename ${r.text}: table ${newLabel} of the new file still has column ${quoteIdent(column)}, so it was not renamed.`;
  const d = u.columns.find((x) => x.name === r.to);
  if (!d)
    return `--rename ${r.text}: table ${newLabel} of the new file has no column ${quoteIdent(r.to)}.`;
  if (t.columns.some((x) => x.name === r.to))
    return `--rename ${r.text}: table ${label} of the old file already has a column ${quoteIdent(r.to)}.`;
  return {
    tableFromId: t.id,
    tableToId: u.id,
    schema: s,
    table: t.name,
    fromId: c.id,
    toId: d.id,
    from: c.name,
    to: d.name,
    source: 'explicit',
    reason: 'given with --rename',
  };
}

/** Two renames of one old thing, or onto one new thing. */
function duplicates(tables: readonly TableRename[], columns: readonly ColumnRename[]): string[] {
  const out = new Set<string>();
  const seen = new Map<string, string>();
  const note = (key: string, what: string) => {
    const before = seen.get(key);
    if (before !== undefined)
      out.add(`--rename: ${before} and ${what} name the same ${key.split(':')[0]}.`);
    else seen.set(key, what);
  };
  for (const r of tables) {
    note(`table:${r.fromId}`, `${r.from}=${r.to}`);
    note(`table:${r.toId}`, `${r.from}=${r.to}`);
  }
  for (const r of columns) {
    note(`column:${r.fromId}`, `${r.table}.${r.from}=${r.to}`);
    note(`column:${r.toId}`, `${r.table}.${r.from}=${r.to}`);
  }
  return [...out];
}
