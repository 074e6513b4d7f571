import { quoteLiteral } from '../sql/quote';
import {
  commentOn,
  pending,
  sqlNameIn,
  type ExtraContext,
  type PendingExtra,
} from './extraContext';
import type { RoutineRow } from './extrasQueries';
import { jsonObject, key } from './values';

/**
 * Functions and procedures as pg_get_functiondef prints them; aggregates (which it refuses)
 * assembled from pg_aggregate as pg_dump does.
 */
export function routineExtras(ctx: ExtraContext, rows: readonly RoutineRow[]): PendingExtra[] {
  const out: PendingExtra[] = [];
  for (const row of rows) {
    const signature = sqlNameIn(ctx, row.schema_oid, row.name) + '(' + row.identity_args + ')';
    const noun = row.kind === 'p' ? 'PROCEDURE' : row.kind === 'a' ? 'AGGREGATE' : 'FUNCTION';
    const body =
      row.kind === 'a' ? aggregateSql(signature, row) : (row.definition ?? '').trimEnd() + ';';
    if (row.kind === 'a' && !row.aggregate) {
      ctx.note(`Aggregate ${signature} could not be read; it is left out.`);
      continue;
    }
    out.push(
      pending(ctx, {
        kind: row.kind === 'p' ? 'procedure' : row.kind === 'a' ? 'aggregate' : 'function',
        schemaOid: row.schema_oid,
        name: `${row.name}(${row.identity_args})`,
        sql: body + commentOn(noun + ' ' + signature, row.comment),
        oid: row.oid,
        keys: [`pg_proc:${key(row.oid)}`],
      }),
    );
  }
  return out;
}

interface AggregateParts {
  kind: string;
  sfunc: string;
  stype: string;
  sspace: number;
  finalfunc: string | null;
  finalfunc_extra: boolean;
  finalfunc_modify: string;
  combinefunc: string | null;
  serialfunc: string | null;
  deserialfunc: string | null;
  initcond: string | null;
  msfunc: string | null;
  minvfunc: string | null;
  mstype: string | null;
  msspace: number;
  mfinalfunc: string | null;
  mfinalfunc_extra: boolean;
  mfinalfunc_modify: string;
  minitcond: string | null;
  sortop: string | null;
  parallel: string;
}

const MODIFY: Record<string, string> = { r: 'READ_ONLY', s: 'SHAREABLE', w: 'READ_WRITE' };
const PARALLEL: Record<string, string> = { s: 'SAFE', r: 'RESTRICTED' };

function aggregateSql(signature: string, row: RoutineRow): string {
  const a = jsonObject<AggregateParts>(row.aggregate);
  if (!a) return '';
  const options = ['SFUNC = ' + a.sfunc, 'STYPE = ' + a.stype];
  if (a.sspace) options.push('SSPACE = ' + a.sspace);
  if (a.finalfunc) options.push('FINALFUNC = ' + a.finalfunc);
  if (a.finalfunc_extra) options.push('FINALFUNC_EXTRA');
  // READ_ONLY is the default for normal aggregates, READ_WRITE for ordered-set ones.
  const defaultModify = a.kind === 'n' ? 'r' : 'w';
  if (a.finalfunc && a.finalfunc_modify !== defaultModify) {
    options.push('FINALFUNC_MODIFY = ' + (MODIFY[a.finalfunc_modify] ?? 'READ_ONLY'));
  }
  if (a.combinefunc) options.push('COMBINEFUNC = ' + a.combinefunc);
  if (a.serialfunc) options.push('SERIALFUNC = ' + a.serialfunc);
  if (a.deserialfunc) options.push('DESERIALFUNC = ' + a.deserialfunc);
  if (a.initcond !== null) options.push('INITCOND = ' + quoteLiteral(a.initcond));
  if (a.msfunc) options.push('MSFUNC = ' + a.msfunc);
  if (a.minvfunc) options.push('MINVFUNC = ' + a.minvfunc);
  if (a.mstype) options.push('MSTYPE = ' + a.mstype);
  if (a.msspace) options.push('MSSPACE = ' + a.msspace);
  if (a.mfinalfunc) options.push('MFINALFUNC = ' + a.mfinalfunc);
  if (a.mfinalfunc_extra) options.push('MFINALFUNC_EXTRA');
  if (a.mfinalfunc && a.mfinalfunc_modify !== defaultModify) {
    options.push('MFINALFUNC_MODIFY = ' + (MODIFY[a.mfinalfunc_modify] ?? 'READ_ONLY'));
  }
  if (a.minitcond !== null) options.push('MINITCOND = ' + quoteLiteral(a.minitcond));
  if (a.sortop) options.push('SORTOP = ' + sortOperator(a.sortop));
  if (a.kind === 'h') options.push('HYPOTHETICAL');
  const parallel = PARALLEL[a.parallel];
  if (parallel) options.push('PARALLEL = ' + parallel);
  return 'CREATE AGGREGATE ' + signature + ' (\n  ' + options.join(',\n  ') + '\n);';
}

/** regoper prints `>` or `myschema.>`; outside pg_catalog the qualified form needs OPERATOR(). */
function sortOperator(operator: string): string {
  return operator.includes('.') ? 'OPERATOR(' + operator + ')' : operator;
}
