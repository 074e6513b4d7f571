import { quoteIdent, quoteLiteral } from '../sql/quote';
import {
  commentOn,
  pending,
  schemaOf,
  sqlNameIn,
  type ExtraContext,
  type PendingExtra,
} from './extraContext';
import { defaultSequenceName } from './objectNames';
import type { EventTriggerRow, ExtensionRow, PublicationRow, SequenceRow } from './extrasQueries';
import { jsonArray, jsonObject, key } from './values';

/** Extensions, sequences, event triggers and publications. */

export function extensionExtras(ctx: ExtraContext, rows: readonly ExtensionRow[]): PendingExtra[] {
  return rows.map((row) => {
    const schema = schemaOf(ctx, row.schema_oid);
    // A schema the extension made itself is not the design's: CREATE EXTENSION makes it again.
    const where =
      schema || row.schema === 'pg_catalog' ? ` WITH SCHEMA ${quoteIdent(row.schema)}` : '';
    let sql = `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(row.name)}${where};`;
    // CREATE EXTENSION sets the control file's comment; only a different one is the user's.
    if (row.comment !== row.default_comment) {
      sql +=
        row.comment === null
          ? `\nCOMMENT ON EXTENSION ${quoteIdent(row.name)} IS NULL;`
          : commentOn('EXTENSION ' + quoteIdent(row.name), row.comment);
    }
    const made = pending(ctx, {
      kind: 'extension',
      name: row.name,
      sql,
      oid: row.oid,
      keys: [`pg_extension:${key(row.oid)}`],
    });
    if (schema) made.extra.schemaId = schema.id;
    return made;
  });
}

/**
 * CREATE SEQUENCE with every option spelled out (so nothing depends on defaults), and for a
 * sequence owned by a column a separate `sequenceOwnership` object: the sequence must exist
 * before the table whose default uses it, the ownership needs the table.
 */
export function sequenceExtras(ctx: ExtraContext, rows: readonly SequenceRow[]): PendingExtra[] {
  const out: PendingExtra[] = [];
  for (const row of rows) {
    const name = sqlNameIn(ctx, row.schema_oid, row.name);
    const owner = row.owner_table === null ? undefined : ctx.relations.get(key(row.owner_table));
    const column =
      row.owner_attnum === null ? undefined : owner?.columns?.get(Number(row.owner_attnum));
    // The column reads back as serial, which makes this sequence again (see toColumn).
    if (
      row.serial_candidate &&
      owner &&
      column !== undefined &&
      row.name === defaultSequenceName(owner.name, column)
    )
      continue;
    const sql =
      `CREATE ${row.unlogged ? 'UNLOGGED ' : ''}SEQUENCE ${name}\n` +
      `  AS ${row.type}\n  START WITH ${row.start}\n  INCREMENT BY ${row.increment}\n` +
      `  MINVALUE ${row.min}\n  MAXVALUE ${row.max}\n  CACHE ${row.cache}` +
      (row.cycle ? '\n  CYCLE' : '') +
      ';' +
      commentOn('SEQUENCE ' + name, row.comment);
    const sequence = pending(ctx, {
      kind: 'sequence',
      schemaOid: row.schema_oid,
      name: row.name,
      sql,
      oid: row.oid,
      keys: [`pg_class:${key(row.oid)}`],
    });
    out.push(sequence);
    if (row.owner_table === null || row.owner_attnum === null) continue;
    if (!owner || !owner.isTable || column === undefined) {
      ctx.note(
        `Sequence ${name} belongs to a column the design does not include; it is kept without its owner.`,
      );
      continue;
    }
    out.push(
      pending(ctx, {
        kind: 'sequenceOwnership',
        schemaOid: row.schema_oid,
        name: row.name,
        sql: `ALTER SEQUENCE ${name} OWNED BY ${owner.sqlName}.${quoteIdent(column)};`,
        // Right after its sequence in creation order.
        oid: Number(row.oid) + 0.5,
        tableId: owner.id,
        dependsOn: [sequence.extra.id, owner.id],
      }),
    );
  }
  return out;
}

const EVENT_ENABLE: Record<string, string> = {
  D: 'DISABLE',
  R: 'ENABLE REPLICA',
  A: 'ENABLE ALWAYS',
};

export function eventTriggerExtras(
  ctx: ExtraContext,
  rows: readonly EventTriggerRow[],
): PendingExtra[] {
  return rows.map((row) => {
    const name = quoteIdent(row.name);
    const tags = jsonArray<string>(row.tags);
    let sql = `CREATE EVENT TRIGGER ${name} ON ${quoteIdent(row.event)}`;
    if (tags.length > 0) sql += `\n  WHEN TAG IN (${tags.map(quoteLiteral).join(', ')})`;
    sql += `\n  EXECUTE FUNCTION ${row.function}();`;
    const enable = EVENT_ENABLE[row.enabled];
    if (enable) sql += `\nALTER EVENT TRIGGER ${name} ${enable};`;
    sql += commentOn('EVENT TRIGGER ' + name, row.comment);
    return pending(ctx, {
      kind: 'eventTrigger',
      name: row.name,
      sql,
      oid: row.oid,
      keys: [`pg_event_trigger:${key(row.oid)}`],
    });
  });
}

interface PublicationFields {
  puballtables: boolean;
  pubinsert: boolean;
  pubupdate: boolean;
  pubdelete: boolean;
  pubtruncate: boolean;
  pubviaroot: boolean;
  /** PostgreSQL 18: 'n' none, 's' stored (a boolean in some versions). */
  pubgencols?: string | boolean;
}

interface PublishedTable {
  table: string;
  table_oid: number | string;
  columns: string[] | null;
  where: string | null;
}

export function publicationExtras(
  ctx: ExtraContext,
  rows: readonly PublicationRow[],
): PendingExtra[] {
  return rows.map((row) => {
    const p = jsonObject<PublicationFields>(row.publication);
    const targets: string[] = [];
    const dependsOn: string[] = [];
    for (const t of jsonArray<PublishedTable>(row.tables)) {
      let target = 'TABLE ONLY ' + t.table;
      if (t.columns && t.columns.length > 0) target += ' (' + t.columns.join(', ') + ')';
      if (t.where) target += ' WHERE (' + t.where + ')';
      targets.push(target);
      const relation = ctx.relations.get(key(t.table_oid));
      if (relation) dependsOn.push(relation.id);
    }
    for (const schema of jsonArray<string>(row.schemas)) targets.push('TABLES IN SCHEMA ' + schema);
    let sql = 'CREATE PUBLICATION ' + quoteIdent(row.name);
    if (p?.puballtables) sql += ' FOR ALL TABLES';
    else if (targets.length > 0) sql += ' FOR ' + targets.join(', ');
    const publish = (['insert', 'update', 'delete', 'truncate'] as const).filter(
      (action) => p?.[`pub${action}`] ?? true,
    );
    const options = [`publish = ${quoteLiteral(publish.join(', '))}`];
    if (p?.pubviaroot) options.push('publish_via_partition_root = true');
    if (p?.pubgencols === 's' || p?.pubgencols === true)
      options.push('publish_generated_columns = stored');
    sql +=
      ' WITH (' +
      options.join(', ') +
      ');' +
      commentOn('PUBLICATION ' + quoteIdent(row.name), row.comment);
    return pending(ctx, {
      kind: 'publication',
      name: row.name,
      sql,
      oid: row.oid,
      keys: [`pg_publication:${key(row.oid)}`],
      dependsOn,
    });
  });
}
