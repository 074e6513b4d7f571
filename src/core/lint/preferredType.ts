import { typeInfo } from './typeInfo';

/** What the money rule recommends (money-type). */
export const MONEY_NUMERIC = 'numeric(12,2)';

/**
 * The type the review's own type rules recommend in place of `type`, so that what a fix writes is
 * not flagged by another rule: timestamptz for timestamp (prefer-timestamptz), jsonb for json
 * (prefer-jsonb), text for varchar and char (prefer-text, prefer-text-over-char), numeric for
 * money (money-type). Precision and array-ness are kept; anything else is returned as written.
 */
export function preferredType(type: string): string {
  const t = typeInfo(type);
  const arr = t.array ? '[]' : '';
  switch (t.base) {
    case 'timestamp':
      return `timestamptz${t.modifiers ? `(${t.modifiers})` : ''}${arr}`;
    case 'json':
      return `jsonb${arr}`;
    case 'varchar':
    case 'char':
      return `text${arr}`;
    case 'money':
      return `${MONEY_NUMERIC}${arr}`;
    default:
      return type;
  }
}
