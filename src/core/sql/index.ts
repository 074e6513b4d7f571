export type { DdlOutput, DdlProblem, DdlStatement, DdlStatementKind } from './types';
export { generateDdl, generateTableDdl } from './generateDdl';
export {
  checkIdentifierLength,
  MAX_IDENTIFIER_BYTES,
  qualifiedName,
  quoteIdent,
  quoteLiteral,
  utf8ByteLength,
} from './quote';
export { keywordCategory, type KeywordCategory } from './keywords';
