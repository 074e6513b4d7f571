import type { EnumType, Namespace } from '../model/schema';
import type { RenderContext } from './context';
import { schemaNameOf } from './describe';
import { qualifiedName, quoteIdent, quoteLiteral } from './quote';

/** Enum labels go one per line once the one-line form would be longer than this. */
const ONE_LINE_ENUM_LIMIT = 100;

export function renderCreateSchema(schema: Namespace): string {
  return 'CREATE SCHEMA ' + quoteIdent(schema.name) + ';';
}

/** `CREATE TYPE name AS ENUM ('a', 'b');`, wrapped one label per line when long. */
export function renderCreateEnum(ctx: RenderContext, type: EnumType): string {
  const head = 'CREATE TYPE ' + enumName(ctx, type) + ' AS ENUM (';
  const labels = type.values.map(quoteLiteral);
  const oneLine = head + labels.join(', ') + ');';
  if (oneLine.length <= ONE_LINE_ENUM_LIMIT) return oneLine;
  return head + '\n  ' + labels.join(',\n  ') + '\n);';
}

export function enumName(ctx: RenderContext, type: EnumType): string {
  return qualifiedName(schemaNameOf(ctx.design, type.schemaId), type.name);
}
