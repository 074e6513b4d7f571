/**
 * SQL script in, what to run and what to report: pure pieces of import. The database side
 * (src/db/import) splits statements with PostgreSQL's parser, runs them in a scratch PGlite and
 * reads the catalog back.
 */
export { classifyStatement, type ClassifyContext, type Decision, type SkipKind } from './classify';
export {
  createdNames,
  explainFailure,
  missingName,
  type Explanation,
  type LostObject,
} from './dependents';
export {
  BUILTIN_EXTENSIONS,
  contribModulesFor,
  isAvailableExtension,
  PGLITE_CONTRIB,
  scriptExtensions,
} from './extensions';
export {
  decodeInput,
  firstInvalidUtf8,
  MAX_IMPORT_BYTES,
  restoreCommand,
  type DecodedInput,
  type InputEncoding,
  type InputError,
  type InputErrorKind,
} from './decodeInput';
export {
  dialectNotice,
  dialectSentence,
  foreignDialectNotice,
  type DialectNotice,
} from './dialectNotice';
export { LineIndex } from './lines';
export { maskSqlLiterals, type MaskedScript } from './maskSqlLiterals';
export { statementTree, type ParseNode, type StatementTree } from './parseTree';
export {
  preprocessScript,
  type CopyData,
  type MetaCommand,
  type PreprocessedScript,
} from './preprocess';
export * from './report';
export { ImportReportBuilder, type ScriptStatement } from './reportBuilder';
export {
  detectSqlDialect,
  type DialectMarker,
  type DialectVerdict,
  type ForeignDialect,
} from './sqlDialect';
export { scanScript, type ScannedScript, type TextRange } from './scanScript';
export {
  planIncrementalRead,
  type IncrementalPlan,
  type PlannedStatement,
  type PlanOutcome,
} from './incrementalPlan';
export {
  columnTypeNames,
  statementEffect,
  tableKey,
  type StatementEffect,
  type TableKey,
} from './statementEffects';
